import AnnalsCore

/// The checks every fuzz target makes on what a reader produced. A broken invariant traps, which
/// libFuzzer reports as a crash with the input that caused it.
public enum Invariants {
    /// Stops the fuzzer with `message` (a crash libFuzzer records with its input).
    public static func fail(_ message: String) -> Never {
        fatalError("invariant broken: \(message)")
    }

    /// Is `offset` inside `bytes` and not in the middle of a UTF-8 sequence?
    public static func onBoundary(_ bytes: [UInt8], _ offset: Int) -> Bool {
        guard offset >= 0 && offset <= bytes.count else { return false }
        return offset == bytes.count || bytes[offset] & 0xC0 != 0x80
    }

    /// Sentences of `document`: spans inside the original bytes, on character boundaries, ordered;
    /// every offset of the cleaned text inside the original; the same result twice.
    @discardableResult
    public static func checkSentences(_ document: Document, original: [UInt8]? = nil) -> [Sentence] {
        var first = document
        var second = document
        let sentences = Preprocessor().sentences(in: &first)
        let again = Preprocessor().sentences(in: &second)
        if sentences != again { fail("sentences differ between two runs") }
        let bytes = original ?? Array(document.text.utf8)
        var previousEnd = 0
        for s in sentences {
            if s.isFromTitle { continue }
            if s.span.start > s.span.end { fail("sentence \(s.index): span \(s.span) reversed") }
            if s.span.end > bytes.count { fail("sentence \(s.index): span \(s.span) past the end (\(bytes.count))") }
            if document.repairs.isEmpty {
                if !onBoundary(bytes, s.span.start) || !onBoundary(bytes, s.span.end) {
                    fail("sentence \(s.index): span \(s.span) not on a character boundary")
                }
            }
            if s.span.start < previousEnd { fail("sentence \(s.index): span \(s.span) overlaps the one before") }
            previousEnd = s.span.end
            if s.offsets.count != s.text.utf8.count + 1 { fail("sentence \(s.index): \(s.offsets.count) offsets for \(s.text.utf8.count) bytes") }
            for o in s.offsets where o < 0 || Int(o) > bytes.count { fail("sentence \(s.index): offset \(o) outside the text") }
            checkTokens(s.text)
        }
        return sentences
    }

    /// Tokens of `text`: inside it, on character boundaries, in order, not empty; the same twice.
    public static func checkTokens(_ text: String) {
        let tokens = Tokenizer.tokens(of: text)
        let bytes = Array(text.utf8)
        var previous = 0
        for t in tokens {
            let s = Int(t.start), e = Int(t.end)
            if s < previous || e <= s || e > bytes.count { fail("token \(s)..<\(e) out of order or outside \(bytes.count) bytes") }
            if !onBoundary(bytes, s) || !onBoundary(bytes, e) { fail("token \(s)..<\(e) not on a character boundary") }
            previous = e
        }
        let again = Tokenizer.tokens(of: text)
        if tokens.map({ [$0.start, $0.end] }) != again.map({ [$0.start, $0.end] }) { fail("tokens differ between two runs") }
    }

    /// Reads `bytes` as a file called `name`: no crash, every document's sentences checked, and
    /// the same documents and errors twice.
    public static func checkReader(_ bytes: [UInt8], name: String, format: InputFormat, strict: Bool = false) {
        var reader = DocumentReader(format: format)
        reader.strictUTF8 = strict
        reader.maxDocumentBytes = 1 << 16
        func run() -> ([Document], [String]) {
            var documents: [Document] = []
            var errors: [String] = []
            reader.read(bytes: bytes, name: name, onError: { errors.append($0.description) }) { documents.append($0) }
            return (documents, errors)
        }
        let (documents, errors) = run()
        let (documents2, errors2) = run()
        if documents != documents2 || errors != errors2 { fail("reading twice gave different documents or errors") }
        for document in documents {
            // Text with repairs has spans into bytes that are not in the Document; check against
            // the text itself, which bounds them from above.
            if document.text.utf8.contains(0) { fail("document \(document.id) still holds a NUL byte") }
            checkSentences(document)
        }
    }
}

/// Copies libFuzzer's input into an array.
public func fuzzBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// libFuzzer's driver (in the fuzzer runtime that `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// Runs libFuzzer with the process's arguments and `callback` as the target.
///
/// SwiftPM links an executable with `main` redirected to `<Target>_main` (for testable
/// executables), so libFuzzer's own `main` is never used; each target defines `<Target>_main` and
/// calls this instead.
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
}
