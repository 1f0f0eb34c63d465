import Foundation

/// One gold affiliation: subject, relation, object, as an analyst writes them down.
public struct GoldRelation: Sendable, Hashable {
    /// Names the subject may go by, any of which counts ("Syrian Democratic Forces|SDF").
    public var subject: [String]
    /// The relation, or the relations any of which counts when the text allows several
    /// (`"leads|member_of"` for "an SDF leader"); the first is the one tallied.
    public var relations: [RelationKind]
    public var object: [String]

    /// The relation the tallies count it under.
    public var relation: RelationKind { relations[0] }
    /// The words of the article that state it (for the reader; not used in scoring).
    public var quote: String?
}

/// One article of a relation gold file.
public struct GoldArticle: Sendable, Hashable {
    public var id: String
    /// The document id in `--documents`, when the text is not inline.
    public var doc: String?
    public var text: String?
    public var date: Day?
    public var split: String?
    public var relations: [GoldRelation]
    public var line: Int
}

/// Reads relation gold files (`docs/evaluation.md`).
public enum RelationGoldFile {
    public static func load(_ path: String) throws -> [GoldArticle] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else {
            throw GoldFileError(file: path, line: 0, message: "cannot read file as UTF-8")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String = "-") throws -> [GoldArticle] {
        var out: [GoldArticle] = []
        for (n, o) in try GoldFile.objects(text, file: file) {
            func fail(_ m: String) -> GoldFileError { GoldFileError(file: file, line: n, message: m) }
            guard let id = o["id"] as? String else { throw fail("missing \"id\"") }
            let doc = o["doc"] as? String
            let inline = o["text"] as? String
            guard doc != nil || inline != nil else { throw fail("an article needs \"doc\" (an id in --documents) or \"text\"") }
            var date: Day?
            if let d = o["date"] as? String {
                guard let day = Day(d) else { throw fail("\"date\" must be YYYY-MM-DD, not '\(d)'") }
                date = day
            }
            let split = o["split"] as? String
            if let split, split != "dev" && split != "reserved" { throw fail("\"split\" must be dev or reserved, not '\(split)'") }
            guard let list = o["relations"] as? [[String: Any]] else { throw fail("\"relations\" must be a list of objects") }
            let relations = try list.map { r -> GoldRelation in
                guard let s = r["subject"] as? String, !s.isEmpty, let ob = r["object"] as? String, !ob.isEmpty else {
                    throw fail("a relation needs \"subject\" and \"object\" names")
                }
                func names(_ x: String) -> [String] { x.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
                let kinds = names(r["relation"] as? String ?? "").map { RelationKind(rawValue: $0) }
                guard !kinds.isEmpty, kinds.allSatisfy({ $0 != nil }) else {
                    throw fail("\"relation\" must be one of \(RelationKind.allCases.map(\.rawValue).joined(separator: ", ")) (or several joined by |)")
                }
                return GoldRelation(subject: names(s), relations: kinds.compactMap { $0 }, object: names(ob), quote: r["quote"] as? String)
            }
            out.append(GoldArticle(id: id, doc: doc, text: inline, date: date, split: split, relations: relations, line: n))
        }
        return out
    }
}

/// Relation recall and precision on gold articles.
public struct RelationEvaluation: Sendable {
    public var articles = 0
    /// Gold relations found (true positives), missed (false negatives); predicted records that match no gold relation (false positives).
    public var tally = Tally()
    /// Per relation kind.
    public var byRelation = LabelTallies()
    public var misses: [Discrepancy] = []
    public var falsePositives: [Discrepancy] = []

    public init() {}

    static func normal(_ s: String) -> String {
        var t = s.lowercased().replacingOccurrences(of: "’", with: "'")
        for p in ["the "] where t.hasPrefix(p) { t.removeFirst(p.count) }
        if t.hasSuffix("'s") { t.removeLast(2) }
        return t.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A gold name matches an actor when it equals, or is a whole-word part of, the actor's name or
    /// text (or the other way round), or equals its code.
    static func matches(_ names: [String], _ actor: ActorRef) -> Bool {
        let have = [normal(actor.name), normal(actor.text)].filter { !$0.isEmpty }
        for n in names.map(normal) where !n.isEmpty {
            if n == actor.code.lowercased() { return true }
            for h in have {
                if h == n { return true }
                let hw = " \(h) ", nw = " \(n) "
                if n.count >= 3 && hw.contains(nw) { return true }
                if h.count >= 3 && nw.contains(hw) { return true }
            }
        }
        return false
    }

    static func matches(_ g: GoldRelation, _ r: RelationRecord) -> Bool {
        guard g.relations.contains(r.relation) else { return false }
        if matches(g.subject, r.subject) && matches(g.object, r.object) { return true }
        // allied_with is symmetric.
        return r.relation == .alliedWith && matches(g.subject, r.object) && matches(g.object, r.subject)
    }

    static func describe(_ r: RelationRecord) -> String { "\(r.subject.name) \(r.relation.rawValue) \(r.object.name)" }
    static func describe(_ g: GoldRelation) -> String {
        "\(g.subject.joined(separator: "|")) \(g.relations.map(\.rawValue).joined(separator: "|")) \(g.object.joined(separator: "|"))"
    }

    /// Adds one article: its gold relations against the relation records coded from it.
    public mutating func add(_ article: GoldArticle, text: String, got: [RelationRecord]) {
        articles += 1
        // The same relation stated twice is one record for scoring.
        var distinct: [RelationRecord] = []
        var seen: Set<String> = []
        for r in got where seen.insert(Self.describe(r)).inserted { distinct.append(r) }
        let gotText = distinct.map(Self.describe)
        let goldText = article.relations.map(Self.describe)
        for g in article.relations {
            let found = distinct.contains { Self.matches(g, $0) }
            var t = byRelation[g.relation.rawValue]
            if found { tally.truePositives += 1; t.truePositives += 1 } else { tally.falseNegatives += 1; t.falseNegatives += 1 }
            byRelation.set(g.relation.rawValue, t)
            if !found {
                misses.append(Discrepancy(id: article.id, text: g.quote ?? "", gold: [Self.describe(g)], got: gotText, labels: [g.relation.rawValue]))
            }
        }
        for r in distinct where !article.relations.contains(where: { Self.matches($0, r) }) {
            tally.falsePositives += 1
            var t = byRelation[r.relation.rawValue]
            t.falsePositives += 1
            byRelation.set(r.relation.rawValue, t)
            falsePositives.append(Discrepancy(id: article.id, text: r.text, gold: goldText, got: [Self.describe(r)], labels: [r.relation.rawValue]))
        }
    }

    /// A plain-text report.
    public func table(misses limit: Int = 20) -> String {
        var out = "\(articles) gold articles, \(tally.gold) gold relations, \(tally.predicted) relation records\n"
        out += EvaluationReport.tallyTable("relation", byRelation)
        func list(_ title: String, _ items: [Discrepancy]) -> String {
            guard limit > 0, !items.isEmpty else { return "" }
            var s = "\n\(title) (\(min(limit, items.count)) of \(items.count))\n"
            for d in items.prefix(limit) {
                s += "\n[\(d.id)] \(d.text)\n  gold: \(d.gold.joined(separator: "; "))\n  got:  \(d.got.isEmpty ? "nothing" : d.got.joined(separator: "; "))\n"
            }
            return s
        }
        return out + list("MISSED RELATIONS", misses) + list("WRONG RELATION RECORDS", falsePositives)
    }
}
