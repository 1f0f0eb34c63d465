import Foundation

/// Access to the data files shipped with AnnalsCore (`Sources/AnnalsCore/Resources`).
public enum BundledResource {
    /// URL of a bundled file or directory, e.g. `Dictionaries` or `Ontology/cameo-event-codes.tsv`.
    public static func url(_ relativePath: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent(relativePath)
    }

    public static func text(_ relativePath: String) throws -> String {
        let data = try Data(contentsOf: url(relativePath))
        return String(decoding: data, as: UTF8.self)
    }
}
