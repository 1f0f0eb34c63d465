import Foundation

/// A dated code of an actor: `[HOBGOV 19950601-19990815]`, `[HOB <950601]`, `[HOBREB >990816]`.
/// Both limits are inclusive ("or equal to"), as in PETRARCH.
public struct PetrarchRestriction: Sendable, Hashable {
    public var codes: [String]
    /// YYYYMMDD, inclusive; nil = open.
    public var from: Int?
    public var until: Int?
    public func contains(_ date: Int) -> Bool {
        if let from, date < from { return false }
        if let until, date > until { return false }
        return true
    }
}

/// An actor record: a primary phrase, its `+` synonyms, a default code and dated codes.
public struct PetrarchActor: Sendable {
    /// The primary phrase ("GOLLUM").
    public var name: String
    public var synonyms: [String]
    /// Code used when no restriction applies; empty = null code.
    public var defaultCodes: [String]
    public var restrictions: [PetrarchRestriction]
    public var file: String
    public var line: Int

    /// Codes valid on `date` (YYYYMMDD): the first restriction that contains the date, else the
    /// default; without a date the default, else the last restriction.
    public func codes(on date: Int?) -> [String] {
        if let date {
            for r in restrictions where r.contains(date) { return r.codes }
            return defaultCodes
        }
        if !defaultCodes.isEmpty { return defaultCodes }
        return restrictions.last?.codes ?? []
    }
}

/// Reads TABARI/PETRARCH actor dictionaries.
public enum PetrarchActorReader {
    /// Parses `[CODE]`, `[CODE/CODE]`, `[CODE <date]`, `[CODE >date]`, `[CODE date-date]`.
    public static func read(text: String, file: String) throws -> [PetrarchActor] {
        var w: [String] = []
        return try read(text: text, file: file, strict: true, warnings: &w)
    }

    static func restriction(_ inside: Substring, file: String, line: Int) throws -> PetrarchRestriction {
        let t = PetrarchLines.trim(inside)
        var codeEnd = t.startIndex
        while codeEnd < t.endIndex, t[codeEnd] != " ", t[codeEnd] != "\t", t[codeEnd] != "<", t[codeEnd] != ">" {
            codeEnd = t.index(after: codeEnd)
        }
        let code = t[..<codeEnd]
        let rest = PetrarchLines.trim(t[codeEnd...])
        guard !code.isEmpty else { throw DictionaryError(file: file, line: line, message: "missing actor code in [\(inside)]") }
        if code.first!.isNumber && rest.isEmpty {
            throw DictionaryError(file: file, line: line, message: "date restriction [\(inside)] has no actor code")
        }
        let codes = code.split(separator: "/").map { $0.uppercased() }
        var r = PetrarchRestriction(codes: codes, from: nil, until: nil)
        if rest.isEmpty { return r }
        func date(_ s: Substring) throws -> Int {
            guard let d = PetrarchLines.date(PetrarchLines.trim(s)) else {
                throw DictionaryError(
                    file: file, line: line, message: "bad date '\(PetrarchLines.trim(s))' in [\(inside)] (YYMMDD or YYYYMMDD)")
            }
            return d
        }
        if rest.first == "<" {
            r.until = try date(rest.dropFirst())
        } else if rest.first == ">" {
            r.from = try date(rest.dropFirst())
        } else if let dash = rest.firstIndex(of: "-") {
            r.from = try date(rest[..<dash])
            r.until = try date(rest[rest.index(after: dash)...])
        } else {
            throw DictionaryError(file: file, line: line, message: "bad date restriction '\(rest)' (use <date, >date or date-date)")
        }
        return r
    }

