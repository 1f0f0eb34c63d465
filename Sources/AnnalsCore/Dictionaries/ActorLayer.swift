import Foundation

/// Actor entries to put under the main dictionaries (`--dictionaries annals --dictionaries petrarch-actors:PATH`):
/// they add actors the main dictionaries lack, and lose every conflict with them.
public struct ActorLayer: Sendable {
    /// Actor dictionaries in our format: file name (for error messages) → text.
    public var files: [(String, String)]

    public init(files: [(String, String)]) { self.files = files }

    /// PETRARCH/TABARI actor dictionaries (a `PETR_config.ini` or a directory), converted to our format
    /// as `annals import-dictionaries` converts them; their countries, agents and verbs are left out.
    public static func petrarchActors(_ path: String) throws -> ActorLayer {
        let result = PetrarchExporter(dictionaries: try PetrarchDictionaries.load(path)).export()
        return ActorLayer(files: result.files.filter { $0.0.hasPrefix("actors") }.map { ("petrarch-actors:\($0.0)", $0.1) })
    }

    /// `actors*.txt` files in our format: one file, or those of a directory.
    public static func annalsActors(_ path: String) throws -> ActorLayer {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DictionaryError(file: path, line: 0, message: "no such file or directory")
        }
        let urls: [URL]
        if isDirectory.boolValue {
            let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            urls = names.filter { $0.hasPrefix("actors") && $0.hasSuffix(".txt") }.map { URL(fileURLWithPath: path).appendingPathComponent($0) }
        } else {
            urls = [URL(fileURLWithPath: path)]
        }
        return ActorLayer(
            files: try urls.map { url in
                guard let data = FileManager.default.contents(atPath: url.path), let text = String(validating: data, as: UTF8.self) else {
                    throw DictionaryError(file: url.path, line: 0, message: "cannot read file as UTF-8")
                }
                return (url.path, text)
            })
    }
}
