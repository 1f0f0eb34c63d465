import AnnalsCore
import FuzzSupport

/// Our dictionary loader on any text, as each kind of file (the first byte picks it): it compiles
/// or throws a DictionaryError naming the file and a line inside it, never crashes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let first = bytes.first else { return 0 }
    let kinds = ["countries-fuzz.txt", "actors-fuzz.txt", "agents-fuzz.txt", "verbs-fuzz.txt"]
    let file = kinds[Int(first) % kinds.count]
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let lines = text.utf8.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
    do {
        _ = try LexiconLoader.load(texts: [(file: file, text: text)])
    } catch let error as DictionaryError {
        if error.file != file { Invariants.fail("error names \(error.file), not \(file)") }
        if error.line < 0 || error.line > lines { Invariants.fail("error line \(error.line) outside 0...\(lines)") }
    } catch {
        Invariants.fail("unexpected error type: \(error)")
    }
    return 0
}

@_cdecl("FuzzDictionary_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
