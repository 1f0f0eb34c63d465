extension MentionRecognizer {
    /// "Mohammad Radmanish, an Afghan defence spokesperson, said", "Yang Jiechi, the State Councillor of
    /// China, will host": an unknown name followed by a comma and a singular title takes the code the
    /// title gives, as it would before the name. Not in a list ("Ghani, the army and the police").
    func appositiveTitles(_ mentions: inout [Mention], tokens: [Token], day: Day?) {
        for n in mentions.indices.dropLast() where mentions[n].kind == .unknown {
            let next = mentions[n + 1]
            let e = mentions[n].end
            // The title may open with an article and a modifier the chunk left out ("a suspected militant").
            let opening = (e + 1)..<max(e + 1, next.start)
            guard e + 1 < tokens.count, tokens[e].key == ClosedClass.comma, next.start >= e + 1, next.start <= e + 3,
                opening.allSatisfy({
                    tokens[$0].is(.articles) || !tokens[$0].flags.contains(.capitalized) && !tokens[$0].flags.contains(.punctuation)
                }),
                next.start == e + 1 || !next.isResolved, let g = next.agent, !next.plural, !next.isPossessor
            else { continue }
            if next.end < tokens.count, tokens[next.end].key == ClosedClass.and || tokens[next.end].key == ClosedClass.or { continue }
            if next.isResolved {
                lend(next, agent: g, to: n, in: &mentions, day: day)
            } else if next.scope == nil, next.end < tokens.count, tokens[next.end].key == ClosedClass.comma {
                // "Gul Rahman, a suspected militant, was killed": a title of no country still gives its
                // sector (REB), as CAMEO codes a bare "militant"; not one whose group is unknown
                // ("Ingabire, leader of the FDU-Inkingi party": the party, not a government).
                var title = next
                title.code = agents[g].code
                lend(title, agent: g, to: n, in: &mentions, day: day)
            }
        }
        // The other order: "Peru's interim president, Manuel Merino, resigned", "the UN envoy, Staffan
        // de Mistura, announced": a singular title, a comma, and an unknown name closed by a comma or the
        // sentence's end.
        for n in mentions.indices.dropFirst() where mentions[n].kind == .unknown {
            let title = mentions[n - 1]
            let s = mentions[n].start
            let e = mentions[n].end
            guard s >= 1, tokens[s - 1].key == ClosedClass.comma, title.end == s - 1, let g = title.agent, !title.plural,
                !title.isPossessor, title.isResolved,
                e == tokens.count || tokens[e].key == ClosedClass.comma
                    || tokens[e].flags.contains(.punctuation) && e + 1 == tokens.count
            else { continue }
            lend(title, agent: g, to: n, in: &mentions, day: day)
        }
    }

    /// Gives the unknown name `n` the code of the title in apposition to it, keeping its own name.
    fileprivate func lend(_ title: Mention, agent g: Int, to n: Int, in mentions: inout [Mention], day: Day?) {
        let code = title.kind == .named ? titleCode(agent: g, scope: title.scope, day: day) : title.code
        guard !code.isEmpty else { return }
        mentions[n].code = code
        mentions[n].kind = .agent
        mentions[n].agent = g
        mentions[n].scope = title.scope
        mentions[n].hasUnknownName = true
        mentions[n].isPerson = true
    }
}
