import Foundation
import Testing

@testable import AnnalsCore

/// Codes the hand-written corpus `Fixtures/coder-corpus.txt` with the real coder (bundled dictionaries)
/// and measures how many cases are coded exactly. Format and matching rule: the fixture's header and
/// docs/coder-corpus.md.
///
/// A case is *exact* when every expected event is matched by a distinct affirmed event and the document
/// produced no other affirmed event. An expected event matches a coded one when
/// - the source code is equal (or starts with it, when the expectation ends in `*`),
/// - the target code is equal (same `*` rule), or both have no target (`-`),
/// - the CAMEO code is equal; a two-digit expectation is a root (any code under it), and a trailing `*`
///   is a prefix,
/// - and, when given, the event date (`date=`) and the modality (`modality=`) are equal.
@Suite struct CoderCorpusTests {
    /// The share of exactly coded cases the coder must reach: just under the current score (93.1%), above
    /// the issue's target of 0.90. Raise it as the coder improves; never lower it to make a change pass.
    static let minimumExactShare = 0.91

    // MARK: - Fixture model

    struct CodePattern: CustomStringConvertible {
        var text: String
        var isPrefix: Bool
        init(_ raw: String) {
            isPrefix = raw.hasSuffix("*")
            text = isPrefix ? String(raw.dropLast()) : raw
        }
        func matches(_ code: String) -> Bool { isPrefix ? code.hasPrefix(text) : code == text }
        var description: String { isPrefix ? text + "*" : text }
    }

    struct Expected: CustomStringConvertible {
        var source: CodePattern
        var target: CodePattern?  // nil: no target
        var cameo: CodePattern  // two digits: root
        var date: String?
        var modality: String?

        func matches(_ e: EventRecord) -> Bool {
            guard let s = e.source, source.matches(s.code) else { return false }
            switch (target, e.target) {
            case (nil, nil): break
            case let (t?, g?): if !t.matches(g.code) { return false }
            default: return false
            }
            let codeOK = (cameo.text.count == 2 && !cameo.isPrefix) ? e.cameo.hasPrefix(cameo.text) : cameo.matches(e.cameo)
            guard codeOK else { return false }
            if let date, e.date != date { return false }
            if let modality, e.modality.rawValue != modality { return false }
            return true
        }

        var description: String {
            var s = "\(source) -> \(target?.description ?? "-") \(cameo)"
            if let date { s += " date=\(date)" }
            if let modality { s += " modality=\(modality)" }
            return s
        }
    }

    struct Case {
        var category: String
        var line: Int
        var sentences: [String]
        var date: String?
        var expected: [Expected] = []
        var expectNone = false
        var text: String { sentences.joined(separator: " ") }
    }

    struct Corpus {
        var defaultDate: String?
        var cases: [Case]
    }

    enum ParseError: Error, CustomStringConvertible {
        case bad(Int, String)
        var description: String { if case let .bad(l, m) = self { "coder-corpus.txt:\(l): \(m)" } else { "" } }
    }

