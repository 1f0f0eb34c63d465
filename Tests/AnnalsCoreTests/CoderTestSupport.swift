import Foundation

@testable import AnnalsCore

/// The bundled dictionaries, compiled once for all coder tests.
enum CoderTestSupport {
    static let lexicon: Lexicon = try! LexiconLoader.loadBundled()
    static let coder = DictionaryCoder(lexicon: lexicon)

    static func code(_ text: String, date: String? = "2024-03-12", includeNegated: Bool = false) -> [EventRecord] {
        var options = CodingOptions()
        options.includeNegated = includeNegated
        let pipeline = Pipeline(coder: coder, options: options)
        return pipeline.run(Document(id: "t", text: text, date: date.flatMap { Day($0) })).events
    }

    /// `SOURCE>TARGET:CODE` triples of affirmed events, for compact assertions.
    static func triples(_ text: String, date: String? = "2024-03-12") -> [String] {
        code(text, date: date).map { "\($0.source?.code ?? "-")>\($0.target?.code ?? "-"):\($0.cameo)" }
    }
}
