import AnnalsCore
import ArgumentParser

/// `annals analyze "sentence"`: shows how the coder reads one sentence.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show tokens, actor mentions, verb groups and candidate events of one sentence."
    )

    @Argument(help: "The sentence.")
    var sentence: String

    @Option(help: "Date (YYYY-MM-DD) for dated actor codes and relative dates.")
    var date: String?

    func run() throws {
        guard let coder = try CoderFactory.make("annals") as? DictionaryCoder else { return }
        print(coder.trace(sentence, date: date.flatMap { Day($0) }), terminator: "")
    }
}
