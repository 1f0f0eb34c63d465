// swift-tools-version:6.0
// libFuzzer targets for the Annals readers: built and run by Scripts/fuzz, not by `swift build` in the
// repository root (the fuzzer runtime supplies `main`). See Fuzz/README.md.
import Foundation
import PackageDescription

/// The root package's identity is the name of the folder it is checked out in.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

/// One executable per reader; each has one source file defining `LLVMFuzzerTestOneInput`.
let fuzzers = [
    "FuzzText", "FuzzTokenizer", "FuzzCSV", "FuzzJSONL", "FuzzHTML", "FuzzFeed", "FuzzPetrarchXML",
    "FuzzDictionary", "FuzzPetrarchDictionary",
]

let package = Package(
    name: "AnnalsFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "AnnalsCore", package: root)])
    ]
        + fuzzers.map { name in
            .executableTarget(
                name: name, dependencies: ["FuzzSupport", .product(name: "AnnalsCore", package: root)],
                swiftSettings: [.unsafeFlags(["-parse-as-library"])])
        },
    swiftLanguageModes: [.v6]
)
