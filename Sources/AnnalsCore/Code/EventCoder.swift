/// Options that change what a coder emits.
public struct CodingOptions: Sendable {
    /// Emit negated events too (`"polarity":"negated"`).
    public var includeNegated = false
    /// Attach an ``Explanation`` to each event.
    public var explain = false
    /// Emit event records.
    public var emitEvents = true
    /// Emit relation records.
    public var emitRelations = true
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

    public init(document: Document, sentences: [Sentence]) {
        self.document = document
        self.sentences = sentences
    }

    /// Events then relations, in text order.
    public var records: [Record] {
        events.map(Record.event) + relations.map(Record.relation)
    }
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

    public func run(_ document: Document) -> CodedDocument {
        var doc = document
        let sentences = preprocessor.sentences(in: &doc)
        var coded = coder.code(doc, sentences: sentences, options: options)
        geolocator?.locate(&coded)
        return coded
    }
}

/// A coder that finds nothing; useful to time the Text stage alone.
public struct NullCoder: EventCoder {
    public init() {}
    public func code(_ document: Document, sentences: [Sentence], options: CodingOptions) -> CodedDocument {
        CodedDocument(document: document, sentences: sentences)
    }
}
