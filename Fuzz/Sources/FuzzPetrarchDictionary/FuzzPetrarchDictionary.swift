import AnnalsCore
import FuzzSupport

/// The PETRARCH/TABARI dictionary readers (verbs, actors, agents, discards, issues) on any text; the
/// first byte picks the reader. Each reads or throws; none crashes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let first = bytes.first else { return 0 }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    var warnings: [String] = []
    switch first % 6 {
    case 0: _ = try? PetrarchVerbDictionary(text: text, file: "verbs.txt")
    case 1: _ = try? PetrarchVerbDictionary(text: text, file: "verbs.txt", strict: false)
    case 2: _ = try? PetrarchActorReader.read(text: text, file: "actors.txt", strict: false, warnings: &warnings)
    case 3: _ = try? PetrarchAgentReader.read(text: text, file: "agents.txt", strict: false, warnings: &warnings)
    case 4: _ = try? PetrarchDiscards(text: text, file: "discards.txt")
    default: _ = try? PetrarchIssues(text: text, file: "issues.txt")
    }
    return 0
}

@_cdecl("FuzzPetrarchDictionary_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
