import Foundation

/// Locates `../shared` beside the package (present on developer and CI machines, absent in a
/// user's fresh clone; tests that need it skip with a printed reason).
enum SharedFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The file under `../shared`, or nil (after printing why) when it is absent.
    static func file(_ relative: String) -> URL? {
        let url = shared.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        print("skipping: \(url.path) is absent (../shared is only on development and CI machines)")
        return nil
    }
}
