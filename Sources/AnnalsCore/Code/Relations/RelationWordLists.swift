/// The English word lists the relation rules read ("wing", "backed", "former" ...), by name.
///
/// The words are data, `Resources/Grammar/en/relations.tsv`, read once: one list per line, its
/// name, a tab and its entries separated by spaces ("_" inside an entry stands for a space). The
/// token keys of every list are computed at load, so the rules compare keys, not strings.
struct RelationWordLists: Sendable {
    /// One list: its entries (lower case, as strings for the few places that need text) and their keys.
    struct List: Sendable {
        let words: Set<String>
        let keys: KeySet
    }

    /// The lists the rules read; a file must give each exactly once, and no other.
    static let names: [String] = [
        "part-nouns", "ally-nouns", "proxy-nouns", "member-nouns", "control-place-words", "person-roles", "leader-heads",
        "non-leader-roles", "lead-participles", "back-participles", "control-participles", "take-verbs", "copulas", "glue",
        "naming-words", "inclusion-words", "gap-stops", "not-names", "name-particles", "locative-prepositions", "past-roles",
        "government-nouns",
    ]

    private let lists: [String: List]

    /// The bundled lists.
    static let bundled = BundledResource.load("Grammar/en/relations.tsv", RelationWordLists.init(parsing:origin:))

    /// Reads lists in the format of `relations.tsv`; `origin` names the file in errors
    /// (``DictionaryError``, with the line).
    init(parsing text: String, origin: String) throws {
        let known = Set(Self.names)
        var lists: [String: List] = [:]
        var firstLine: [String: Int] = [:]
        for (lineNumber, parts) in BundledResource.tabRows(text, maxSplits: 1) {
            let entries = parts.count == 2 ? parts[1].split(whereSeparator: { $0 == " " || $0 == "\r" }) : []
            guard parts.count == 2, !entries.isEmpty else {
                throw DictionaryError(file: origin, line: lineNumber, message: "expected a list name, a tab and words")
            }
            let name = String(parts[0])
            guard known.contains(name) else {
                throw DictionaryError(file: origin, line: lineNumber, message: "unknown list '\(name)'")
            }
            if let first = firstLine[name] {
                throw DictionaryError(file: origin, line: lineNumber, message: "list '\(name)' is given twice (first on line \(first))")
            }
            if let upper = entries.first(where: { $0 != $0.lowercased() }) {
                throw DictionaryError(file: origin, line: lineNumber, message: "'\(upper)' is not lower case")
            }
            let words = Set(entries.map { $0.replacingOccurrences(of: "_", with: " ") })
            lists[name] = List(words: words, keys: ClosedClass.keys(words))
            firstLine[name] = lineNumber
        }
        if let missing = Self.names.first(where: { lists[$0] == nil }) {
            // The error names the file's last line, where the missing list would go.
            let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).count
            throw DictionaryError(file: origin, line: lastLine, message: "list '\(missing)' is missing")
        }
        self.lists = lists
    }

    /// The list called `name`, one of ``names``.
    subscript(name: String) -> List {
        guard let list = lists[name] else { preconditionFailure("no relation word list '\(name)'") }
        return list
    }
}
