import AnnalsCore
import FuzzSupport

/// The petrarch reader on any bytes (repairing, and every 4th input in --strict-utf8 mode): no crash,
/// documents whose sentences keep the invariants, the same result twice.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    Invariants.checkReader(bytes, name: "input.xml", format: .petrarch, strict: size % 4 == 3)
    return 0
}

@_cdecl("FuzzPetrarchXML_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
