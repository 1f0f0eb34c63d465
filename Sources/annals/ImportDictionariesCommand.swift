import AnnalsCore
import ArgumentParser
import Foundation

/// `annals import-dictionaries petrarch:PATH --to DIR`: converts PETRARCH/TABARI dictionaries into
/// the Annals format.
struct ImportDictionariesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-dictionaries",
        abstract: "Convert PETRARCH/TABARI dictionaries into Annals dictionaries (countries, actors, agents, verbs)."
    )

    @Argument(help: "petrarch:PATH, a PETR_config.ini or a directory of PETRARCH dictionaries.")
    var source: String

    @Option(help: "Directory to write countries.txt, actors.txt, agents.txt, verbs.txt and IMPORT-REPORT.txt into.")
    var to: String

    func run() throws {
        let path = source.hasPrefix("petrarch:") ? String(source.dropFirst("petrarch:".count)) : source
        do {
            let dicts = try PetrarchDictionaries.load(path)
            for w in dicts.warnings { StandardError.print("annals: warning: \(w)") }
            let result = PetrarchExporter(dictionaries: dicts).export()
            try FileManager.default.createDirectory(atPath: to, withIntermediateDirectories: true)
            for (name, text) in result.files {
                try Data(text.utf8).write(to: URL(fileURLWithPath: (to as NSString).appendingPathComponent(name)))
            }
            try Data(result.report.utf8).write(to: URL(fileURLWithPath: (to as NSString).appendingPathComponent("IMPORT-REPORT.txt")))
            StandardError.print(result.summary)
        } catch let e as DictionaryError {
            throw ValidationError(e.description)
        }
    }
}
