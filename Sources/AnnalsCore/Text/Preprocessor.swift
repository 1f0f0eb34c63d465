import Foundation

/// The Text stage: cleans a document and splits it into sentences with offsets.
///
/// PLACEHOLDER implementation (naive split); replaced by the cleaning + splitting implementation.
public struct Preprocessor: Sendable {
    public init() {}

    /// Cleans `document.text` and returns its sentences. Sets `document.dateline` and
    /// `document.source` when a dateline ("BEIRUT (Reuters) -") opens the text.
    public func sentences(in document: inout Document) -> [Sentence] {
        var out: [Sentence] = []
        var start = 0
        let bytes = Array(document.text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: ".") || bytes[i] == 10 {
                let s = String(decoding: bytes[start...i], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !s.isEmpty { out.append(Sentence(index: out.count, text: s, base: start)) }
                start = i + 1
            }
            i += 1
        }
        return out
    }
}
