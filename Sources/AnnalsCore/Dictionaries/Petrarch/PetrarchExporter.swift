import Foundation

/// Converts PETRARCH/TABARI dictionaries into the Annals format (`docs/dictionary-format.md`) as
/// faithfully as that format allows, and reports what it could not convert.
public struct PetrarchExporter {
    public let dictionaries: PetrarchDictionaries

    public init(dictionaries: PetrarchDictionaries) { self.dictionaries = dictionaries }

    public struct Result: Sendable {
        /// File name → contents (`countries.txt`, `actors.txt`, `agents.txt`, `verbs.txt`).
        public var files: [(String, String)]
        /// Human-readable account of every loss, grouped by reason.
        public var report: String
        /// One-line summary.
        public var summary: String
        /// Reason → count.
        public var losses: [String: Int]
    }

    private final class Log {
        var counts: [String: Int] = [:]
        var examples: [String: [String]] = [:]
        var order: [String] = []
        func add(_ reason: String, _ example: String) {
            if counts[reason] == nil { order.append(reason) }
            counts[reason, default: 0] += 1
            if examples[reason, default: []].count < 8 { examples[reason, default: []].append(example) }
        }
    }

    static func title(_ s: String) -> String {
        s.split(separator: " ").map { w -> String in
            let lower = w.lowercased()
            if w.count <= 3 && w.allSatisfy({ $0.isLetter }) && !["of", "the", "and", "al"].contains(lower) && w.count > 1
                && !["new", "for", "bay", "sea"].contains(lower)
            {
                return String(w)  // acronyms (UN, USA, IMF)
            }
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }.joined(separator: " ")
    }

    /// Values go in `;`-separated lists: drop characters the format reserves.
    static func clean(_ s: String) -> String {
        s.replacingOccurrences(of: ";", with: " ").replacingOccurrences(of: "#", with: " ")
            .split(separator: " ").joined(separator: " ")
    }

    static func day(_ d: Int) -> Day? { Day(year: d / 10000, month: d / 100 % 100, day: d % 100) }

    static func isCountryCode(_ c: String) -> Bool { c.count == 3 && c.allSatisfy { $0.isLetter && $0.isUppercase } }

