import Foundation
import Testing

@testable import AnnalsCore

/// The bundled example of the README's Quick start codes the events it was written to contain.
@Suite struct ExampleArticleTests {
    @Test func exampleArticleHasTheSixKindsOfEvent() throws {
        let url = SharedFixtures.packageRoot.appendingPathComponent("Examples/example-article.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let events = CoderTestSupport.code(text, date: "2024-03-12")
        let roots = Set(events.map(\.root))
        #expect(roots.contains("03"), "pledge of support")
        #expect(roots.contains("04"), "meeting")
        #expect(roots.contains("12"), "refusal")
        #expect(roots.contains("11"), "accusation")
        #expect(events.contains { $0.cameo == "016" }, "denial")
        #expect(roots.contains { ["18", "19", "20"].contains($0) }, "attack")
        #expect(!events.contains { $0.text.contains("Copyright") || $0.text.contains("Share this") })
    }
}
