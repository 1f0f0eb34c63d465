/// Reading and writing CoNLL-U, the Universal Dependencies treebank format.
///
/// Only syntactic words are kept (multi-word token ranges such as `2-3 don't` and empty nodes such as
/// `8.1` are skipped), which is what the CoNLL 2018 scorer compares with gold tokenisation.
public enum CoNLLU {
    /// One word line of a CoNLL-U sentence.
    public struct Word: Sendable, Hashable {
        public var form: String
        public var lemma: String
        public var upos: String
        public var xpos: String
        public var feats: String
        /// 1-based index of the head, 0 for the root.
        public var head: Int
        public var deprel: String
        public var misc: String

        public init(
            form: String, lemma: String = "_", upos: String = "_", xpos: String = "_", feats: String = "_", head: Int = 0,
            deprel: String = "_", misc: String = "_"
        ) {
            self.form = form
            self.lemma = lemma
            self.upos = upos
            self.xpos = xpos
            self.feats = feats
            self.head = head
            self.deprel = deprel
            self.misc = misc
        }
    }

    /// A sentence: its comment lines (without `# `) and its words.
    public struct Sentence: Sendable, Hashable {
        public var comments: [String]
        public var words: [Word]

        public init(comments: [String] = [], words: [Word]) {
            self.comments = comments
            self.words = words
        }

        /// The value of a `# key = value` comment.
        public func comment(_ key: String) -> String? {
            for c in comments {
                guard c.hasPrefix(key) else { continue }
                let rest = c.dropFirst(key.count).drop(while: { $0 == " " })
                if rest.first == "=" { return String(rest.dropFirst().drop(while: { $0 == " " })) }
            }
            return nil
        }
    }

    /// A malformed line, with its 1-based line number.
    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Parses CoNLL-U text into sentences.
    ///
    /// Throws ``FormatError`` naming the line for a word line without ten tab-separated fields or with
    /// a head that is not a number.
    public static func parse(_ text: String) throws -> [Sentence] {
        var out: [Sentence] = []
        var comments: [String] = []
        var words: [Word] = []
        var lineNumber = 0
        func flush() {
            if !words.isEmpty { out.append(Sentence(comments: comments, words: words)) }
            comments = []
            words = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.last == "\r" ? raw.dropLast() : raw[...]
            if line.isEmpty {
                flush()
                continue
            }
            if line.first == "#" {
                comments.append(String(line.dropFirst().drop(while: { $0 == " " })))
                continue
            }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 10 else {
                throw FormatError(line: lineNumber, message: "expected 10 tab-separated fields, found \(f.count)")
            }
            // Multi-word token ranges and empty nodes are not syntactic words.
            if f[0].contains("-") || f[0].contains(".") { continue }
            guard Int(f[0]) != nil else { throw FormatError(line: lineNumber, message: "word id '\(f[0])' is not a number") }
            let head: Int
            if f[6] == "_" {
                head = 0
            } else if let h = Int(f[6]) {
                head = h
            } else {
                throw FormatError(line: lineNumber, message: "head '\(f[6])' is not a number")
            }
            words.append(
                Word(
                    form: String(f[1]), lemma: String(f[2]), upos: String(f[3]), xpos: String(f[4]), feats: String(f[5]),
                    head: head, deprel: String(f[7]), misc: String(f[9])))
        }
        flush()
        return out
    }

    /// Writes sentences as CoNLL-U (the DEPS column is `_`).
    public static func write(_ sentences: [Sentence]) -> String {
        var out = ""
        for s in sentences { write(s, to: &out) }
        return out
    }

    /// Appends one sentence, followed by its blank line.
    public static func write(_ s: Sentence, to out: inout String) {
        for c in s.comments { out += "# \(c)\n" }
        for (i, w) in s.words.enumerated() {
            out += "\(i + 1)\t\(field(w.form))\t\(field(w.lemma))\t\(field(w.upos))\t\(field(w.xpos))\t\(field(w.feats))\t"
            out += "\(w.head)\t\(field(w.deprel))\t_\t\(field(w.misc))\n"
        }
        out += "\n"
    }

    /// Tabs and newlines cannot appear inside a field; an empty field is `_`.
    static func field(_ s: String) -> String {
        if s.isEmpty { return "_" }
        if !s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) { return s }
        return String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
