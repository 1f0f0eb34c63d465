import Foundation

/// Reads dictionaries in the Annals format (see `docs/dictionary-format.md`) and compiles them
/// into a ``Lexicon``. Every problem is a ``DictionaryError`` naming the file and line.
///
/// ```swift
/// let lexicon = try LexiconLoader.loadBundled()
/// ```
public enum LexiconLoader {
    /// The dictionaries shipped with Annals.
    public static func loadBundled() throws -> Lexicon {
        try load(directory: BundledResource.url("Dictionaries"))
    }

    /// Loads `countries*.txt`, `actors*.txt`, `agents*.txt` and `verbs*.txt` from a directory.
    public static func load(directory: URL) throws -> Lexicon {
        var b = try builder(directory: directory)
        return try b.finish()
    }

    /// The bundled dictionaries with actor layers under them (see ``load(directory:underlays:)``).
    public static func loadBundled(underlays: [ActorLayer]) throws -> Lexicon {
        try load(directory: BundledResource.url("Dictionaries"), underlays: underlays)
    }

    static func builder(directory: URL) throws -> LexiconBuilder {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        func files(_ prefix: String) throws -> [(String, String)] {
            try names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }.map { name in
                let url = directory.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw DictionaryError(file: name, line: 0, message: "cannot read file")
                }
                guard let text = String(validating: data, as: UTF8.self) else {
                    throw DictionaryError(file: name, line: 0, message: "not valid UTF-8")
                }
                return (name, text)
            }
        }
        var builder = LexiconBuilder()
        for (name, text) in try files("countries") { try builder.readEntries(text, file: name) }
        for (name, text) in try files("actors") { try builder.readEntries(text, file: name) }
        for (name, text) in try files("agents") { try builder.readAgents(text, file: name) }
        for (name, text) in try files("verbs") { try builder.readVerbs(text, file: name) }
        return builder
    }

    /// Loads a directory of dictionaries, then actor entries layered under them: an underlay entry
    /// whose id the dictionaries above already use is dropped, and so is each of its names, aliases and
    /// adjectives that already means something above (the upper layer wins every conflict). Layers are
    /// given highest first.
    public static func load(directory: URL, underlays: [ActorLayer]) throws -> Lexicon {
        var builder = try builder(directory: directory)
        for layer in underlays {
            for (name, text) in layer.files { try builder.readEntries(text, file: name, underlay: true) }
        }
        return try builder.finish()
    }

    /// Compiles dictionaries given as texts (file name → contents), e.g. in tests.
    public static func load(texts: [(file: String, text: String)]) throws -> Lexicon {
        var builder = LexiconBuilder()
        for (file, text) in texts {
            if file.hasPrefix("countries") || file.hasPrefix("actors") {
                try builder.readEntries(text, file: file)
            } else if file.hasPrefix("agents") {
                try builder.readAgents(text, file: file)
            } else if file.hasPrefix("verbs") {
                try builder.readVerbs(text, file: file)
            } else {
                throw DictionaryError(file: file, line: 0, message: "unknown dictionary kind (expected countries/actors/agents/verbs)")
            }
        }
        return try builder.finish()
    }
}

/// Phrase keys of a written phrase, with its usual spelling variants.
enum PhraseKeys {
    static func keys(_ phrase: String) -> [UInt64] {
        Tokenizer.tokens(of: phrase).map(\.key)
    }

    /// "al-Qassam Brigades" also as "al Qassam Brigades" and "Qassam Brigades"; "The X" also as "X".
    static func variants(_ phrase: String) -> [String] {
        var out = [phrase]
        let lower = phrase.lowercased()
        if lower.hasPrefix("the ") { out.append(String(phrase.dropFirst(4))) }
        if phrase.contains("-") {
            out.append(phrase.replacingOccurrences(of: "-", with: " "))
            let words = phrase.split(separator: " ")
            let stripped = words.map { w -> Substring in
                let l = w.lowercased()
                for p in ["al-", "el-", "ad-", "ash-", "as-", "an-", "ar-", "az-", "at-", "ath-", "ad-"]
                where l.hasPrefix(p) && w.count > p.count + 2 {
                    return w.dropFirst(p.count)
                }
                return w
            }
            let joined = stripped.joined(separator: " ")
            if joined != phrase { out.append(joined) }
        }
        if phrase.contains(".") && phrase.count <= 8 { out.append(phrase.replacingOccurrences(of: ".", with: "")) }
        return out
    }
}

