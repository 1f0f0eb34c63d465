import AnnalsCore
import Foundation

@testable import AnnalsStore

/// A fresh temporary directory, removed by `cleanup()`.
struct TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("annals-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// Builds documents and event records directly, independent of any coder.
enum Fixture {
    static func actor(_ code: String, _ name: String, at start: Int = 0) -> ActorRef {
        ActorRef(text: name, name: name, code: code, span: Span(start, start + name.utf8.count))
    }

    static func event(
        doc: String, sentence: Int, text: String = "", date: String, source: String?, target: String?,
        cameo: String, polarity: Polarity = .affirmed, modality: Modality = .asserted, mentions: Int = 1
    ) -> EventRecord {
        let code = CameoTable.shared[cameo]!
        return EventRecord(
            id: "\(doc)-\(sentence)-\(cameo)-\(source ?? "")-\(target ?? "")", doc: doc, sentence: sentence,
            text: text.isEmpty ? "\(source ?? "?") \(cameo) \(target ?? "?") in sentence \(sentence)" : text,
            date: date, source: source.map { actor($0, $0.lowercased(), at: 0) },
            target: target.map { actor($0, $0.lowercased(), at: 20) }, code: code, polarity: polarity,
            modality: modality, mentions: mentions, evidence: Evidence(verb: "attacked", span: Span(10, 18), rule: "test:1"))
    }

    /// A coded document with `sentenceCount` sentences and the given events.
    static func coded(
        _ id: String, text: String? = nil, source: String?, date: String, url: String? = nil,
        sentences sentenceCount: Int = 4, events: [EventRecord] = [], relations: [RelationRecord] = []
    ) -> CodedDocument {
        let body = text ?? (0..<sentenceCount).map { "Sentence \($0) of \(id)." }.joined(separator: " ")
        let doc = Document(id: id, text: body, date: Day(date), source: source, url: url)
        var sentences: [Sentence] = []
        var base = 0
        for (i, s) in body.split(separator: " ", omittingEmptySubsequences: false).chunks(4).enumerated() {
            let t = s.joined(separator: " ")
            sentences.append(Sentence(index: i, text: t, base: base))
            base += t.utf8.count + 1
        }
        var c = CodedDocument(document: doc, sentences: sentences)
        c.events = events
        c.relations = relations
        return c
    }

    static func relation(doc: String, date: String, subject: String, object: String) -> RelationRecord {
        RelationRecord(
            id: "\(doc)-r", doc: doc, sentence: 0, text: "\(subject) is part of \(object)",
            subject: actor(subject, subject.lowercased()), relation: .partOf, label: nil,
            object: actor(object, object.lowercased(), at: 20), date: date,
            evidence: Evidence(verb: "part of", span: Span(5, 12), rule: "test:2"))
    }
}

extension Array {
    func chunks(_ n: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: n).map { self[$0..<Swift.min($0 + n, count)] }
    }
}

/// A deterministic coder for end-to-end tests: a sentence naming two of Iran, Israel, the United
/// States with "attacked" or "praised" between them codes an event.
struct KeywordCoder: EventCoder {
    static let actors = [("Iran", "IRN"), ("Israel", "ISR"), ("United States", "USA")]

    func code(_ document: Document, sentences: [Sentence], options: CodingOptions) -> CodedDocument {
        var out = CodedDocument(document: document, sentences: sentences)
        for s in sentences {
            let verbs = [("attacked", "190"), ("praised", "051")]
            guard let (verb, cameo) = verbs.first(where: { s.text.contains($0.0) }),
                let verbRange = s.text.range(of: verb)
            else { continue }
            let head = String(s.text[..<verbRange.lowerBound])
            let tail = String(s.text[verbRange.upperBound...])
            guard let src = Self.actors.first(where: { head.contains($0.0) }),
                let tgt = Self.actors.first(where: { tail.contains($0.0) })
            else { continue }
            let negated = head.contains(" not ") || head.contains("never")
            if negated && !options.includeNegated { continue }
            let vs = s.text.utf8.distance(from: s.text.startIndex, to: verbRange.lowerBound)
            out.events.append(
                EventRecord(
                    id: "\(document.id)-\(s.index)", doc: document.id, sentence: s.index, text: s.text,
                    date: document.date?.description ?? "",
                    source: ActorRef(text: src.0, name: src.0, code: src.1, span: s.originalSpan(0, 1)),
                    target: ActorRef(text: tgt.0, name: tgt.0, code: tgt.1, span: s.originalSpan(vs, vs + 1)),
                    code: CameoTable.shared[cameo]!, polarity: negated ? .negated : .affirmed, modality: .asserted,
                    mentions: 1, evidence: Evidence(verb: verb, span: s.originalSpan(vs, vs + verb.utf8.count), rule: "keyword")))
        }
        return out
    }
}

/// The shared material beside the package (`../shared`), nil when absent.
enum Shared {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
    static var guardianSample: String? {
        let p = root.deletingLastPathComponent().appendingPathComponent("shared/corpora/guardian-2019-sample.csv").path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }
}
