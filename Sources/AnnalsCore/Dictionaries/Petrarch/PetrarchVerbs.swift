import Foundation

/// A PETRARCH/TABARI event code as written in a dictionary: `[042]`, `[032:033]` (paired: the
/// second code is the event from the target back to the source), `[:173]`, or `[---]` (null).
public struct PetrarchCode: Sendable, Hashable {
    /// Code of the event source → target, nil when null.
    public var forward: String?
    /// Code of the paired event target → source, nil when none.
    public var reverse: String?
    /// As written.
    public var raw: String

    public init(_ raw: some StringProtocol) {
        let r = String(raw).trimmingCharacters(in: .whitespaces)
        self.raw = r
        func norm(_ s: Substring) -> String? {
            let t = s.trimmingCharacters(in: .whitespaces)
            return t.isEmpty || t == "---" ? nil : t
        }
        if let colon = r.firstIndex(of: ":") {
            forward = norm(r[..<colon])
            reverse = norm(r[r.index(after: colon)...])
        } else {
            forward = norm(Substring(r))
            reverse = nil
        }
    }

    public var isNull: Bool { forward == nil && reverse == nil }
    public static let null = PetrarchCode("---")
}

/// One element of a verb pattern.
public enum PetrarchElement: Sendable, Hashable {
    /// Consecutive words (one pattern word may be several tokens: `N'T`, `ANTI-`).
    case words([UInt64])
    /// Any phrase of a synset (index into ``PetrarchVerbDictionary/synsets``).
    case synset(Int32)
    /// `$`: the source actor stands here.
    case source
    /// `+`: the target actor stands here.
    case target
    /// `^`: skip a noun phrase.
    case skip
    /// `%`: a compound actor that is both source and target.
    case compound
}

public struct PetrarchPatternItem: Sendable, Hashable {
    public var element: PetrarchElement
    /// Joined with `_`: must touch the verb or the previous item (no words between).
    public var adjacent: Bool
    public var text: String
}

/// A pattern line `- lower * upper [code]` of a verb block.
public struct PetrarchPattern: Sendable {
    /// Items before the verb, nearest the verb first (matched leftwards).
    public var lower: [PetrarchPatternItem]
    /// Items after the verb, in order.
    public var upper: [PetrarchPatternItem]
    public var code: PetrarchCode
    public var text: String
    public var file: String
    public var line: Int
    /// Larger = more specific; patterns are tried in decreasing specificity.
    public var specificity: Int
    /// A token key every match needs (the first word of the longest word element), 0 when none;
    /// patterns whose anchor is not in the sentence are not tried.
    public var anchor: UInt64 = 0
    public var hasSource: Bool { (lower + upper).contains { $0.element == .source || $0.element == .compound } }
    public var hasTarget: Bool { (lower + upper).contains { $0.element == .target || $0.element == .compound } }
}

/// A verb form as it appears in text, possibly with words that must precede or follow it
/// (`+CORDONED_OFF`, `WIRE_+TAPPED`).
public struct PetrarchVerbForm: Sendable {
    public var pre: [UInt64]
    public var post: [UInt64]
    public var block: Int32
    /// The verb line's own code, else the block's.
    public var code: PetrarchCode
    public var text: String
    public var line: Int
}

/// A synonym block `--- NAME [code] ---` with its verbs and patterns.
public struct PetrarchVerbBlock: Sendable {
    public var name: String
    public var code: PetrarchCode
    public var verbs: [String]
    /// Indexes into ``PetrarchVerbDictionary/patterns``, most specific first.
    public var patterns: [Int32]
    public var file: String
    public var line: Int
}

public struct PetrarchSynset: Sendable {
    public var name: String
    /// Member phrases as token keys, longest first.
    public var phrases: [[UInt64]]
    public var members: [String]
}

/// A compiled verb dictionary.
public struct PetrarchVerbDictionary: Sendable {
    public var synsets: [PetrarchSynset] = []
    public var blocks: [PetrarchVerbBlock] = []
    public var patterns: [PetrarchPattern] = []
    public var forms: [PetrarchVerbForm] = []
    /// Verb token key → forms whose verb word has that key (longest pre/post first).
    public var formsByKey: [UInt64: [Int32]] = [:]
    public var warnings: [String] = []
    /// `~` transformation lines (PETRARCH2 verb-verb rules), kept as text; not applied.
    public var transformations: [String] = []

