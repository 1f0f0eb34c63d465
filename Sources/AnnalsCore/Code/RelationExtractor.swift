/// Extracts affiliations stated in text (part of, member of, leads, allied with, controls, based in).
///
/// PLACEHOLDER: the network work replaces this with the full extractor.
struct RelationExtractor {
    let lexicon: Lexicon
    func relations(_ document: Document, sentences: [Sentence], coder: SentenceCoder) -> [RelationRecord] { [] }
}
