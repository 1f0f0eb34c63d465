extension DictionaryCoder {
    /// A human-readable trace of how one sentence is analysed (tokens, mentions, verb groups,
    /// subjects and objects), for `annals analyze`.
    public func trace(_ text: String, date: Day?) -> String {
        let sentence = Sentence(index: 0, text: text)
        let a = sentenceCoder.analyse(sentence, day: date)
        func words(_ s: Int, _ e: Int) -> String { text.utf8Slice(Int(a.tokens[s].start), Int(a.tokens[max(s, e - 1)].end)) }
        var out = "tokens: " + a.tokens.indices.map { "\($0):\(words($0, $0 + 1))" }.joined(separator: " ") + "\n"
        for (n, m) in a.mentions.enumerated() {
            out +=
                "mention \(n) [\(m.start),\(m.end)) '\(words(m.start, m.end))' \(m.kind) code=\(m.code) name=\(m.name) person=\(m.isPerson)\n"
        }
        for (g, group) in a.groups.enumerated() {
            out +=
                "group \(g) head=\(group.head) '\(words(group.start, group.head + 1))' form=\(group.form) neg=\(group.negated) passive=\(group.passive) inf=\(group.infinitival) subj=\(a.subjects[g]) obj=\(a.objects[g])\n"
        }
        for c in sentenceCoder.events(a) {
            out +=
                "event \(c.code) src=\(c.sources) tgt=\(c.targets) \(c.polarity) \(c.modality) trigger='\(words(c.triggerStart, c.triggerEnd))' \(c.notes)\n"
        }
        return out
    }
}
