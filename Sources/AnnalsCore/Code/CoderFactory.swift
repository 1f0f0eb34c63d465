import Foundation

/// Builds the coder named by `--dictionaries`.
public enum CoderFactory {
    /// `annals` (the bundled dictionaries), a directory of dictionaries in our format, or
    /// `petrarch:PATH` (a `PETR_config.ini` or a directory of PETRARCH/TABARI dictionaries).
    /// A comma-separated list is a layered set, as ``make(layers:)`` reads it
    /// (`annals,petrarch-actors:PATH`).
    public static func make(_ spec: String) throws -> any EventCoder {
        if spec.contains(",petrarch-actors:") || spec.contains(",actors:") {
            return try make(layers: spec.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) })
        }
        if spec.hasPrefix("petrarch:") {
            return try PetrarchCoder.load(String(spec.dropFirst("petrarch:".count)))
        }
        if spec == "annals" || spec.isEmpty {
            return DictionaryCoder(lexicon: try LexiconLoader.loadBundled())
        }
        return DictionaryCoder(lexicon: try LexiconLoader.load(directory: URL(fileURLWithPath: spec)))
    }

    /// Layered dictionaries, highest first: the first is a whole dictionary set (`annals`, a directory,
    /// or `petrarch:PATH` alone); each further one is actors to put under it, `petrarch-actors:PATH`
    /// (PETRARCH/TABARI actor dictionaries: a `PETR_config.ini` or directory) or `actors:PATH` (an
    /// actors file or directory in our format). On a conflict (the same id, or the same name, alias or
    /// adjective) the upper layer wins. One layer is ``make(_:)``.
    public static func make(layers: [String]) throws -> any EventCoder {
        guard let base = layers.first else { return try make("annals") }
        if layers.count == 1 { return try make(base) }
        if base.hasPrefix("petrarch:") {
            throw DictionaryError(
                file: base, line: 0, message: "actor layers go under our dictionaries ('annals' or a directory), not under petrarch:")
        }
        let underlays = try layers.dropFirst().map { spec -> ActorLayer in
            if spec.hasPrefix("petrarch-actors:") { return try ActorLayer.petrarchActors(String(spec.dropFirst("petrarch-actors:".count))) }
            if spec.hasPrefix("actors:") { return try ActorLayer.annalsActors(String(spec.dropFirst("actors:".count))) }
            throw DictionaryError(
                file: spec, line: 0,
                message: "a layer under the first dictionaries must be petrarch-actors:PATH or actors:PATH")
        }
        if base == "annals" || base.isEmpty { return DictionaryCoder(lexicon: try LexiconLoader.loadBundled(underlays: underlays)) }
        return DictionaryCoder(lexicon: try LexiconLoader.load(directory: URL(fileURLWithPath: base), underlays: underlays))
    }
}
