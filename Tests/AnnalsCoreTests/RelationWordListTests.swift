import Testing

@testable import AnnalsCore

/// The relation rules' word lists are data (`Resources/Grammar/en/relations.tsv`), read once.
@Suite struct RelationWordListTests {
    /// A file with every list, each holding one word, plus `extra` lines.
    private func file(_ extra: String = "", skipping skipped: String? = nil) -> String {
        RelationWordLists.names.filter { $0 != skipped }.map { "\($0)\tword" }.joined(separator: "\n") + "\n" + extra
    }

    private func error(_ text: String) -> String? {
        do {
            _ = try RelationWordLists(parsing: text, origin: "relations.tsv")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func bundledListsHoldTheRulesWords() {
        let lists = RelationWordLists.bundled
        #expect(lists["part-nouns"].words.contains("wing"))
        #expect(lists["part-nouns"].keys.contains(TokenKey.hash("wing")))
        #expect(lists["person-roles"].words.contains("member of parliament"))
        #expect(lists["past-roles"].words.contains("former"))
        #expect(RelationReader.pastRoles == lists["past-roles"].words)
        #expect(RelationReader.isLeaderTerm("supreme leader"))
        #expect(!RelationReader.isLeaderTerm("co-founder"))
        #expect(RelationReader.backParticipleKeys.contains(TokenKey.hash("backed")))
    }

    @Test func aWellFormedFileReads() throws {
        let lists = try RelationWordLists(parsing: "# comment\n\n" + file(), origin: "relations.tsv")
        #expect(lists["glue"].words == ["word"])
    }

    @Test func aBadRowIsNamedByFileAndLine() {
        let first = RelationWordLists.names.firstIndex(of: "copulas")! + 1
        let twice = RelationWordLists.names.count + 1
        #expect(error(file("copulas\tis\n")) == "relations.tsv:\(twice): list 'copulas' is given twice (first on line \(first))")
        #expect(error("part-nouns wing\n")?.hasPrefix("relations.tsv:1: expected a list name, a tab and words") == true)
        #expect(error("part-nouns\t\n")?.hasPrefix("relations.tsv:1: expected a list name") == true)
        #expect(error("wings\twing\n") == "relations.tsv:1: unknown list 'wings'")
        #expect(error("part-nouns\tWing\n") == "relations.tsv:1: 'Wing' is not lower case")
        #expect(error(file(skipping: "glue"))?.contains("list 'glue' is missing") == true)
    }
}
