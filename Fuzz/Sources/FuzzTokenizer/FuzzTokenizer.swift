import AnnalsCore
import FuzzSupport

/// The tokenizer on any text: tokens inside it, on character boundaries, in order, stable.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Invariants.checkTokens(String(decoding: fuzzBytes(data, size), as: UTF8.self))
    return 0
}

@_cdecl("FuzzTokenizer_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
