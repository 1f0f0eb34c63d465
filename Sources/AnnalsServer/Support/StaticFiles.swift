import Foundation

/// The web explorer's files and the OpenAPI document, read once from the package's resources into
/// memory. Requests name a file; only names in this table are served, so no request path ever
/// reaches the file system.
struct StaticFiles: Sendable {
    struct File: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    private(set) var files: [String: File] = [:]
    let openapi: [UInt8]

    static let types = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "json": "application/json; charset=utf-8", "ico": "image/x-icon", "png": "image/png",
    ]

    init() throws {
        guard let root = Bundle.module.resourceURL else { throw CocoaError(.fileNoSuchFile) }
        openapi = Array(try Data(contentsOf: root.appendingPathComponent("openapi.json")))
        let explorer = root.appendingPathComponent("Explorer")
        for name in try FileManager.default.contentsOfDirectory(atPath: explorer.path) {
            let ext = (name as NSString).pathExtension.lowercased()
            guard let type = Self.types[ext], !name.hasPrefix(".") else { continue }
            files[name] = File(bytes: Array(try Data(contentsOf: explorer.appendingPathComponent(name))), contentType: type)
        }
    }

    /// The file with exactly this name (no directories), nil otherwise.
    subscript(name: String) -> File? { files[name] }
}
