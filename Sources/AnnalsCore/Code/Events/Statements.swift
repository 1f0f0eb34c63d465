/// Statements beside the events they report.
extension SentenceCoder {
    /// Roles whose words are no political statement (docs/annotation-guide.md): private people
    /// (civilians, refugees, doctors and nurses speaking as witnesses) and the press reporting ("AFP said").
    static let privateSpeakerRoles: Set<Substring> = ["CVL", "REF", "HLH", "MED"]

    /// Whether a statement by mention `m` is a quotation of a private person or a news report.
    func isPrivateSpeaker(_ m: Int, in a: Analysis) -> Bool {
        let mention = a.mentions[m]
        let role = mention.agent.map { lexicon.agents[$0].code } ?? mention.code
        guard role.count >= 3 else { return false }
        return Self.privateSpeakerRoles.contains(role.suffix(3))
    }

    /// Whether mention `m` is the speaker of a statement: one of its mentions, a mention with the same
    /// code, a pronoun in what is said ("Qatar said it would ...", "Ukrainian forces said they had ..."),
    /// or the state a state's official speaks for ("Erdoğan said Turkey will launch an operation").
    func sameSpeaker(_ m: Int, as speakers: [Int], in a: Analysis) -> Bool {
        if speakers.contains(m) || a.mentions[m].kind == .pronoun { return true }
        let code = a.mentions[m].code
        guard !code.isEmpty else { return false }
        return speakers.contains { s in
            let speaker = a.mentions[s].code
            return speaker == code || Self.sameState(speaker, code)
        }
    }

    /// Both codes are a state, its government or its military: "TURGOV" and "TUR".
    static func sameState(_ a: String, _ b: String) -> Bool {
        func state(_ c: String) -> Substring? {
            guard c.count == 3 || c.count == 6, c.allSatisfy(\.isLetter) else { return nil }
            let role = c.dropFirst(3)
            return role.isEmpty || role == "GOV" || role == "MIL" ? c.prefix(3) : nil
        }
        guard let x = state(a), let y = state(b) else { return false }
        return x == y
    }

    /// A statement that reports another party's event gives both (the annotation guide's convention): "An
    /// SDF leader said Isis fighters had surrendered" is the leader's 010 and the surrender, reported. A
    /// statement of the speaker's own act or intent is that event alone ("Qatar said it would not expel
    /// Hamas leaders", "Hezbollah said it had launched drones"), and the pronoun subject of what the
    /// speaker says is the speaker.
    func statementsReportingOthers(_ events: [EventCandidate], _ a: Analysis) -> [EventCandidate] {
        var out = events
        var stated = Set<Int>()
        for si in out.indices where out[si].notes.contains("statement") && out[si].code == "010" {
            let speech = out[si]
            for ei in out.indices where ei != si && !out[ei].notes.contains("statement") && out[ei].triggerStart > speech.triggerStart {
                let e = out[ei]
                guard !e.sources.isEmpty, e.sources.allSatisfy({ m in sameSpeaker(m, as: speech.sources, in: a) }) else { continue }
                if e.sources.allSatisfy({ a.mentions[$0].kind == .pronoun && !a.mentions[$0].isResolved }) {
                    out[ei].sources = speech.sources
                }
                stated.insert(si)
            }
        }
        return out.indices.filter { !stated.contains($0) }.map { out[$0] }
    }
}
