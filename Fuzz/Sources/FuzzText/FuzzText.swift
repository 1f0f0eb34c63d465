import AnnalsCore
import FuzzSupport

/// The text cleaner and sentence splitter, on any bytes: as a decoded String, and through the plain
/// text reader (which repairs bad bytes and keeps spans into the input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    var title: String?
    // The first byte, when odd, makes the first line a separate title (the JSONL/CSV case).
    if let first = bytes.first, first & 1 == 1, let nl = bytes.firstIndex(of: 10) {
        title = String(decoding: bytes[1..<nl], as: UTF8.self)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    Invariants.checkSentences(Document(id: "fuzz", text: text, title: title))
    Invariants.checkReader(bytes, name: "input.txt", format: .text)
    return 0
}

@_cdecl("FuzzText_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
