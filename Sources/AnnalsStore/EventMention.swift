import AnnalsCore
import Foundation
import GRDB

/// One statement of a stored event: its sentence and where source, verb and target are in it.
public struct EventMention: Sendable {
    public var id: Int64
    /// The record id `annals code` gave the statement.
    public var record: String
    public var doc: String
    public var title: String?
    public var url: String?
    public var docDate: String?
    public var sentence: Int
    /// The statement's sentence.
    public var text: String
    public var count: Int
    public var polarity: String
    public var modality: String
    public var verb: String
    /// The dictionary rule or pattern that coded it.
    public var rule: String
    public var sourceText: String?
    public var sourceName: String?
    public var targetText: String?
    public var targetName: String?
    /// UTF-8 byte ranges in ``text`` (nil where the store cannot place them).
    public var verbSpan: Span?
    public var sourceSpan: Span?
    public var targetSpan: Span?
}

/// An actor as stored: one (code, name) pair with its mention counts and dates.
public struct StoredActor: Sendable, Equatable {
    public var code: String
    public var name: String
    public var country: String
    public var sector: String
    public var mentions: Int
    public var firstDate: String?
    public var lastDate: String?
}

/// What the events say about one actor code.
public struct ActorEventStats: Sendable {
    public struct Partner: Sendable {
        public var code: String
        public var name: String
        public var events: Int
        public var goldsteinMean: Double
    }
    public var asSource = 0
    public var asTarget = 0
    /// Events per quad class 1–4.
    public var quad = [0, 0, 0, 0]
    public var firstDate: String?
    public var lastDate: String?
    /// Counterparts by number of events, most first.
    public var partners: [Partner] = []

    public init() {}
}

/// Where source, verb and target are in a stored statement's sentence.
enum MentionSpans {
    /// Stored spans are offsets into the document as read, the stored sentence is the cleaned text
    /// (curly quotes, dashes and odd spaces made ASCII), so a span can land a few bytes late. When the
    /// text at `span` does not start with the verb's first word, the nearest occurrence of that word
    /// (within 64 bytes) is taken and the span shifted by the same amount.
    static func align(_ span: Span?, to verb: String, in bytes: [UInt8]) -> Span? {
        guard let span else { return nil }
        guard let first = verb.split(separator: " ").first.map({ Array($0.lowercased().utf8) }), !first.isEmpty else { return span }
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        func matches(at i: Int) -> Bool {
            guard i >= 0, i + first.count <= bytes.count else { return false }
            if i > 0, isWordByte(bytes[i - 1]) { return false }
            for k in 0..<first.count where lower(bytes[i + k]) != first[k] { return false }
            return true
        }
        if matches(at: span.start) { return span }
        let candidates = (max(0, span.start - 64)...min(bytes.count, span.start + 64)).filter(matches)
        guard let best = candidates.min(by: { abs($0 - span.start) < abs($1 - span.start) }) else { return span }
        let shift = span.start - best
        var end = min(bytes.count, max(best + first.count, span.end - shift))
        while end < bytes.count, isWordByte(bytes[end]), end > 0, isWordByte(bytes[end - 1]) { end += 1 }
        return Span(best, end)
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80
    }

    /// Where `needle` occurs in `bytes`: the first occurrence inside `window` (the statement's span),
    /// else the first anywhere that does not overlap `avoiding` (the verb); nil when absent.
    static func locate(_ needle: String?, in bytes: [UInt8], near window: Span?, avoiding: Span?) -> Span? {
        guard let needle, !needle.isEmpty else { return nil }
        let n = Array(needle.utf8)
        guard n.count <= bytes.count else { return nil }
        var hits: [Span] = []
        var i = 0
        while i + n.count <= bytes.count {
            if bytes[i] == n[0], Array(bytes[i..<(i + n.count)]) == n { hits.append(Span(i, i + n.count)) }
            i += 1
        }
        func overlapsVerb(_ s: Span) -> Bool {
            guard let v = avoiding else { return false }
            return s.start < v.end && v.start < s.end
        }
        if let w = window, let h = hits.first(where: { $0.start >= w.start && $0.end <= w.end && !overlapsVerb($0) }) { return h }
        return hits.first(where: { !overlapsVerb($0) })
    }
}
