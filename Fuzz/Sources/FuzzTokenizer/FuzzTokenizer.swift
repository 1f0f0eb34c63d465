import AnnalsCore
import FuzzSupport

/// The tokenizer on any text: tokens inside it, on character boundaries, in order, stable.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Invariants.checkTokens(String(decoding: fuzzBytes(data, size), as: UTF8.self))
    return 0
}