    /// Reads an actor file. Structural problems throw; a malformed date restriction (a typo such as
    /// `[ARMUNR 9008223-911221]` in the production set) is skipped with a warning unless `strict`.
    public static func read(text: String, file: String, strict: Bool = false, warnings: inout [String]) throws -> [PetrarchActor] {
        var actors: [PetrarchActor] = []
        func restriction(_ inside: Substring, file: String, line: Int) throws -> PetrarchRestriction? {
            do {
                return try PetrarchActorReader.restriction(inside, file: file, line: line)
            } catch let e as DictionaryError where !strict && e.message.hasPrefix("bad date") {
                warnings.append(e.description + "; restriction ignored")
                return nil
            }
        }
        for line in PetrarchLines.lines(text, semicolonComments: true) {
            let t = PetrarchLines.trim(line.text)
            guard let first = t.first else { continue }
            if line.indented && first == "[" {
                guard !actors.isEmpty else {
                    throw DictionaryError(file: file, line: line.number, message: "date restriction before any actor")
                }
                guard let b = PetrarchLines.firstBracket(t) else {
                    throw DictionaryError(file: file, line: line.number, message: "unclosed '[' in date restriction")
                }
                guard let r = try restriction(b.inside, file: file, line: line.number) else { continue }
                if r.from == nil && r.until == nil {
                    actors[actors.count - 1].defaultCodes = r.codes
                } else {
                    actors[actors.count - 1].restrictions.append(r)
                }
                continue
            }
            var phrase = t
            var code: [String]? = nil
            if let open = t.firstIndex(of: "[") {
                guard let b = PetrarchLines.firstBracket(t) else {
                    throw DictionaryError(file: file, line: line.number, message: "unclosed '[' in actor code")
                }
                phrase = PetrarchLines.trim(t[..<open])
                let r = try restriction(b.inside, file: file, line: line.number) ?? PetrarchRestriction(codes: [], from: nil, until: nil)
                code = r.codes.isEmpty ? nil : r.codes
                if r.from != nil || r.until != nil {
                    // Inline restriction (TABARI style): keep it.
                    if first == "+", !actors.isEmpty {
                        actors[actors.count - 1].restrictions.append(r)
                    } else {
                        actors.append(
                            PetrarchActor(name: "", synonyms: [], defaultCodes: [], restrictions: [r], file: file, line: line.number))
                        actors[actors.count - 1].name = PetrarchLines.display(trimUnderscores(phrase))
                        continue
                    }
                    code = nil
                }
            }
            if first == "+" {
                guard !actors.isEmpty else {
                    throw DictionaryError(file: file, line: line.number, message: "synonym '+' before any actor")
                }
                let syn = trimUnderscores(PetrarchLines.trim(phrase.dropFirst()))
                guard !syn.isEmpty else { throw DictionaryError(file: file, line: line.number, message: "empty synonym") }
                actors[actors.count - 1].synonyms.append(PetrarchLines.display(syn))
                if let code, actors[actors.count - 1].defaultCodes.isEmpty { actors[actors.count - 1].defaultCodes = code }
                continue
            }
            if first == "[" || first == "]" {
                throw DictionaryError(
                    file: file, line: line.number, message: "code without an actor phrase (restriction lines must start with a tab)")
            }
            let name = trimUnderscores(phrase)
            guard !name.isEmpty else { throw DictionaryError(file: file, line: line.number, message: "empty actor phrase") }
            actors.append(
                PetrarchActor(
                    name: PetrarchLines.display(name), synonyms: [], defaultCodes: code ?? [], restrictions: [],
                    file: file, line: line.number))
        }
        return actors
    }

    static func trimUnderscores(_ s: Substring) -> Substring {
        var t = s
        while t.hasSuffix("_") { t = t.dropLast() }
        return PetrarchLines.trim(t)
    }
}

/// A generic agent noun: `SOLDIER [~MIL]` (suffix code) or `MSF [NGO~]` (prefix code).
public struct PetrarchAgent: Sendable {
    public var phrase: String
    public var plurals: [String]
    public var code: String
    /// `NGO~`: the code goes before the actor code.
    public var isPrefix: Bool
    public var file: String
    public var line: Int
}

/// Reads agent dictionaries: substitution sets `!PERSON! = MAN, MEN`, `{plural}` forms and
/// `[~CODE]` / `[CODE~]` codes.
public enum PetrarchAgentReader {
    public static func read(text: String, file: String) throws -> [PetrarchAgent] {
        var w: [String] = []
        return try read(text: text, file: file, strict: true, warnings: &w)
    }