    static func fixtureURL() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/coder-corpus.txt")
    }

    static func parse(_ text: String) throws -> Corpus {
        var corpus = Corpus(defaultDate: nil, cases: [])
        var category = "uncategorised"
        var current: Case?
        var inSentences = false
        func flush() {
            if let c = current { corpus.cases.append(c) }
            current = nil
        }
        for (i, raw) in text.components(separatedBy: "\n").enumerated() {
            let n = i + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { inSentences = false; continue }
            if line.hasPrefix("#") {
                let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if body.hasPrefix("category:") {
                    flush()
                    category = body.dropFirst("category:".count).trimmingCharacters(in: .whitespaces)
                }
                continue
            }
            if line.hasPrefix(">") {
                let sentence = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if inSentences, current != nil {
                    current!.sentences.append(sentence)
                } else {
                    flush()
                    current = Case(category: category, line: n, sentences: [sentence])
                }
                inSentences = true
                continue
            }
            inSentences = false
            if line.hasPrefix("default-date:") {
                corpus.defaultDate = line.dropFirst("default-date:".count).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard current != nil else { throw ParseError.bad(n, "directive outside a case: \(line)") }
            if line.hasPrefix("date:") {
                current!.date = line.dropFirst("date:".count).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("expect:") {
                let body = line.dropFirst("expect:".count).trimmingCharacters(in: .whitespaces)
                if body == "none" { current!.expectNone = true; continue }
                let parts = body.split(separator: " ").map(String.init)
                guard parts.count >= 4, parts[1] == "->" else { throw ParseError.bad(n, "expected 'SRC -> TGT CODE': \(body)") }
                var e = Expected(
                    source: CodePattern(parts[0]), target: parts[2] == "-" ? nil : CodePattern(parts[2]),
                    cameo: CodePattern(parts[3]))
                guard CameoTable.shared[e.cameo.text] != nil else { throw ParseError.bad(n, "unknown CAMEO code \(parts[3])") }
                for extra in parts.dropFirst(4) {
                    if extra.hasPrefix("date=") {
                        e.date = String(extra.dropFirst(5))
                    } else if extra.hasPrefix("modality=") {
                        let m = String(extra.dropFirst(9))
                        guard Modality(rawValue: m) != nil else { throw ParseError.bad(n, "unknown modality \(m)") }
                        e.modality = m
                    } else {
                        throw ParseError.bad(n, "unknown option \(extra)")
                    }
                }
                current!.expected.append(e)
            } else {
                throw ParseError.bad(n, "unknown line: \(line)")
            }
        }
        flush()
        for c in corpus.cases where c.expected.isEmpty == !c.expectNone {
            throw ParseError.bad(c.line, "a case needs either 'expect: none' or expected events, not both or neither")
        }
        return corpus
    }

    // MARK: - Coding and matching

    static let pipeline: Pipeline? = {
        guard let lexicon = try? LexiconLoader.loadBundled() else { return nil }
        var options = CodingOptions()
        options.emitRelations = false
        // The corpus checks how modality is marked, so it sees hypothetical events too.
        options.includeHypothetical = true
        return Pipeline(coder: DictionaryCoder(lexicon: lexicon), options: options)
    }()

    /// Size of the largest one-to-one assignment of expected to coded events (backtracking; cases are tiny),
    /// and whether the case is exact (all expected matched, nothing extra coded).
    static func allMatched(_ expected: [Expected], _ got: [EventRecord]) -> (matched: Int, exact: Bool) {
        var used = Array(repeating: false, count: got.count)
        func best(_ i: Int) -> Int {
            if i == expected.count { return 0 }
            var result = best(i + 1)
            for j in got.indices where !used[j] && expected[i].matches(got[j]) {
                used[j] = true
                result = max(result, 1 + best(i + 1))
                used[j] = false
                if result == expected.count - i { break }
            }
            return result
        }
        let matched = best(0)
        return (matched, matched == expected.count && got.count == expected.count)
    }

    static func describe(_ e: EventRecord) -> String {
        var s = "\(e.source?.code ?? "?") -> \(e.target?.code ?? "-") \(e.cameo)"
        if e.modality != .asserted { s += " modality=\(e.modality.rawValue)" }
        s += " date=\(e.date)"
        s += "  [\(e.source?.text ?? "") | \(e.evidence.verb) | \(e.target?.text ?? "")]"
        return s
    }

    // MARK: - Tests

    @Test func fixtureCoversTheRequiredCases() throws {
        let text = try String(contentsOf: Self.fixtureURL(), encoding: .utf8)
        let corpus = try Self.parse(text)
        #expect(corpus.cases.count >= 220)
        var perCategory: [String: Int] = [:]
        for c in corpus.cases { perCategory[c.category, default: 0] += 1 }
        for root in 1...20 {
            let prefix = String(format: "%02d-", root)
            let n = perCategory.filter { $0.key.hasPrefix(prefix) }.values.reduce(0, +)
            #expect(n >= 5, "root \(prefix) has only \(n) cases")
        }
        for hard in [
            "negation", "modality", "passive", "compound", "reported-speech", "relative-appositive",
            "coreference", "metonym", "dated-roles", "nominal", "dates",
        ] {
            #expect((perCategory[hard] ?? 0) >= 8, "category \(hard) has fewer than 8 cases")
        }
    }

    @Test func corpusAccuracy() throws {
        let text = try String(contentsOf: Self.fixtureURL(), encoding: .utf8)
        let corpus = try Self.parse(text)
        let pipeline = try #require(Self.pipeline, "bundled dictionaries failed to load")

        var order: [String] = []
        var stats: [String: (cases: Int, exact: Int)] = [:]
        var expectedEvents = 0, codedEvents = 0, matchedEvents = 0
        var failures: [String] = []

        for (k, c) in corpus.cases.enumerated() {
            let dateText = c.date ?? corpus.defaultDate
            let doc = Document(id: "corpus-\(k + 1)", text: c.text, date: dateText.flatMap { Day($0) }, origin: "coder-corpus.txt")
            let got = pipeline.run(doc).events.filter { $0.polarity == .affirmed }
            let (matched, exact) = Self.allMatched(c.expected, got)
            expectedEvents += c.expected.count
            codedEvents += got.count
            matchedEvents += matched
            if stats[c.category] == nil { order.append(c.category) }
            stats[c.category, default: (0, 0)].cases += 1
            if exact {
                stats[c.category]!.exact += 1
            } else {
                var f = "  [\(c.category)] line \(c.line): \(c.text)\n"
                f += "      date:     \(dateText ?? "-")\n"
                f += "      expected: \(c.expectNone ? "none" : c.expected.map(\.description).joined(separator: "; "))\n"
                f += "      got:      \(got.isEmpty ? "none" : got.map(Self.describe).joined(separator: "\n                "))"
                failures.append(f)
            }
        }

        let total = corpus.cases.count
        let exact = stats.values.map(\.exact).reduce(0, +)
        let share = total == 0 ? 0 : Double(exact) / Double(total)
        var report = "\nCoder corpus: \(exact)/\(total) cases exact (\(String(format: "%.1f", share * 100))%)"
        report += " | events: recall \(matchedEvents)/\(expectedEvents), precision \(matchedEvents)/\(codedEvents)\n"
        report += "category                     cases  exact  share\n"
        for cat in order {
            let s = stats[cat]!
            report += cat.padding(toLength: 28, withPad: " ", startingAt: 0)
            report += String(format: " %5d  %5d  %4.0f%%\n", s.cases, s.exact, Double(s.exact) / Double(s.cases) * 100)
        }
        report += "\nFailing cases (\(failures.count)):\n" + failures.joined(separator: "\n") + "\n"
        print(report)
        if let path = ProcessInfo.processInfo.environment["CODER_CORPUS_REPORT"] {
            try? report.write(toFile: path, atomically: true, encoding: .utf8)
        }

        #expect(
            share >= Self.minimumExactShare,
            "exact share \(String(format: "%.3f", share)) fell below the floor \(Self.minimumExactShare)")
    }
}