struct LexiconBuilder {
    var lexicon = Lexicon()
    /// Affiliations to check once every id is known: (actor index, affiliation, origin).
    var pendingAffiliations: [(Int, Affiliation, String)] = []
    var seenPatterns: Set<String> = []
    var verbPatternHeads: Set<UInt64> = []
    var nounPatternHeads: Set<UInt64> = []
    /// Keys of pattern words and verbs already inflected (most words recur across patterns).
    var wordKeyCache: [String: [UInt64]] = [:]
    var inflectedVerbs: Set<String> = []

    // MARK: entries (countries and actors)

    /// Entries of a lower layer skipped because an upper layer has their id, and names skipped
    /// because an upper layer already uses them.
    var underlaySkippedEntries = 0
    var underlaySkippedPhrases = 0
    /// The phrases of the layers above, as they were when the first underlay entry came.
    var upperPhrases: PhraseTrie?

    mutating func readEntries(_ text: String, file: String, underlay: Bool = false) throws {
        var current: (kind: String, name: String, line: Int, attrs: [(String, String, Int)])?
        for line in DictionaryLine.lines(of: text) {
            switch line.kind {
            case .header(let kind, let value):
                if let c = current { try addEntry(kind: c.kind, name: c.name, attrs: c.attrs, file: file, line: c.line, underlay: underlay) }
                guard kind == "country" || kind == "actor" else {
                    throw DictionaryError(
                        file: file, line: line.number, message: "unknown entry kind '\(kind)' (expected 'country:' or 'actor:')")
                }
                guard !value.isEmpty else { throw DictionaryError(file: file, line: line.number, message: "entry without a name") }
                current = (kind, value, line.number, [])
            case .attribute(let key, let value):
                guard current != nil else {
                    throw DictionaryError(file: file, line: line.number, message: "attribute '\(key)' outside an entry")
                }
                current!.attrs.append((key, value, line.number))
            case .text(let t), .bare(let t):
                throw DictionaryError(file: file, line: line.number, message: "expected 'key: value', found '\(t.prefix(40))'")
            }
        }
        if let c = current { try addEntry(kind: c.kind, name: c.name, attrs: c.attrs, file: file, line: c.line, underlay: underlay) }
    }

