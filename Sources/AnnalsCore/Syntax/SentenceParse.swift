/// A cleaned sentence parsed into CoNLL-U, with each token's span into the original document.
extension ParserModel {
    /// The sentence's tokens, tags, lemmas, features and tree as a CoNLL-U sentence.
    ///
    /// MISC holds `Span=START:END` (UTF-8 byte offsets into the original document text) and
    /// `SpaceAfter=No` where the next token follows without a space.
    public func conllu(_ sentence: Sentence, tokens: [Token], tree: DependencyTree, docID: String) -> CoNLLU.Sentence {
        let bytes = Array(sentence.text.utf8)
        var words: [CoNLLU.Word] = []
        words.reserveCapacity(tokens.count)
        for (i, t) in tokens.enumerated() {
            let form = String(decoding: bytes[Int(t.start)..<Int(t.end)], as: UTF8.self)
            let xpos = xposOfTag[Int(tree.tags[i])]
            let passive = tree.relations.indices.contains { tree.heads[$0] == Int32(i) && tree.relations[$0] == .aux && tree.passive[$0] }
            let span = sentence.originalSpan(Int(t.start), Int(t.end))
            var misc = "Span=\(span.start):\(span.end)"
            if i + 1 < tokens.count && tokens[i + 1].start == t.end { misc = "SpaceAfter=No|" + misc }
            words.append(
                CoNLLU.Word(
                    form: form, lemma: Lemmatizer.lemma(form, xpos: xpos), upos: uposNameOfTag[Int(tree.tags[i])], xpos: xpos,
                    feats: Lemmatizer.feats(xpos: xpos, passive: passive), head: Int(tree.heads[i]) + 1,
                    deprel: label(tree.labels[i]), misc: misc))
        }
        return CoNLLU.Sentence(comments: ["sent_id = \(docID)-\(sentence.index)", "text = \(sentence.text)"], words: words)
    }

    /// Tokenises and parses a cleaned sentence.
    public func parse(_ sentence: Sentence) -> (tokens: [Token], tree: DependencyTree) {
        let tokens = Tokenizer.tokens(of: sentence.text)
        return (tokens, parse(SyntaxWord.words(of: sentence.text, tokens: tokens)))
    }
}
