import Foundation

/// Builds the coder named by `--dictionaries`.
public enum CoderFactory {
    /// `annals` (the bundled dictionaries), a directory of dictionaries in our format, or
    /// `petrarch:PATH` (a `PETR_config.ini` or a directory of PETRARCH/TABARI dictionaries).
    public static func make(_ spec: String) throws -> any EventCoder {
        if spec.hasPrefix("petrarch:") {
            return try PetrarchCoder.load(String(spec.dropFirst("petrarch:".count)))
        }
        if spec == "annals" || spec.isEmpty {
            return DictionaryCoder(lexicon: try LexiconLoader.loadBundled())
        }
        return DictionaryCoder(lexicon: try LexiconLoader.load(directory: URL(fileURLWithPath: spec)))
    }
}