    /// Annals actor and role codes are three-letter groups of capitals and digits.
    static func isValidCode(_ c: String) -> Bool {
        let u = Array(c.utf8)
        return !u.isEmpty && u.count % 3 == 0 && u.count <= 18 && u.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }
    }

    public func export() -> Result {
        let log = Log()
        var countries = "# Converted from PETRARCH/TABARI actor dictionaries by `annals import-dictionaries`.\n\n"
        var actors =
            "# Converted from PETRARCH/TABARI actor dictionaries by `annals import-dictionaries`.\n# PETRARCH date limits are inclusive; Annals periods exclude UNTIL, so UNTIL is the day after.\n\n"
        var nCountries = 0, nActors = 0
        var usedIDs: Set<String> = []
        // Countries merge by code: later entries with the same code become aliases of the first.
        var countryOrder: [String] = []
        var countryNames: [String: String] = [:]
        var countryAliases: [String: [String]] = [:]
        for var a in dictionaries.actors {
            let src = "\(a.file):\(a.line) \(a.name)"
            let badCodes = (a.defaultCodes + a.restrictions.flatMap(\.codes)).filter { $0 != "---" && !Self.isValidCode($0) }
            if !badCodes.isEmpty {
                log.add("code not in three-letter groups (\(badCodes.joined(separator: ", "))): dropped", src)
                a.defaultCodes = a.defaultCodes.filter { $0 == "---" || Self.isValidCode($0) }
                a.restrictions = a.restrictions.filter { $0.codes.allSatisfy { $0 == "---" || Self.isValidCode($0) } }
            }
            let aliases = a.synonyms.map { Self.clean(Self.title($0)) }.filter { !$0.isEmpty }
            let name = Self.clean(Self.title(a.name))
            if name.isEmpty { log.add("actor without a usable name", src); continue }
            let allCodes = a.defaultCodes + a.restrictions.flatMap(\.codes)
            if allCodes.isEmpty || allCodes.allSatisfy({ $0 == "---" }) {
                log.add("actor with only a null code [---] (not coded in PETRARCH either): skipped", src)
                continue
            }
            if a.defaultCodes.count > 1 || a.restrictions.contains(where: { $0.codes.count > 1 }) {
                log.add("compound code [A/B] (one phrase, several actors): only the first code kept", src)
            }
            if a.restrictions.isEmpty, let c = a.defaultCodes.first, Self.isCountryCode(c) {
                if countryNames[c] == nil {
                    countryOrder.append(c)
                    countryNames[c] = name
                } else {
                    countryAliases[c, default: []].append(name)
                }
                countryAliases[c, default: []] += aliases
                continue
            }
            var id = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
            while id.contains("--") { id = id.replacingOccurrences(of: "--", with: "-") }
            id = id.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            if id.isEmpty { id = "actor" }
            var unique = id
            var k = 2
            while usedIDs.contains(unique) { unique = "\(id)-\(k)"; k += 1 }
            usedIDs.insert(unique)
            actors += "actor: \(name)\n  id: \(unique)\n"
            if a.restrictions.isEmpty {
                actors += "  code: \(a.defaultCodes[0])\n"
            } else {
                var periods: [(Int?, Int?)] = []
                var overlapReported = false
                for r in a.restrictions where r.codes.first != "---" {
                    let from = r.from.flatMap(Self.day).map { $0.description } ?? ""
                    let until = r.until.flatMap(Self.day).map { $0.adding(days: 1).description } ?? ""
                    actors += "  role: \(r.codes[0]) \(from)..\(until)\n"
                    if !overlapReported,
                        periods.contains(where: { p in
                            (p.0 ?? Int.min) <= (r.until ?? Int.max) && (r.from ?? Int.min) <= (p.1 ?? Int.max)
                        })
                    {
                        log.add(
                            "overlapping date restrictions: PETRARCH takes the first that applies, Annals the one valid at the date", src)
                        overlapReported = true
                    }
                    periods.append((r.from, r.until))
                }
                if let d = a.defaultCodes.first, d != "---" {
                    actors += "  role: \(d)\n"
                    log.add(
                        "default code besides dated codes: written as an undated role (valid when no dated role applies only if the loader prefers dated roles)",
                        src)
                }
            }
            if !aliases.isEmpty { actors += "  alias: \(aliases.joined(separator: "; "))\n" }
            actors += "\n"
            nActors += 1
        }

        for c in countryOrder {
            let name = countryNames[c]!
            var seen: Set<String> = [name.lowercased()]
            let aliases = countryAliases[c, default: []].filter { seen.insert($0.lowercased()).inserted }
            countries += "country: \(name)\n  code: \(c)\n"
            if !aliases.isEmpty { countries += "  alias: \(aliases.joined(separator: "; "))\n" }
            countries += "\n"
            nCountries += 1
        }

        var agents = "# Converted from PETRARCH/TABARI agent dictionaries by `annals import-dictionaries`.\n\n"
        var nAgents = 0
        for g in dictionaries.agents {
            let src = "\(g.file):\(g.line) \(g.phrase)"
            if g.isPrefix {
                log.add("prefix agent code [XXX~] (code before the actor code) has no Annals equivalent: skipped", src)
                continue
            }
            let term = Self.clean(g.phrase.lowercased())
            if term.isEmpty { continue }
            if !Self.isValidCode(g.code) {
                log.add("agent code not in three-letter groups: skipped", src)
                continue
            }
            var line = term
            let regular = PetrarchLines.display(PetrarchLines.plural(g.phrase)).lowercased()
            if g.plurals.isEmpty {
                log.add("agent without plural ({}): Annals generates a plural anyway", src)
            } else if let p = g.plurals.first?.lowercased(), p != regular {
                line += " | " + Self.clean(p)
            }
            agents += "\(line) = \(g.code)\n"
            nAgents += 1
        }

        // Verbs: group verb lines and convertible patterns by code.
        let v = dictionaries.verbs
        var byCode: [String: [String]] = [:]
        var codeOrder: [String] = []
        func add(_ code: String, _ line: String) {
            if byCode[code] == nil { codeOrder.append(code) }
            if !byCode[code, default: []].contains(line) { byCode[code, default: []].append(line) }
        }
        var nPatterns = 0
        var seenForms: Set<String> = []
        for (bi, block) in v.blocks.enumerated() {
            let forms = v.forms.filter { Int($0.block) == bi }
            // Base verbs: the first form of each verb line.
            var lemmas: [String] = []
            for f in forms where !seenForms.contains("\(f.line)") {
                seenForms.insert("\(f.line)")
                let src = "\(block.file):\(f.line) \(f.text)"
                if !f.pre.isEmpty {
                    log.add("verb with words before it (WIRE_+TAP): Annals verbs start with the verb", src)
                    continue
                }
                let lemma = f.text.lowercased()
                lemmas.append(lemma)
                if let c = f.code.forward { add(c, lemma) }
                if f.code.reverse != nil { log.add("paired code [a:b]: the reverse event (target → source) is not representable", src) }
            }
            for pi in block.patterns {
                let p = v.patterns[Int(pi)]
                let src = "\(p.file):\(p.line) \(p.text)"
                guard let code = p.code.forward else {
                    if p.code.reverse != nil {
                        log.add("paired code [a:b]: the reverse event (target → source) is not representable", src)
                    } else {
                        log.add("null-coded pattern [---] (blocks the verb's default): dropped", src)
                    }
                    continue
                }
                if !p.lower.isEmpty {
                    log.add("pattern with words before the verb (lower part): not representable", src)
                    continue
                }
                var words: [[String]] = [[]]
                var ok = true
                for it in p.upper {
                    switch it.element {
                    case .words: words = words.map { $0 + [it.text.lowercased()] }
                    case .target: words = words.map { $0 + ["@"] }
                    case .skip: words = words.map { $0 + ["*"] }
                    case .synset(let s):
                        let syn = v.synsets[Int(s)]
                        if syn.members.allSatisfy({ !$0.contains(" ") }) {
                            words = words.map { $0 + ["{" + syn.members.map { $0.lowercased() }.joined(separator: "|") + "}"] }
                        } else if syn.members.count <= 4 {
                            words = words.flatMap { w in syn.members.map { w + [$0.lowercased()] } }
                        } else {
                            log.add("multi-word synset with many members inside a pattern: not representable", src)
                            ok = false
                        }
                    case .source:
                        log.add("source ($) after the verb: not representable (Annals takes the subject)", src)
                        ok = false
                    case .compound:
                        log.add("compound (%) slot: not representable", src)
                        ok = false
                    }
                    if !ok { break }
                }
                guard ok else { continue }
                if p.code.reverse != nil { log.add("paired code [a:b]: the reverse event (target → source) is not representable", src) }
                for lemma in lemmas {
                    for w in words { add(code, ([lemma] + w).joined(separator: " ")) }
                }
                nPatterns += 1
            }
        }
        var verbs =
            "# Converted from a PETRARCH/TABARI verb dictionary by `annals import-dictionaries`.\n# TABARI patterns allow any words between pattern words; Annals skips only determiners,\n# possessives and adjectives, so converted patterns match less often.\n\n"
        // The Annals format takes CAMEO codes only: a more specific code becomes its nearest listed
        // ancestor (1213 → 121); a code with none (WEIS codes) is dropped.
        let table = CameoTable.shared
        var merged: [String: [String]] = [:]
        var mergedOrder: [String] = []
        for c in codeOrder {
            guard let cameo = table.nearest(c), cameo.code.count >= 2 else {
                log.add("code with no CAMEO equivalent: its verbs and patterns are dropped", "\(c) (\(byCode[c]!.count) lines)")
                continue
            }
            if cameo.code != c { log.add("code outside the CAMEO table: written as its nearest CAMEO ancestor", "\(c) → \(cameo.code)") }
            if merged[cameo.code] == nil { mergedOrder.append(cameo.code) }
            for l in byCode[c]! where !merged[cameo.code, default: []].contains(l) { merged[cameo.code, default: []].append(l) }
        }
        for c in mergedOrder {
            verbs += "code: \(c)   # \(table[c]?.name ?? "")\n"
            for line in merged[c]! { verbs += "  \(line)\n" }
            verbs += "\n"
        }
        if !v.transformations.isEmpty {
            log.add("verb transformation (~ ...) rules: not representable", v.transformations[0])
        }
        if dictionaries.discards.entries.count > 0 {
            log.add("discard list: Annals has no discard file (\(dictionaries.discards.entries.count) phrases not converted)", "")
        }
        if let i = dictionaries.issues, i.phraseCount > 0 {
            log.add("issue coding: Annals has no issue file (\(i.phraseCount) phrases not converted)", "")
        }
        var report =
            "annals import-dictionaries report\n\nconverted: \(nCountries) countries, \(nActors) actors, \(nAgents) agents, \(nPatterns) verb patterns into \(mergedOrder.count) codes\n\nnot converted or approximated:\n"
        for r in log.order {
            report += "\n\(log.counts[r]!)\t\(r)\n"
            for e in log.examples[r]! where !e.isEmpty { report += "\t  e.g. \(e)\n" }
        }
        let lossTotal = log.counts.values.reduce(0, +)
        let summary =
            "converted \(nCountries) countries, \(nActors) actors, \(nAgents) agents, \(nPatterns) verb patterns; \(lossTotal) items not converted or approximated (see IMPORT-REPORT.txt)"
        return Result(
            files: [("countries.txt", countries), ("actors.txt", actors), ("agents.txt", agents), ("verbs.txt", verbs)],
            report: report, summary: summary, losses: log.counts)
    }
}
