/// A statement that judges what it is about is coded by its judgement: "a Pentagon spokesman said
/// that any such move would be unacceptable" criticises (CAMEO 111), "British officials described
/// the outcome as deeply disturbing" is pessimistic (012). The codebook codes the speaker's act, and
/// a statement with a condemning or alarmed word says more than "said" (010).
///
/// The words are data, `Resources/Grammar/en/evaluations.tsv`, read once.
struct Evaluation: Sendable {
    /// Per CAMEO code, its words, in the file's order (the first list that a sentence hits wins).
    let lists: [(code: String, words: KeySet)]

    /// The bundled lists.
    static let bundled = BundledResource.load("Grammar/en/evaluations.tsv", Evaluation.init(parsing:origin:))

    init(parsing text: String, origin: String) throws {
        var lists: [(String, KeySet)] = []
        for (line, parts) in BundledResource.tabRows(text, maxSplits: 1) {
            guard parts.count == 2, CameoTable.shared[String(parts[0])] != nil else {
                throw DictionaryError(file: origin, line: line, message: "expected a CAMEO code, a tab and words")
            }
            lists.append((String(parts[0]), KeySet(parts[1].split(separator: " ").map { TokenKey.hash($0) })))
        }
        self.lists = lists
    }

    /// The code of the judgement the tokens outside `excluded` express, nil when they express none.
    func code(_ tokens: [Token], excluding excluded: (Int) -> Bool) -> (code: String, at: Int)? {
        for (code, words) in lists {
            if let p = tokens.indices.first(where: { words.contains(tokens[$0].key) && !excluded($0) }) { return (code, p) }
        }
        return nil
    }
}
