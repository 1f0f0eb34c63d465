import AnnalsCore
import ArgumentParser

/// `annals cameo 0331` explains a code; `annals cameo --search aid` finds codes.
struct CameoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cameo",
        abstract: "Explain a CAMEO event code or search the CAMEO/PLOVER ontology."
    )

    @Argument(help: "A CAMEO code such as 0331 or 19.")
    var code: String?

    @Option(name: .shortAndLong, help: "Find codes whose name contains these words.")
    var search: String?

    func run() throws {
        let table = CameoTable.shared
        if let search {
            let hits = table.search(search)
            for c in hits { print(line(c)) }
            if hits.isEmpty { throw ValidationError("no CAMEO code matches '\(search)'") }
            return
        }
        guard let code else { throw ValidationError("give a code or --search WORDS") }
        guard let c = table[code] else { throw ValidationError("unknown CAMEO code '\(code)'") }
        print("\(c.code)  \(c.name)")
        print("  root        \(c.root) \(table[c.root]?.name ?? "")")
        print("  goldstein   \(c.goldstein)")
        print("  quad class  \(c.quadClass) (\(CameoCode.quadClassNames[c.quadClass] ?? "?"))")
        print("  plover      \(c.plover ?? "(none: PLOVER drops CAMEO 01 and 02)")")
        let children = table.children(of: c.code)
        if !children.isEmpty {
            print("  narrower codes:")
            for child in children { print("    \(line(child))") }
        }
    }

    private func line(_ c: CameoCode) -> String {
        let pad = String(repeating: " ", count: max(0, 5 - c.code.count))
        return "\(c.code)\(pad) \(c.plover ?? "-")\t\(c.goldstein)\tq\(c.quadClass)\t\(c.name)"
    }
}
