import AnnalsCore
import FuzzSupport

/// The html reader on any bytes (repairing, and every 4th input in --strict-utf8 mode): no crash,
/// documents whose sentences keep the invariants, the same result twice.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    Invariants.checkReader(bytes, name: "input.html", format: .html, strict: size % 4 == 3)
    return 0
}

@_cdecl("FuzzHTML_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
