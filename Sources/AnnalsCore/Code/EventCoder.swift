/// Options that change what a coder emits.
public struct CodingOptions: Sendable {
    /// Emit negated events too (`"polarity":"negated"`).
    public var includeNegated = false
    /// Emit hypothetical events too (`"modality":"hypothetical"`: conditions, possibilities, questions).
    /// Off by default: the annotation guide codes no conditional, as CAMEO coders do not.
    public var includeHypothetical = false
    /// Attach an ``Explanation`` to each event.
    public var explain = false
    /// Emit event records.
    public var emitEvents = true
    /// Emit relation records.
    public var emitRelations = true
    /// Resource limits applied by ``Pipeline`` to each document.
    public var limits = ResourceLimits()
    public init() {}
}

/// What coding one document produced.
public struct CodedDocument: Sendable {
    public var document: Document
    public var sentences: [Sentence]
    public var events: [EventRecord] = []
    public var relations: [RelationRecord] = []
    /// Capitalised names the dictionaries did not know (for `--unknown-actors`).
    public var unknownActors: [String] = []
    /// What ``Pipeline`` cut or skipped under its ``ResourceLimits``, one warning each.
    public var warnings: [IngestError] = []
    /// The coder's tokens and dependency parse of the sentences later stages read (those with events
    /// and the document's first few), by ``Sentence/index``; the Geo stage walks the parse from each
    /// event's trigger to its locative modifiers. Empty from a coder that keeps none.
    public var syntax: [Int: SentenceSyntax] = [:]

    public init(document: Document, sentences: [Sentence]) {
        self.document = document
        self.sentences = sentences
    }

    /// Events then relations, in text order.
    public var records: [Record] {
        events.map(Record.event) + relations.map(Record.relation)
    }
}

/// One sentence's tokens (``Tokenizer``) and dependency parse as the coder computed them, handed to
/// the stages after coding so that they neither tokenise nor parse again.
public struct SentenceSyntax: Sendable {
    public var tokens: [Token]
    /// ``DependencyTree/empty`` when the coder did not parse the sentence (no actor or no verb).
    public var tree: DependencyTree
    public init(tokens: [Token], tree: DependencyTree) {
        self.tokens = tokens
        self.tree = tree
    }

    /// Sentences at the top of a document that later stages read as its context besides the events' own.
    public static let leadSentences = 4
}

/// A coder turns a cleaned document into events and relations. Implementations are pure: the same
/// document and dictionaries give the same records, on any thread.
public protocol EventCoder: Sendable {
    func code(_ document: Document, sentences: [Sentence], options: CodingOptions) -> CodedDocument
}

/// The whole per-document pipeline: Text stage, then a coder.
public struct Pipeline: Sendable {
    public var preprocessor: Preprocessor
    public var coder: any EventCoder
    public var options: CodingOptions
    /// The Geo stage after coding (event locations); nil turns geolocation off.
    public var geolocator: Geolocator?

    public init(
        coder: any EventCoder, options: CodingOptions = CodingOptions(), preprocessor: Preprocessor = Preprocessor(),
        geolocator: Geolocator? = Geolocator.bundled
    ) {
        self.coder = coder
        self.options = options
        self.preprocessor = preprocessor
        self.geolocator = geolocator
    }

    /// Cleans and codes one document. Sentences longer than ``ResourceLimits/maxSentenceTokens``
    /// are skipped and records past ``ResourceLimits/maxRecordsPerDocument`` dropped, each with a
    /// warning in ``CodedDocument/warnings``.
    public func run(_ document: Document) -> CodedDocument {
        var doc = document
        var sentences = preprocessor.sentences(in: &doc)
        let limits = options.limits
        var warnings: [IngestError] = []
        sentences.removeAll { sentence in
            guard let tokens = limits.excessTokens(sentence) else { return false }
            warnings.append(
                IngestError(
                    file: document.origin,
                    message: "document \(document.id), sentence \(sentence.index) (bytes \(sentence.span.start)-\(sentence.span.end)): "
                        + "\(tokens) tokens, more than --max-sentence-tokens \(limits.maxSentenceTokens), skipped",
                    isWarning: true))
            return true
        }
        var coded = coder.code(doc, sentences: sentences, options: options)
        let total = coded.events.count + coded.relations.count
        if total > limits.maxRecordsPerDocument {
            coded.events = Array(coded.events.prefix(limits.maxRecordsPerDocument))
            coded.relations = Array(coded.relations.prefix(max(0, limits.maxRecordsPerDocument - coded.events.count)))
            warnings.append(
                IngestError(
                    file: document.origin,
                    message: "document \(document.id): \(total) records, more than --max-records-per-document "
                        + "\(limits.maxRecordsPerDocument); the first \(limits.maxRecordsPerDocument) are kept",
                    isWarning: true))
        }
        coded.warnings += warnings
        geolocator?.locate(&coded)
        return coded
    }
}

/// Explicit limits on what one document may cost. Each has a command-line flag; hitting one is a
/// warning naming the document, and the rest of the input is still coded.
public struct ResourceLimits: Sendable, Hashable {
    /// A longer "sentence" (a table, a list of names, a run of text without punctuation) is skipped:
    /// the coder's work grows with sentence length, and no real sentence is this long.
    public var maxSentenceTokens = 1000
    /// Records (events and relations) kept per document.
    public var maxRecordsPerDocument = 10_000

    public init(maxSentenceTokens: Int = 1000, maxRecordsPerDocument: Int = 10_000) {
        self.maxSentenceTokens = maxSentenceTokens
        self.maxRecordsPerDocument = maxRecordsPerDocument
    }

    /// The token count of `sentence` when it is over ``maxSentenceTokens``, else nil. (A sentence
    /// of at most that many bytes cannot have more tokens, so most are not tokenised here.)
    func excessTokens(_ sentence: Sentence) -> Int? {
        guard sentence.text.utf8.count > maxSentenceTokens else { return nil }
        let count = Tokenizer.tokens(of: sentence.text).count
        return count > maxSentenceTokens ? count : nil
    }
}

/// A coder that finds nothing; useful to time the Text stage alone.
public struct NullCoder: EventCoder {
    public init() {}
    public func code(_ document: Document, sentences: [Sentence], options: CodingOptions) -> CodedDocument {
        CodedDocument(document: document, sentences: sentences)
    }
}
