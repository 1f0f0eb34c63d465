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

extension BundledResource {
    /// The data lines of a tab-separated text: each line's number (from 1) and its fields, split at
    /// most `maxSplits` times; blank lines and lines starting with `#` are skipped.
    static func tabRows(_ text: String, maxSplits: Int = Int.max) -> [(line: Int, fields: [Substring])] {
        var rows: [(line: Int, fields: [Substring])] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.first == "#" || line.allSatisfy({ $0 == " " || $0 == "\r" || $0 == "\t" }) { continue }
            let trimmed = line.last == "\r" ? line.dropLast() : line
            rows.append((n + 1, trimmed.split(separator: "\t", maxSplits: maxSplits, omittingEmptySubsequences: false)))
        }
        return rows
    }

    /// Parses the bundled file `origin` with `parse(text, origin)`; a bundled file that does not parse
    /// is a defect of the package, reported with the file and line the parser names.
    static func load<T>(_ origin: String, _ parse: (String, String) throws -> T) -> T {
        do {
            return try parse(text(origin), origin)
        } catch {
            fatalError("the bundled \(origin) is unreadable: \(error)")
        }
    }
}
