import AnnalsCore
import ArgumentParser

@main
struct Annals: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annals",
        abstract: "Code news text into CAMEO/PLOVER event data and an actor network.",
        subcommands: [
            CodeCommand.self, SentencesCommand.self, CameoCommand.self, AnalyzeCommand.self, IngestCommand.self, EventsCommand.self,
            SeriesCommand.self, ValidateCommand.self, ImportDictionariesCommand.self, BenchCommand.self, GraphCommand.self,
            ActorCommand.self, EvalCommand.self, ParseCommand.self, TrainParserCommand.self, MaintainCommand.self,
            ExportCommand.self, ServeCommand.self,
        ]
    )
}