    public init() {}

    /// Reads a verb dictionary in the PETRARCH/TABARI format (see `dictionaries.rst`).
    /// Unless `strict`, a malformed line is skipped and reported in ``warnings``.
    public init(text: String, file: String, strict: Bool = true) throws {
        var synsetIndex: [String: Int32] = [:]
        var block: Int32 = -1
        var inSynset = false
        var blockPatterns: [[Int32]] = []

        func fail(_ n: Int, _ m: String) -> DictionaryError { DictionaryError(file: file, line: n, message: m) }

        for line in PetrarchLines.lines(text) {
            do {
                let t = PetrarchLines.trim(line.text)
                guard let first = t.first else { continue }
                if t.hasPrefix("---") {
                    // --- NAME [CODE] ---
                    inSynset = false
                    var body = t.dropFirst(3)
                    if body.hasSuffix("---") { body = body.dropLast(3) }
                    var code = PetrarchCode.null
                    var name = body
                    if let b = PetrarchLines.firstBracket(body) {
                        code = PetrarchCode(b.inside)
                        name = b.before
                    }
                    blocks.append(
                        PetrarchVerbBlock(
                            name: PetrarchLines.display(PetrarchLines.trim(name)), code: code, verbs: [], patterns: [],
                            file: file, line: line.number))
                    blockPatterns.append([])
                    block = Int32(blocks.count - 1)
                } else if first == "&" {
                    // Synset label.
                    var name = String((t.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? t).dropFirst())
                    let noPlural = name.hasSuffix("_")
                    while name.hasSuffix("_") { name.removeLast() }
                    name = name.uppercased()
                    if synsetIndex[name] != nil { throw fail(line.number, "synset \(name) is defined twice") }
                    synsets.append(PetrarchSynset(name: name, phrases: [], members: []))
                    synsetIndex[name] = Int32(synsets.count - 1)
                    inSynset = true
                    synsetNoPlural = noPlural
                } else if first == "+" && inSynset {
                    let member = PetrarchLines.trim(t.dropFirst())
                    let s = synsets.count - 1
                    if member.hasPrefix("&") {
                        var ref = String(member.dropFirst())
                        while ref.hasSuffix("_") { ref.removeLast() }
                        guard let other = synsetIndex[ref.uppercased()] else {
                            throw fail(line.number, "synset &\(ref) is used before it is defined")
                        }
                        synsets[s].phrases += synsets[Int(other)].phrases
                        synsets[s].members += synsets[Int(other)].members
                        continue
                    }
                    if member.isEmpty { throw fail(line.number, "empty synset member") }
                    let exact = member.hasSuffix("_") || synsetNoPlural
                    var m = String(member)
                    while m.hasSuffix("_") { m.removeLast() }
                    synsets[s].members.append(PetrarchLines.display(m))
                    synsets[s].phrases.append(PetrarchLines.keys(m))
                    if !exact { synsets[s].phrases.append(PetrarchLines.keys(PetrarchLines.plural(m))) }
                } else if first == "-" {
                    inSynset = false
                    guard block >= 0 else {
                        throw fail(line.number, "pattern outside a verb block (no '--- VERB [code] ---' header before it)")
                    }
                    let body = t.dropFirst()
                    guard let b = PetrarchLines.lastBracket(body) else {
                        throw fail(line.number, "pattern without a [code]")
                    }
                    do {
                        if let p = try Self.parsePattern(
                            b.before, code: PetrarchCode(b.inside), synsets: synsetIndex, file: file, line: line.number)
                        {
                            patterns.append(p)
                            blockPatterns[Int(block)].append(Int32(patterns.count - 1))
                        }
                    } catch let e as UndefinedSynset {
                        warnings.append("\(file):\(line.number): pattern uses undefined synset &\(e.name); pattern ignored")
                    }
                } else if first == "~" {
                    transformations.append(String(t))
                } else {
                    // A verb line: WORDS {FORMS} [CODE]
                    inSynset = false
                    guard block >= 0 else {
                        throw fail(line.number, "verb outside a verb block (no '--- VERB [code] ---' header before it)")
                    }
                    try addVerbLine(t, block: block, file: file, line: line.number)
                }
            } catch let e as DictionaryError where !strict {
                warnings.append(e.description + "; line ignored")
            }
        }
        for (i, list) in blockPatterns.enumerated() {
            let sorted = list.enumerated().sorted { a, b in
                let sa = patterns[Int(a.element)].specificity, sb = patterns[Int(b.element)].specificity
                return sa != sb ? sa > sb : a.offset < b.offset
            }.map(\.element)
            blocks[i].patterns = sorted
        }
        for (k, list) in formsByKey {
            formsByKey[k] = list.sorted {
                forms[Int($0)].pre.count + forms[Int($0)].post.count > forms[Int($1)].pre.count + forms[Int($1)].post.count
            }
        }
    }