    static func slug(_ s: String) -> String {
        var out = ""
        var dash = false
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber {
                out.append(ch)
                dash = false
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    static func isActorCode(_ code: String) -> Bool {
        let u = Array(code.utf8)
        return !u.isEmpty && u.count % 3 == 0 && u.count <= 18 && u.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }
    }

    mutating func addEntry(kind: String, name: String, attrs: [(String, String, Int)], file: String, line: Int, underlay: Bool = false) throws {
        let isCountry = kind == "country"
        var id: String?
        var type: ActorType = isCountry ? .country : .organization
        var roles: [ActorRole] = []
        var aliases: [String] = []
        var adjectives: [String] = []
        var demonyms: [String] = []
        var seats: [String] = []
        var affiliations: [(Affiliation, Int)] = []
        for (key, value, n) in attrs {
            func fail(_ message: String) -> DictionaryError { DictionaryError(file: file, line: n, message: message) }
            switch key {
            case "id": id = value
            case "type":
                guard let t = ActorType(rawValue: value.lowercased()) else {
                    throw fail("unknown type '\(value)' (expected one of \(ActorType.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                type = t
            case "code":
                let code = value.uppercased()
                guard Self.isActorCode(code) else { throw fail("'\(value)' is not a CAMEO actor code (three-letter groups)") }
                roles.append(ActorRole(code: code, period: .always, title: nil))
            case "role":
                let parts = value.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
                guard let code = parts.first?.uppercased(), Self.isActorCode(code) else {
                    throw fail("role must start with an actor code: 'role: CODE FROM..UNTIL Title'")
                }
                var period = Period.always
                var title: String?
                if parts.count > 1 {
                    if parts[1].contains("..") {
                        guard let p = Period(parsing: parts[1]) else {
                            throw fail("bad period '\(parts[1])' (expected FROM..UNTIL with YYYY[-MM[-DD]])")
                        }
                        period = p
                        title = parts.count > 2 ? parts[2] : nil
                    } else {
                        title = parts[1...].joined(separator: " ")
                    }
                }
                roles.append(ActorRole(code: code, period: period, title: title))
            case "alias": aliases += value.listItems
            case "adjective": adjectives += value.listItems
            case "demonym": demonyms += value.listItems
            case "capital", "seat": seats += value.listItems.filter { $0.lowercased() != "(none)" }
            case "part_of", "member_of", "leads", "allied_with", "controls", "based_in", "led_by":
                for item in value.listItems {
                    affiliations.append((try Self.affiliation(key, item, fail: fail), n))
                }
            default:
                throw fail("unknown attribute '\(key)'")
            }
        }
        if isCountry {
            guard let code = roles.first?.code, code.count == 3 else {
                throw DictionaryError(file: file, line: line, message: "country '\(name)' needs a three-letter 'code:'")
            }
            id = id ?? code.lowercased()
        }
        guard !roles.isEmpty else {
            throw DictionaryError(file: file, line: line, message: "'\(name)' has no 'code:' or 'role:'")
        }
        let actorID = id ?? Self.slug(name)
        if underlay && (lexicon.actorIndex[actorID] != nil || (isCountry && lexicon.countryIndex[roles[0].code] != nil)) {
            underlaySkippedEntries += 1
            return
        }
        if let existing = lexicon.actorIndex[actorID] {
            throw DictionaryError(
                file: file, line: line, message: "duplicate id '\(actorID)' (first defined at \(lexicon.actors[existing].origin))")
        }
        let index = lexicon.actors.count
        let origin = "\(file):\(line)"
        lexicon.actors.append(
            ActorEntry(id: actorID, name: name, type: type, roles: roles, aliases: aliases, affiliations: [], origin: origin))
        lexicon.actorIndex[actorID] = index
        if isCountry { lexicon.countryIndex[roles[0].code] = index }
        for (a, n) in affiliations { pendingAffiliations.append((index, a, "\(file):\(n)")) }

        // An underlay's phrase that the layers above already use keeps their meaning alone.
        if underlay && upperPhrases == nil { upperPhrases = lexicon.phrases }
        let upper = upperPhrases
        func insert(_ keys: [UInt64], _ meaning: PhraseMeaning) {
            if underlay, let upper, upper.contains(keys) {
                underlaySkippedPhrases += 1
                return
            }
            lexicon.phrases.insert(keys, meaning)
        }
        for phrase in [name] + aliases {
            for v in PhraseKeys.variants(phrase) { insert(PhraseKeys.keys(v), .name(index)) }
        }
        for a in adjectives { insert(PhraseKeys.keys(a), .adjective(index)) }
        for d in demonyms { insert(PhraseKeys.keys(d), .people(index)) }
        for s in seats {
            for v in PhraseKeys.variants(s) { insert(PhraseKeys.keys(v), .seat(index)) }
        }
    }

    static func affiliation(_ key: String, _ item: String, fail: (String) -> DictionaryError) throws -> Affiliation {
        var rest = Substring(item)
        var label: String?
        if let open = rest.firstIndex(of: "("), rest.hasSuffix(")") {
            label = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
            rest = rest[rest.startIndex..<open].trimmingSpaces
        }
        let words = rest.split(separator: " ").map(String.init)
        guard let target = words.first else { throw fail("\(key) needs a target id") }
        var period = Period.always
        if words.count > 1 {
            guard let p = Period(parsing: words[1]) else { throw fail("bad period '\(words[1])'") }
            period = p
        }
        let relation: RelationKind
        switch key {
        case "part_of": relation = .partOf
        case "member_of": relation = .memberOf
        case "leads", "led_by": relation = .leads
        case "allied_with": relation = .alliedWith
        case "controls": relation = .controls
        default: relation = .basedIn
        }
        // `led_by: X` is stored on the led actor; it is turned around in finish().
        return Affiliation(relation: relation, target: (key == "led_by" ? "<" : "") + target, period: period, label: label)
    }

    // MARK: agents

    mutating func readAgents(_ text: String, file: String) throws {
        for line in DictionaryLine.lines(of: text) {
            let content: String
            switch line.kind {
            case .bare(let t), .text(let t): content = t
            case .header(let k, let v), .attribute(let k, let v): content = "\(k): \(v)"
            }
            guard let eq = content.lastIndex(of: "=") else {
                throw DictionaryError(file: file, line: line.number, message: "expected 'term; term = CODE'")
            }
            let code = content[content.index(after: eq)...].trimmingSpaces.uppercased()
            guard LexiconBuilder.isActorCode(code) else {
                throw DictionaryError(file: file, line: line.number, message: "'\(code)' is not a role code (three-letter groups)")
            }
            for term in content[content.startIndex..<eq].listItems {
                let parts = term.split(separator: "|").map { String($0.trimmingSpaces) }
                let singular = parts[0]
                guard !singular.isEmpty else { throw DictionaryError(file: file, line: line.number, message: "empty agent term") }
                let index = lexicon.agents.count
                lexicon.agents.append(AgentEntry(term: singular, code: code, origin: "\(file):\(line.number)"))
                lexicon.phrases.insert(PhraseKeys.keys(singular), .agent(index, plural: false))
                let plural = parts.count > 1 ? parts[1] : Self.pluralPhrase(singular)
                if plural != singular { lexicon.phrases.insert(PhraseKeys.keys(plural), .agent(index, plural: true)) }
            }
        }
    }

    /// Pluralises the head of a phrase: "chief of staff" → "chiefs of staff", "foreign minister" → "foreign ministers".
    static func pluralPhrase(_ phrase: String) -> String {
        var words = phrase.split(separator: " ").map(String.init)
        let head = words.firstIndex(where: { ["of", "for", "in", "on", "at"].contains($0.lowercased()) }).map { $0 - 1 } ?? words.count - 1
        guard head >= 0 else { return phrase }
        let w = words[head]
        if w.hasSuffix("s") && !w.hasSuffix("ss") { return phrase }  // already plural ("troops", "forces")
        if ["police", "military", "army", "navy", "staff", "personnel", "media", "clergy", "people", "cavalry", "intelligence", "press"]
            .contains(w.lowercased())
        {
            return phrase
        }
        words[head] = Morphology.plural(w)
        return words.joined(separator: " ")
    }

    // MARK: verbs

    mutating func readVerbs(_ text: String, file: String) throws {
        var code: String?
        for line in DictionaryLine.lines(of: text) {
            switch line.kind {
            case .header(let kind, let value) where kind == "code":
                let c = value.split(separator: " ").first.map(String.init) ?? ""
                guard CameoTable.shared[c] != nil else {
                    throw DictionaryError(file: file, line: line.number, message: "'\(c)' is not a CAMEO event code")
                }
                code = c
            case .text(let t):
                guard let code else { throw DictionaryError(file: file, line: line.number, message: "pattern before any 'code:' header") }
                for p in t.listItems { try addPattern(p, code: code, file: file, line: line.number) }
            case .attribute(let k, let v):
                // A pattern that happens to contain a colon, such as "n:attack on @".
                guard let code else { throw DictionaryError(file: file, line: line.number, message: "pattern before any 'code:' header") }
                for p in "\(k):\(v)".listItems { try addPattern(p, code: code, file: file, line: line.number) }
            case .header(let k, _):
                throw DictionaryError(file: file, line: line.number, message: "unknown header '\(k):' (expected 'code: NNN')")
            case .bare(let t):
                throw DictionaryError(file: file, line: line.number, message: "pattern lines must be indented: '\(t.prefix(40))'")
            }
        }
    }

    mutating func addPattern(_ raw: String, code: String, file: String, line: Int) throws {
        var text = raw.lowercased()
        let nominal = text.hasPrefix("n:")
        if nominal { text = String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        let dedupKey = "\(nominal ? "n:" : "")\(text)"
        if seenPatterns.contains(dedupKey) { return }  // the same words twice: the first code wins
        seenPatterns.insert(dedupKey)
        let words = text.split(separator: " ").map(String.init)
        guard let head = words.first, !head.hasPrefix("@"), head != "*", !head.hasPrefix("{") else {
            throw DictionaryError(file: file, line: line, message: "a pattern must start with its verb (or noun after n:): '\(raw)'")
        }
        var elements: [PatternElement] = []
        var targets = 0
        for w in words.dropFirst() {
            if w == "@" {
                targets += 1
                elements.append(.target)
            } else if w == "*" {
                elements.append(.gap)
            } else if w.hasPrefix("{") {
                guard w.hasSuffix("}") else { throw DictionaryError(file: file, line: line, message: "unbalanced '{' in '\(raw)'") }
                let options = w.dropFirst().dropLast().split(separator: "|").map(String.init)
                guard !options.isEmpty else { throw DictionaryError(file: file, line: line, message: "empty choice in '\(raw)'") }
                elements.append(.word(Array(Set(options.flatMap { cachedWordKeys($0) })), w))
            } else if w.contains("@") || w.contains("}") || w.contains("|") {
                throw DictionaryError(file: file, line: line, message: "bad word '\(w)' in '\(raw)'")
            } else if ["a", "an", "the"].contains(w) {
                continue  // determiners are skipped anyway
            } else {
                elements.append(.word(cachedWordKeys(w), w))
            }
        }
        guard targets <= 1 else { throw DictionaryError(file: file, line: line, message: "more than one '@' in '\(raw)'") }
        let headKey = TokenKey.hash(head)
        let index = lexicon.patterns.count
        lexicon.patterns.append(
            VerbPattern(code: code, head: headKey, nominal: nominal, elements: elements, text: raw, origin: "\(file):\(line)"))
        if nominal {
            lexicon.nounPatterns[headKey] = (lexicon.nounPatterns[headKey] ?? []) + [index]
            nounPatternHeads.insert(headKey)
            for v in Morphology.spellingVariants(head) {
                lexicon.nounForms[TokenKey.hash(v)] = headKey
                lexicon.nounForms[TokenKey.hash(Morphology.plural(v))] = headKey
            }
        } else {
            lexicon.verbPatterns[headKey] = (lexicon.verbPatterns[headKey] ?? []) + [index]
            verbPatternHeads.insert(headKey)
            addVerb(head)
        }
    }

    mutating func cachedWordKeys(_ w: String) -> [UInt64] {
        if let keys = wordKeyCache[w] { return keys }
        let keys = Self.wordKeys(w)
        wordKeyCache[w] = keys
        return keys
    }

    mutating func addVerb(_ lemma: String) {
        guard inflectedVerbs.insert(lemma).inserted else { return }
        let lemmaKey = TokenKey.hash(lemma)
        // "normalise" is a form of "normalize": every spelling's forms point at the lemma the patterns use.
        for (form, kind) in Morphology.spellingVariants(lemma).flatMap({ Morphology.verbForms($0) }) {
            let key = TokenKey.hash(form)
            let vf = VerbForm(lemma: lemmaKey, kind: kind)
            var forms = lexicon.verbForms[key] ?? []
            if !forms.contains(vf) {
                forms.append(vf)
                lexicon.verbForms[key] = forms
            }
        }
    }

    /// Keys of a pattern word: itself, its plural and its verb forms.
    static func wordKeys(_ w: String) -> [UInt64] {
        var forms: [String] = []
        for v in Morphology.spellingVariants(w) {
            forms += [v, Morphology.plural(v)]
            forms += Morphology.verbForms(v).map(\.form)
        }
        return Array(Set(forms.map { TokenKey.hash($0) }))
    }

    // MARK: finish

    mutating func finish() throws -> Lexicon {
        for (index, affiliation, origin) in pendingAffiliations {
            var a = affiliation
            var subject = index
            if a.target.hasPrefix("<") {
                // led_by: the target leads this actor.
                let leaderID = String(a.target.dropFirst())
                guard let leader = lexicon.actorIndex[leaderID] else {
                    throw DictionaryError(file: origin.fileName, line: origin.lineNumber, message: "unknown actor id '\(leaderID)'")
                }
                subject = leader
                a.target = lexicon.actors[index].id
            } else if lexicon.actorIndex[a.target] == nil {
                throw DictionaryError(file: origin.fileName, line: origin.lineNumber, message: "unknown actor id '\(a.target)'")
            }
            lexicon.actors[subject].affiliations.append(a)
            if a.relation == .leads {
                lexicon.leaders[a.target, default: []].append(Lexicon.LeaderEntry(actor: subject, period: a.period))
            }
        }
        for (n, actor) in lexicon.actors.enumerated() {
            if actor.type == .person {
                for role in actor.roles {
                    guard let title = role.title?.lowercased(), let first = title.split(separator: " ").first else { continue }
                    lexicon.titlesByFirstWord[first, default: []].append(Lexicon.TitledRole(actor: n, title: title, period: role.period))
                }
            }
            for a in actor.affiliations where a.relation == .partOf {
                if let label = a.label?.lowercased() { lexicon.partsByGroup[a.target, default: []].append((label, n)) }
            }
        }
        // Most specific patterns first: the matcher stops at the first that matches.
        func bySpecificity(_ list: [Int]) -> [Int] {
            list.sorted { (lexicon.patterns[$0].specificity, -$0) > (lexicon.patterns[$1].specificity, -$1) }
        }
        for key in verbPatternHeads { lexicon.verbPatterns[key] = bySpecificity(lexicon.verbPatterns[key] ?? []) }
        for key in nounPatternHeads { lexicon.nounPatterns[key] = bySpecificity(lexicon.nounPatterns[key] ?? []) }
        lexicon.patternTable = PatternTable(
            patterns: lexicon.patterns, verbHeads: verbPatternHeads.map { ($0, lexicon.verbPatterns[$0] ?? []) },
            nounHeads: nounPatternHeads.map { ($0, lexicon.nounPatterns[$0] ?? []) })
        // Common verbs the coder must see as verbs even when no pattern names them.
        for v in ClosedClass.commonVerbs { addVerb(v) }
        return lexicon
    }
}

extension String {
    var fileName: String { split(separator: ":").dropLast().joined(separator: ":") }
    var lineNumber: Int { Int(split(separator: ":").last ?? "0") ?? 0 }
}