    /// Reads an agent file; unless `strict`, a malformed line is skipped with a warning.
    public static func read(text: String, file: String, strict: Bool, warnings: inout [String]) throws -> [PetrarchAgent] {
        var subs: [String: [String]] = [:]
        var agents: [PetrarchAgent] = []
        for line in PetrarchLines.lines(text) {
            do {
                let t = PetrarchLines.trim(line.text)
                if t.isEmpty { continue }
                if t.first == "!", let eq = t.firstIndex(of: "=") {
                    let name = PetrarchLines.trim(t[..<eq]).uppercased()
                    guard name.count > 2, name.hasSuffix("!") else {
                        throw DictionaryError(file: file, line: line.number, message: "substitution set name must look like !NAME!")
                    }
                    subs[name] = t[t.index(after: eq)...].split(separator: ",").map { $0.filter { $0 != " " && $0 != "\t" }.uppercased() }
                    continue
                }
                // "[~LEG}" (as in the PETRARCH docs and Phoenix.agents.txt) is accepted for "[~LEG]".
                var bracketed = t
                if !t.contains("]"), let open = t.lastIndex(of: "["), let close = t[open...].firstIndex(of: "}") {
                    bracketed = t[..<close] + "]" + t[t.index(after: close)...]
                }
                guard let b = PetrarchLines.lastBracket(bracketed) else {
                    throw DictionaryError(file: file, line: line.number, message: "agent without a [~CODE]")
                }
                let codeText = b.inside.filter { $0 != " " && $0 != "\t" }
                let isPrefix: Bool
                let code: String
                if codeText.hasPrefix("~") {
                    isPrefix = false
                    code = String(codeText.dropFirst()).uppercased()
                } else if codeText.hasSuffix("~") {
                    isPrefix = true
                    code = String(codeText.dropLast()).uppercased()
                } else {
                    throw DictionaryError(file: file, line: line.number, message: "agent code [\(b.inside)] must start or end with '~'")
                }
                guard !code.isEmpty else { throw DictionaryError(file: file, line: line.number, message: "empty agent code") }
                var phrase = PetrarchLines.trim(b.before)
                var plurals: [String]? = nil
                if let open = phrase.firstIndex(of: "{") {
                    guard let close = phrase[open...].firstIndex(of: "}") else {
                        throw DictionaryError(file: file, line: line.number, message: "unclosed '{' in agent plural")
                    }
                    plurals = phrase[phrase.index(after: open)..<close].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                    phrase = PetrarchLines.trim(phrase[..<open])
                }
                guard !phrase.isEmpty else { throw DictionaryError(file: file, line: line.number, message: "agent without a phrase") }
                var base = String(phrase)
                while base.hasSuffix("_") { base.removeLast() }
                // Substitution markers expand without plural formation.
                if let open = base.firstIndex(of: "!"), let close = base[base.index(after: open)...].firstIndex(of: "!") {
                    let marker = String(base[open...close]).uppercased()
                    guard let list = subs[marker] else {
                        throw DictionaryError(file: file, line: line.number, message: "substitution set \(marker) is not defined")
                    }
                    for item in list {
                        let p = base.replacingCharacters(in: open...close, with: item)
                        agents.append(
                            PetrarchAgent(
                                phrase: PetrarchLines.display(p), plurals: [], code: code, isPrefix: isPrefix, file: file, line: line.number
                            ))
                    }
                    continue
                }
                let pl = plurals.map { $0.map { PetrarchLines.display($0) } } ?? [PetrarchLines.display(PetrarchLines.plural(base))]
                agents.append(
                    PetrarchAgent(
                        phrase: PetrarchLines.display(base), plurals: pl, code: code, isPrefix: isPrefix, file: file, line: line.number))
            } catch let e as DictionaryError where !strict {
                warnings.append(e.description + "; line ignored")
            }
        }
        return agents
    }
}

/// Discard phrases: a sentence (or, with `+`, the whole story) containing one is not coded.
/// A phrase ending in `_` must end at a word boundary; otherwise its last word is a stem.
public struct PetrarchDiscards: Sendable {
    public struct Entry: Sendable {
        public var text: String
        /// Lower-cased words of the phrase.
        public var words: [[UInt8]]
        public var story: Bool
        public var exact: Bool
    }
    public var entries: [Entry] = []
    /// First up-to-3 lower-cased bytes of the first word → entries.
    var index: [UInt32: [Int32]] = [:]

    public init() {}

    public init(text: String, file: String) throws {
        for line in PetrarchLines.lines(text) {
            var t = PetrarchLines.trim(line.text)
            var story = false
            if t.first == "+" {
                story = true
                t = PetrarchLines.trim(t.dropFirst())
            }
            guard !t.isEmpty else { throw DictionaryError(file: file, line: line.number, message: "empty discard phrase") }
            let exact = t.hasSuffix("_")
            while t.hasSuffix("_") { t = t.dropLast() }
            let s = String(t).replacingOccurrences(of: "_", with: " ")
            let toks = Tokenizer.tokens(of: s)
            var words: [[UInt8]] = []
            let bytes = Array(s.utf8)
            for tok in toks { words.append(bytes[Int(tok.start)..<Int(tok.end)].map(TokenKey.lowerASCII)) }
            guard let w0 = words.first, !w0.isEmpty else { continue }
            entries.append(Entry(text: String(t), words: words, story: story, exact: exact))
            index[Self.prefixKey(w0[...]), default: []].append(Int32(entries.count - 1))
        }
    }

    @inline(__always)
    static func prefixKey(_ w: ArraySlice<UInt8>) -> UInt32 {
        var k: UInt32 = UInt32(min(w.count, 3)) << 24
        var shift: UInt32 = 0
        for b in w.prefix(3) {
            k |= UInt32(b) << shift
            shift += 8
        }
        return k
    }