    private var synsetNoPlural = false

    struct UndefinedSynset: Error { var name: String }

    private mutating func addVerbLine(_ t: Substring, block: Int32, file: String, line: Int) throws {
        var rest = t
        var code = blocks[Int(block)].code
        if let b = PetrarchLines.lastBracket(rest), b.after.allSatisfy({ $0 == " " || $0 == "\t" }) {
            code = PetrarchCode(b.inside)
            rest = b.before
        }
        var irregular: [Substring]? = nil
        if let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw DictionaryError(file: file, line: line, message: "unclosed '{' in verb forms")
            }
            irregular = rest[rest.index(after: open)..<close].split(whereSeparator: { $0 == " " || $0 == "\t" })
            rest = rest[..<open]
        }
        let phrase = PetrarchLines.trim(rest)
        guard !phrase.isEmpty else { throw DictionaryError(file: file, line: line, message: "verb line without a verb") }
        guard let base = Self.splitVerbPhrase(phrase) else {
            throw DictionaryError(file: file, line: line, message: "cannot read verb '\(phrase)'")
        }
        blocks[Int(block)].verbs.append(PetrarchLines.display(phrase.replacingOccurrences(of: "+", with: "")))
        var words: [(pre: [String], verb: String, post: [String])] = [base]
        if let irregular {
            for f in irregular {
                guard var v = Self.splitVerbPhrase(f) else { continue }
                if !f.contains("+") && !f.contains("_") { v.pre = base.pre; v.post = base.post }
                words.append(v)
            }
        } else {
            for f in Self.regularForms(base.verb) { words.append((base.pre, f, base.post)) }
        }
        let b = Int32(block)
        for w in words {
            let vk = PetrarchLines.keys(w.verb)
            guard let key = vk.first else { continue }
            let pre = w.pre.flatMap { PetrarchLines.keys($0) }
            let post = Array(vk.dropFirst()) + w.post.flatMap { PetrarchLines.keys($0) }
            let text = (w.pre + [w.verb] + w.post).joined(separator: " ")
            forms.append(PetrarchVerbForm(pre: pre, post: post, block: b, code: code, text: text, line: line))
            formsByKey[key, default: []].append(Int32(forms.count - 1))
        }
    }

    /// `KLM_NOP_+RST` → (["KLM","NOP"], "RST", []); without `+` the first word is the verb.
    static func splitVerbPhrase(_ s: some StringProtocol) -> (pre: [String], verb: String, post: [String])? {
        let parts = String(s).split(whereSeparator: { (c: Character) in c == "_" || c == " " || c == "\t" }).map(String.init)
        guard !parts.isEmpty else { return nil }
        let vi = parts.firstIndex { $0.hasPrefix("+") } ?? 0
        let verb = parts[vi].hasPrefix("+") ? String(parts[vi].dropFirst()) : parts[vi]
        guard !verb.isEmpty else { return nil }
        return (Array(parts[..<vi]), verb, Array(parts[(vi + 1)...]))
    }

    /// Regular forms as PETRARCH generates them: `S`, `ED`, `ING` with the usual spelling rules.
    static func regularForms(_ verb: String) -> [String] {
        let v = verb.uppercased()
        guard let last = v.last else { return [] }
        if last == "E" {
            let stem = String(verb.dropLast())
            return [verb + "S", verb + "D", stem + "ING"]
        }
        if last == "Y", let b = v.dropLast().last, !"AEIOU".contains(b) {
            let stem = String(verb.dropLast())
            return [stem + "IES", stem + "IED", verb + "ING"]
        }
        if v.hasSuffix("S") || v.hasSuffix("X") || v.hasSuffix("Z") || v.hasSuffix("CH") || v.hasSuffix("SH") {
            return [verb + "ES", verb + "ED", verb + "ING"]
        }
        return [verb + "S", verb + "ED", verb + "ING"]
    }

    /// Parses the part of a pattern line between `-` and `[code]`.
    static func parsePattern(
        _ body: Substring, code: PetrarchCode, synsets: [String: Int32], file: String, line: Int
    ) throws -> PetrarchPattern? {
        // Tokens with their join flags. PETRARCH2 grouping characters ( ) { } only group: drop them.
        var raw: [(text: String, joined: Bool)] = []
        // "*SCEPTICAL" is "* SCEPTICAL"; "IN_*" stays joined.
        var spaced = ""
        var prev: Character = " "
        let chars = Array(body)
        for (i, c) in chars.enumerated() {
            if c == "*" {
                if prev != " " && prev != "_" && prev != "\t" { spaced.append(" ") }
                spaced.append("*")
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                if next != " " && next != "_" && next != "\t" { spaced.append(" ") }
            } else {
                spaced.append(c)
            }
            prev = c
        }
        for chunk in spaced.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var c = String(chunk)
            c.removeAll { $0 == "(" || $0 == ")" || $0 == "{" || $0 == "}" }
            if c.isEmpty { continue }
            let joinFirst = c.hasPrefix("_") && !raw.isEmpty
            let parts = c.split(separator: "_", omittingEmptySubsequences: true)
            for (i, p) in parts.enumerated() {
                raw.append((String(p), i > 0 || joinFirst))
            }
        }
        guard let star = raw.firstIndex(where: { $0.text == "*" }) else {
            throw DictionaryError(file: file, line: line, message: "pattern has no '*' marking the verb")
        }
        if raw[(star + 1)...].contains(where: { $0.text == "*" }) {
            throw DictionaryError(file: file, line: line, message: "pattern has more than one '*'")
        }
        func item(_ r: (text: String, joined: Bool), adjacent: Bool) throws -> PetrarchPatternItem {
            let e: PetrarchElement
            switch r.text {
            case "$": e = .source
            case "+": e = .target
            case "^": e = .skip
            case "%": e = .compound
            default:
                if r.text.hasPrefix("&") {
                    let name = String(r.text.dropFirst()).uppercased()
                    guard let i = synsets[name] else { throw UndefinedSynset(name: name) }
                    e = .synset(i)
                } else {
                    let k = PetrarchLines.keys(r.text)
                    guard !k.isEmpty else {
                        throw DictionaryError(file: file, line: line, message: "cannot read pattern word '\(r.text)'")
                    }
                    e = .words(k)
                }
            }
            return PetrarchPatternItem(element: e, adjacent: adjacent, text: r.text)
        }
        // Lower items, nearest the verb first: item i is adjacent to what is on its right.
        var lower: [PetrarchPatternItem] = []
        var k = star - 1
        while k >= 0 {
            let rightJoined = raw[k + 1].joined  // the thing to the right was joined to this one
            lower.append(try item(raw[k], adjacent: rightJoined))
            k -= 1
        }
        var upper: [PetrarchPatternItem] = []
        for j in (star + 1)..<raw.count {
            upper.append(try item(raw[j], adjacent: raw[j].joined))
        }
        var spec = 0
        for it in lower + upper {
            switch it.element {
            case .words(let w): spec += 2 * w.count
            case .synset: spec += 2
            case .source, .target, .compound: spec += 1
            case .skip: spec += 1
            }
            if it.adjacent { spec += 1 }
        }
        let text = "- " + PetrarchLines.trim(body) + " [\(code.raw)]"
        var p = PetrarchPattern(lower: lower, upper: upper, code: code, text: text, file: file, line: line, specificity: spec)
        var best = 0
        for it in lower + upper {
            if case .words(let w) = it.element, w.count > best, let k = w.first {
                best = w.count
                p.anchor = k
            }
        }
        return p
    }
}
