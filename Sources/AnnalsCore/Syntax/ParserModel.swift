import Foundation

/// The trained tagger and parser, loaded once and shared by every thread.
///
/// The bundled model (`Resources/Model/parser-en-ewt.bin`) is trained on UD English-EWT by
/// `annals train-parser`; docs/parser-model.md describes the file.
public final class ParserModel: Sendable {
    public let tagger: Tagger
    public let parser: DependencyParser
    /// Per tag class: the UPOS tag and the Penn Treebank tag.
    public let uposOfTag: [UPOS]
    let coarseOfTag: [UInt8]
    public let xposOfTag: [String]
    public let uposNameOfTag: [String]
    /// Per label: the universal relation and whether it is a passive subtype.
    public let relationOfLabel: [UDRelation]
    public let passiveLabel: [Bool]

    static let magic = Array("ANNALS-PARSER\0\0\u{1}".utf8)

    init(tagger: Tagger, parser: DependencyParser) {
        self.tagger = tagger
        self.parser = parser
        uposNameOfTag = tagger.classes.map { String($0.split(separator: " ").first ?? "X") }
        uposOfTag = uposNameOfTag.map { UPOS(name: $0) }
        coarseOfTag = uposOfTag.map(\.rawValue)
        xposOfTag = tagger.classes.map { String($0.split(separator: " ").dropFirst().first ?? "_") }
        relationOfLabel = parser.labels.map { UDRelation(label: $0) }
        passiveLabel = parser.labels.map { $0.hasSuffix(":pass") }
    }

    /// Tags and parses a sentence's words.
    public func parse(_ words: [SyntaxWord]) -> DependencyTree {
        guard !words.isEmpty else { return .empty }
        let tags = tagger.tag(words)
        let (heads, labels) = parser.parse(words, tags: tags, coarse: coarseOfTag)
        return DependencyTree(
            tags: tags, upos: tags.map { uposOfTag[Int($0)] }, heads: heads.map { $0 - 1 }, labels: labels,
            relations: labels.map { relationOfLabel[Int($0)] }, passive: labels.map { passiveLabel[Int($0)] })
    }

    /// The same model with small weights dropped (smaller and faster; see `annals parse --prune`).
    public func pruned(threshold: Float) -> ParserModel {
        ParserModel(
            tagger: Tagger(classes: tagger.classes, model: tagger.model.pruned(threshold: threshold), fixed: tagger.fixedList, ambiguity: tagger.ambiguityList),
            parser: DependencyParser(
                labels: parser.labels, transitions: parser.transitions.pruned(threshold: threshold),
                labeller: parser.labeller.pruned(threshold: threshold)))
    }

    /// Feature and weight counts of the three classifiers, for reports.
    public var sizes: String {
        "tagger \(tagger.model.featureCount)/\(tagger.model.weightCount), transitions \(parser.transitions.featureCount)/\(parser.transitions.weightCount), labeller \(parser.labeller.featureCount)/\(parser.labeller.weightCount) (features/weights)"
    }

    /// The full label ("nsubj:pass") of a label index.
    public func label(_ l: UInt8) -> String { parser.labels[Int(l)] }
    /// The Penn Treebank tag of a tag class.
    public func xpos(_ t: UInt16) -> String { xposOfTag[Int(t)] }

    // MARK: File

    /// The model's bytes, deterministic for a given model.
    public func serialized() -> [UInt8] {
        var w = BinaryWriter()
        w.bytes.append(contentsOf: Self.magic)
        tagger.write(to: &w)
        parser.write(to: &w)
        return w.bytes
    }

    /// Reads a model file; throws with a clear message for a file that is not one.
    public convenience init(bytes: [UInt8]) throws {
        guard bytes.count >= Self.magic.count, Array(bytes.prefix(Self.magic.count)) == Self.magic else {
            throw BinaryReader.Error.malformed("not an Annals parser model (bad magic)")
        }
        var r = BinaryReader(bytes)
        r.position = Self.magic.count
        let tagger = try Tagger(from: &r)
        let parser = try DependencyParser(from: &r)
        self.init(tagger: tagger, parser: parser)
    }

    public convenience init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        try self.init(bytes: [UInt8](data))
    }

    /// Path of the bundled model inside the package resources.
    public static let bundledPath = "Model/parser-en-ewt.bin"

    /// The bundled model, loaded on first use.
    public static func bundled() throws -> ParserModel {
        try bundledModel.get()
    }

    private static let bundledModel: Result<ParserModel, Error> = Result {
        try ParserModel(contentsOf: BundledResource.url(bundledPath))
    }
}