    /// The first discard phrase found in the tokens of `bytes`, if any.
    public func match(tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> Entry? {
        if entries.isEmpty { return nil }
        for (i, tok) in tokens.enumerated() {
            let s = Int(tok.start), e = Int(tok.end)
            let len = min(e - s, 3)
            if len <= 0 { continue }
            var packed: UInt32 = 0
            for n in 1...len {
                packed |= UInt32(TokenKey.lowerASCII(bytes[s + n - 1])) << UInt32(8 * (n - 1))
                guard let cands = index[UInt32(n) << 24 | packed] else { continue }
                for c in cands where matches(entries[Int(c)], at: i, tokens: tokens, bytes: bytes) {
                    return entries[Int(c)]
                }
            }
        }
        return nil
    }

    private func matches(_ e: Entry, at i: Int, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i + e.words.count <= tokens.count else { return false }
        for (k, w) in e.words.enumerated() {
            let tok = tokens[i + k]
            let s = Int(tok.start), len = Int(tok.end) - s
            let last = k == e.words.count - 1
            if last && !e.exact {
                if len < w.count { return false }
            } else if len != w.count {
                return false
            }
            for j in 0..<w.count where TokenKey.lowerASCII(bytes[s + j]) != w[j] { return false }
        }
        return true
    }
}

/// Issue phrases (`n:atrocity [ID_ATROCITY]`); `~phrase` lines cancel issue coding of a sentence.
public struct PetrarchIssues: Sendable {
    public var codes: [String] = []
    /// Phrase → index into `codes`, or -1 for an ignore phrase.
    public var trie = PetrarchTrie()
    public var phraseCount = 0

    public init() {}

    public init(text: String, file: String) throws {
        var codeIndex: [String: Int32] = [:]
        var category: String? = nil
        for line in PetrarchLines.lines(text) {
            let t = PetrarchLines.trim(line.text)
            if t.hasPrefix("<ISSUE") {
                category = PetrarchValidationAttributes.parse(t.dropFirst(6))["category"]
                continue
            }
            if t.hasPrefix("</ISSUE") { category = nil; continue }
            if t.isEmpty || t.hasPrefix("<") { continue }
            var phrase = t
            var value: Int32 = -1
            if t.first == "~" {
                phrase = PetrarchLines.trim(t.drop(while: { $0 == "~" }))
            } else {
                // A phrase without [CODE] takes the code of its <ISSUE CATEGORY="..."> block.
                let b = PetrarchLines.lastBracket(t)
                guard let code = b.map({ String(PetrarchLines.trim($0.inside)) }) ?? category else {
                    throw DictionaryError(
                        file: file, line: line.number, message: "issue phrase without [CODE] outside an <ISSUE CATEGORY> block")
                }
                guard !code.isEmpty else { throw DictionaryError(file: file, line: line.number, message: "empty issue code") }
                if let v = codeIndex[code] {
                    value = v
                } else {
                    codes.append(code)
                    value = Int32(codes.count - 1)
                    codeIndex[code] = value
                }
                phrase = b.map { PetrarchLines.trim($0.before) } ?? t
            }
            for variant in Self.expand(phrase) {
                trie.insert(PetrarchLines.keys(variant), value: value)
                phraseCount += 1
            }
        }
    }

    /// Expands `n:` (singular and plural), `v:` (regular verb forms) and `+` (blank or hyphen).
    static func expand(_ phrase: Substring) -> [String] {
        var variants: [[String]] = [[]]
        for word in phrase.split(separator: " ") {
            var forms: [String]
            if word.hasPrefix("n:") {
                let w = String(word.dropFirst(2))
                forms = [w, PetrarchLines.plural(w)]
            } else if word.hasPrefix("v:") {
                let w = String(word.dropFirst(2))
                forms = [w] + PetrarchVerbDictionary.regularForms(w)
            } else {
                forms = [String(word)]
            }
            forms = forms.flatMap { f -> [String] in
                f.contains("+") ? [f.replacingOccurrences(of: "+", with: " "), f.replacingOccurrences(of: "+", with: "-")] : [f]
            }
            variants = variants.flatMap { v in forms.map { v + [$0] } }
        }
        return variants.map { $0.joined(separator: " ") }
    }

    /// Issue codes found in a sentence with their counts, empty when an ignore phrase occurs.
    public func issues(in keys: UnsafeBufferPointer<UInt64>) -> [(code: String, count: Int)] {
        var counts: [Int32: Int] = [:]
        var i = 0
        while i < keys.count {
            if let m = trie.longestMatch(keys, from: i) {
                if m.value < 0 { return [] }
                counts[m.value, default: 0] += 1
                i += m.length
            } else {
                i += 1
            }
        }
        return counts.sorted { $0.key < $1.key }.map { (codes[Int($0.key)], $0.value) }
    }
}

/// `name="value"` attribute lists (validation records, issue blocks).
enum PetrarchValidationAttributes {
    static func parse(_ s: Substring) -> [String: String] { PetrarchValidationSuite.attributes(s) }
}
