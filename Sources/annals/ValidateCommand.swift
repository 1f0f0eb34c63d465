import AnnalsCore
import ArgumentParser
import Foundation

/// `annals validate RECORDS.xml`: codes PETRARCH validation records from their text and compares
/// the events with the expected ones.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Code PETRARCH validation records (<Sentence> with <EventCoding>) and compare with the expected events.",
        discussion: """
            The dictionaries are those named by the file's <Environment>, relative to the records file
            or to --dictionary-dir; --dictionaries petrarch:PATH overrides them. A record passes when the
            set of (source, target, code) coded from its <Text> equals the expected set ('noevents' and
            error="..." records expect none). The <Parse> trees are not used.
            Example: annals validate ../shared/petrarch/PETR.UnitTest.records.visible.xml
            """
    )

    enum Format: String, ExpressibleByArgument { case table, jsonl }

    @Argument(help: "A PETRARCH validation records file.")
    var records: String

    @Option(help: "Directory the <Environment> dictionary names are relative to (default: the records file's).")
    var dictionaryDir: String?

    @Option(help: "Use these dictionaries instead of the <Environment> ones: petrarch:PATH (PETR_config.ini or directory).")
    var dictionaries: String?

    @Option(help: "Output: table (by category) or jsonl (one line per record).")
    var format: Format = .table

    @Flag(help: "In table format, also list the records that failed with expected and coded events.")
    var verbose = false

    @Option(help: "Print how the record with this id is analysed (tokens, mentions, verbs, patterns).")
    var trace: String?

    func run() throws {
        let suite: PetrarchValidationSuite
        let coder: PetrarchCoder
        do {
            suite = try PetrarchValidationSuite(path: records, dictionaryDir: dictionaryDir)
            if let spec = dictionaries {
                let path = spec.hasPrefix("petrarch:") ? String(spec.dropFirst("petrarch:".count)) : spec
                coder = try PetrarchCoder.load(path)
            } else {
                guard suite.hasEnvironment else {
                    throw ValidationError("\(records) has no <Environment>; name the dictionaries with --dictionaries petrarch:PATH")
                }
                coder = PetrarchCoder(dictionaries: try PetrarchDictionaries(files: suite.files))
            }
        } catch let e as DictionaryError {
            throw ValidationError(e.description)
        }
        for w in coder.dictionaries.warnings.prefix(20) { StandardError.print("annals: warning: \(w)") }
        if coder.dictionaries.warnings.count > 20 {
            StandardError.print("annals: warning: ... \(coder.dictionaries.warnings.count - 20) more dictionary warnings")
        }
        if let trace {
            for r in suite.records where r.id == trace {
                print("\(r.id): \(r.text)")
                print(coder.trace(r.text, date: r.date))
            }
            return
        }
        let outcomes = coder.validate(suite)
        var out = ""
        switch format {
        case .jsonl:
            var j = JSONWriter()
            for o in outcomes {
                j.reset()
                j.object { w in
                    w.key("id"); w.string(o.record.id)
                    w.key("category"); w.string(o.record.category)
                    w.key("expected"); w.array { a in for t in o.record.expected { Self.triple(t, &a) } }
                    w.key("got"); w.array { a in for t in o.got { Self.triple(t, &a) } }
                    w.key("passed"); w.bool(o.passed)
                }
                out += j.string + "\n"
            }
        case .table:
            var cats: [String] = []
            var byCat: [String: (n: Int, pass: Int, events: Int)] = [:]
            for o in outcomes {
                let c = o.record.category.isEmpty ? "(none)" : o.record.category
                if byCat[c] == nil { cats.append(c) }
                var v = byCat[c] ?? (0, 0, 0)
                v.n += 1
                v.pass += o.passed ? 1 : 0
                v.events += o.got.count
                byCat[c] = v
            }
            func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
            func lpad(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
            out +=
                pad("category", 12) + lpad("records", 9) + lpad("passed", 9) + lpad("failed", 9) + lpad("%", 8) + lpad("events", 9) + "\n"
            var total = (n: 0, pass: 0, events: 0)
            for c in cats {
                let v = byCat[c]!
                total.n += v.n
                total.pass += v.pass
                total.events += v.events
                out +=
                    pad(c, 12) + lpad("\(v.n)", 9) + lpad("\(v.pass)", 9) + lpad("\(v.n - v.pass)", 9)
                    + lpad(String(format: "%.1f", 100 * Double(v.pass) / Double(max(v.n, 1))), 8) + lpad("\(v.events)", 9) + "\n"
            }
            out +=
                pad("all", 12) + lpad("\(total.n)", 9) + lpad("\(total.pass)", 9) + lpad("\(total.n - total.pass)", 9)
                + lpad(String(format: "%.1f", 100 * Double(total.pass) / Double(max(total.n, 1))), 8) + lpad("\(total.events)", 9) + "\n"
            if verbose {
                for o in outcomes where !o.passed {
                    out += "\nFAIL \(o.record.id) [\(o.record.category)] line \(o.record.line): \(o.record.text)\n"
                    out += "  expected: " + o.record.expected.map { "\($0.source) \($0.target) \($0.code)" }.joined(separator: "; ") + "\n"
                    out +=
                        "  got:      "
                        + o.events.map { "\($0.source) \($0.target) \($0.code) (\($0.verb): \($0.pattern))" }.joined(separator: "; ") + "\n"
                }
            }
        }
        let passed = outcomes.filter(\.passed).count
        out += "\(passed) passed, \(outcomes.count - passed) failed\n"
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    static func triple(_ t: PetrarchTriple, _ a: inout JSONWriter) {
        a.object { o in
            o.key("source"); o.string(t.source)
            o.key("target"); o.string(t.target)
            o.key("cameo"); o.string(t.code)
        }
    }
}
