import Testing

@testable import AnnalsCore

/// "the government of Recep Tayyip Erdoğan", "Assad's regime": the leader leads the country.
@Suite struct RelationGovernmentTests {
    private static let pipeline = Pipeline(coder: DictionaryCoder(lexicon: try! LexiconLoader.loadBundled()))

    private func relations(_ text: String, date: String) -> [String] {
        Self.pipeline.run(Document(id: "t", text: text, date: Day(date))).relations
            .filter { $0.evidence.rule.hasSuffix("government of its leader") }
            .map { "\($0.subject.name) \($0.relation.rawValue) \($0.object.name)" }
    }

    @Test func aGovernmentNamedByItsLeaderIsLedByHim() {
        let rs = relations(
            "The government of Recep Tayyip Erdoğan has seethed over the support of the US-led coalition for the YPG.", date: "2018-01-25")
        #expect(rs.contains("Recep Tayyip Erdogan leads Turkey"), "\(rs)")
    }

    @Test func aLeaderOutOfOfficeOrAMinisterOfTheGovernmentGivesNothing() {
        #expect(relations("The former government of Recep Tayyip Erdoğan was criticised by the EU.", date: "2018-01-25").isEmpty)
        #expect(relations("Erdoğan's government minister met the EU envoy in Ankara.", date: "2018-01-25").isEmpty)
        #expect(relations("The government of Recep Tayyip Erdoğan met the EU envoy.", date: "2010-01-25").isEmpty)
    }
}
