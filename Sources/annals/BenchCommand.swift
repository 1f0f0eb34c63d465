import AnnalsCore
import ArgumentParser
import Foundation

/// `annals bench`: end-to-end coding throughput on a repeated news corpus, as one JSON object.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure coding speed end to end from raw CSV on one thread and on all cores (one JSON object).",
        discussion: """
            Repeats the corpus (a CSV file) with distinct document ids until it holds at least --sentences \
            sentences, writes it to a temporary CSV file and codes that file through the whole pipeline \
            (read and parse the CSV bytes, clean, split, tokenise, code events and relations), once on one \
            thread and once on --threads threads. Reports the dictionary load time, counts, sentences per \
            second, the speedup, whether both runs gave the same records, and the peak resident memory of \
            each dictionary set. Give --dictionaries several times to compare dictionary sets. \
            Build with -c release (see Scripts/bench); a benchmark, not a test.
            Example: annals bench --dictionaries annals --dictionaries petrarch:../shared/petrarch/PETR_config.ini
            """
    )

    @Option(help: "The corpus to repeat (CSV with a text column).")
    var corpus: String = "../shared/corpora/guardian-2019-sample.csv"

    @Option(help: "Build a corpus of at least this many sentences.")
    var sentences: Int = 100_000

    @Option(help: "Worker threads for the parallel run (default: all cores).")
    var threads: Int = ProcessStats.coreCount

    @Option(help: "Dictionaries to measure (repeatable): 'annals', a directory, or petrarch:PATH.")
    var dictionaries: [String] = ["annals"]

    @Option(help: "Time each run this many times and keep the fastest.")
    var repeats: Int = 1

    @Flag(help: "Keep the generated corpus file and print its path to standard error.")
    var keepCorpus = false

    @Flag(help: "Code without the Geo stage (event locations), as `annals code --no-geo`, to measure its cost.")
    var noGeo = false

    func validate() throws {
        if sentences < 1 { throw ValidationError("--sentences must be at least 1") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        if repeats < 1 { throw ValidationError("--repeats must be at least 1") }
        if dictionaries.isEmpty { throw ValidationError("--dictionaries needs a value") }
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), !isDirectory.boolValue else {
            StandardError.print(
                "annals bench: corpus '\(corpus)' not found (relative to \(FileManager.default.currentDirectoryPath)); pass --corpus PATH to a CSV file"
            )
            throw ExitCode.failure
        }
        let built = try BenchCorpus.build(from: corpus, sentences: sentences)
        defer {
            if keepCorpus {
                StandardError.print("annals bench: corpus kept at \(built.path)")
            } else {
                try? FileManager.default.removeItem(atPath: built.path)
            }
        }
        let reader = DocumentReader(format: .csv)
        ProcessStats.resetPeakResident()

        // Compiling the gazetteer from its bundled text (the Geo stage's load), once.
        let geoClock = ContinuousClock()
        let geoStarted = geoClock.now
        let gazetteer = try Gazetteer.load(
            places: BundledResource.text("Gazetteer/places.tsv"), placesOrigin: "places.tsv",
            cues: BundledResource.text("Gazetteer/cues.tsv"), cuesOrigin: "cues.tsv")
        let geoLoadSeconds = (geoClock.now - geoStarted).seconds

        // The Text stage alone (read, clean, split; no coder), one thread.
        let textStage = try (0..<repeats).map { _ in
            try BenchRun.measure(reader: reader, path: built.path, pipeline: Pipeline(coder: NullCoder()), threads: 1)
        }.min { $0.seconds < $1.seconds }!

        let parseStage = try ParseStage.measure(reader: reader, path: built.path)

        var results: [(String, BenchResult)] = []
        for spec in dictionaries {
            results.append(
                (
                    Self.label(spec, taken: results.map(\.0)),
                    BenchResult.measure(spec: spec, reader: reader, path: built.path, threads: threads, repeats: repeats, geo: !noGeo)
                ))
        }

        var json = JSONWriter()
        json.object { j in
            j.key("corpus"); j.string(corpus)
            j.key("copies"); j.int(built.copies)
            j.key("corpus_bytes"); j.int(built.bytes)
            j.key("documents"); j.int(textStage.documents)
            j.key("sentences"); j.int(textStage.sentences)
            j.key("threads"); j.int(threads)
            j.key("cores"); j.int(ProcessStats.coreCount)
            j.key("cpu"); j.string(ProcessStats.cpuModel)
            j.key("text_stage_sentences_per_second"); j.int(textStage.sentencesPerSecond)
            j.key("parse_stage_sentences"); j.int(parseStage.sentences)
            j.key("parse_stage_sentences_per_second"); j.int(parseStage.sentencesPerSecond)
            j.key("parse_stage_tokens_per_second"); j.int(parseStage.tokensPerSecond)
            j.key("parser_load_seconds"); j.double(parseStage.loadSeconds)
            j.key("gazetteer_load_seconds"); j.double((geoLoadSeconds * 1000).rounded() / 1000)
            j.key("gazetteer_places"); j.int(gazetteer.places.count)
            for (label, result) in results {
                j.key(label)
                result.write(&j)
            }
        }
        print(json.string)
    }

    /// The JSON key for a dictionary spec: `annals`, `petrarch`, else the spec itself.
    static func label(_ spec: String, taken: [String]) -> String {
        var base = spec.hasPrefix("petrarch:") ? "petrarch" : spec.isEmpty ? "annals" : spec
        if taken.contains(base) { base = spec }
        return base
    }
}

/// The repeated corpus as a temporary CSV file.
enum BenchCorpus {
    struct Built {
        var path: String
        var copies: Int
        var bytes: Int
    }

    /// Reads `source`, counts its sentences, and writes enough copies (ids suffixed `~N`) to reach `sentences`.
    static func build(from source: String, sentences target: Int) throws -> Built {
        var documents: [Document] = []
        var problems: [String] = []
        DocumentReader().read(paths: [source], onError: { problems.append("\($0)") }) { documents.append($0) }
        if !problems.isEmpty || documents.isEmpty {
            StandardError.print("annals bench: cannot use corpus '\(source)': \(problems.first ?? "no documents")")
            throw ExitCode.failure
        }
        let preprocessor = Preprocessor()
        var perCopy = 0
        for var d in documents { perCopy += preprocessor.sentences(in: &d).count }
        guard perCopy > 0 else {
            StandardError.print("annals bench: corpus '\(source)' has no sentences")
            throw ExitCode.failure
        }
        let copies = (target + perCopy - 1) / perCopy
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("annals-bench-\(getpid()).csv").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            StandardError.print("annals bench: cannot write \(path)")
            throw ExitCode.failure
        }
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var total = 0
        func flush() throws {
            try handle.write(contentsOf: buffer)
            total += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
        buffer.append(contentsOf: "id,date,source,url,title,text\n".utf8)
        for copy in 1...copies {
            for d in documents {
                field(&buffer, "\(d.id)~\(copy)")
                buffer.append(44)
                field(&buffer, d.date?.description ?? "")
                buffer.append(44)
                field(&buffer, d.source ?? "")
                buffer.append(44)
                field(&buffer, d.url ?? "")
                buffer.append(44)
                field(&buffer, d.title ?? "")
                buffer.append(44)
                field(&buffer, d.text)
                buffer.append(10)
                if buffer.count >= 1 << 20 { try flush() }
            }
        }
        try flush()
        return Built(path: path, copies: copies, bytes: total)
    }

    /// A quoted CSV field (RFC 4180).
    private static func field(_ out: inout [UInt8], _ value: String) {
        out.append(34)
        for b in value.utf8 {
            if b == 34 { out.append(34) }
            out.append(b)
        }
        out.append(34)
    }
}

/// One timed pass over the corpus file.
struct BenchRun {
    var seconds: Double
    /// User and system CPU time of the process during the run.
    var cpuSeconds = 0.0
    var documents = 0
    var sentences = 0
    var events = 0
    var relations = 0
    /// FNV-1a over the event and relation ids in delivery order (equal runs give equal digests).
    var digest: UInt64 = 0xcbf2_9ce4_8422_2325

    var sentencesPerSecond: Int { Int(Double(sentences) / max(seconds, 1e-9)) }

    static func measure(reader: DocumentReader, path: String, pipeline: Pipeline, threads: Int) throws -> BenchRun {
        let clock = ContinuousClock()
        var run = BenchRun(seconds: 0)
        let started = clock.now
        let cpuStarted = Self.cpuTime()
        let failed = try BatchRunner(threads: threads).run(reader, paths: [path], pipeline: pipeline) { coded in
            run.documents += 1
            run.sentences += coded.sentences.count
            run.events += coded.events.count
            run.relations += coded.relations.count
            for e in coded.events { run.mix(e.id) }
            for r in coded.relations { run.mix(r.id) }
        }
        run.seconds = (clock.now - started).seconds
        run.cpuSeconds = Self.cpuTime() - cpuStarted
        if failed { throw ExitCode.failure }
        return run
    }

    /// User plus system CPU seconds of this process so far.
    static func cpuTime() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    private mutating func mix(_ id: String) {
        for b in id.utf8 {
            digest ^= UInt64(b)
            digest = digest &* 0x100_0000_01b3
        }
        digest ^= 10
        digest = digest &* 0x100_0000_01b3
    }
}

/// The figures for one dictionary set.
struct BenchResult {
    var spec: String
    var error: String?
    var loadSeconds = 0.0
    var single: BenchRun?
    var parallel: BenchRun?
    var threads = 1
    var peakMegabytes = 0.0

    static func measure(spec: String, reader: DocumentReader, path: String, threads: Int, repeats: Int, geo: Bool = true) -> BenchResult {
        var result = BenchResult(spec: spec)
        result.threads = threads
        ProcessStats.resetPeakResident()
        let clock = ContinuousClock()
        do {
            let started = clock.now
            let coder = try CoderFactory.make(spec)
            result.loadSeconds = (clock.now - started).seconds
            var pipeline = Pipeline(coder: coder)
            if !geo { pipeline.geolocator = nil }
            func best(_ n: Int) throws -> BenchRun {
                try (0..<repeats).map { _ in try BenchRun.measure(reader: reader, path: path, pipeline: pipeline, threads: n) }
                    .min { $0.seconds < $1.seconds }!
            }
            result.single = try best(1)
            result.parallel = try best(threads)
        } catch {
            result.error = "\(error)"
        }
        result.peakMegabytes = ProcessStats.peakResidentMegabytes
        return result
    }

    func write(_ j: inout JSONWriter) {
        j.object { j in
            j.key("dictionaries"); j.string(spec)
            if let error {
                j.key("error"); j.string(error)
                return
            }
            guard let single, let parallel else { return }
            j.key("load_seconds"); j.double((loadSeconds * 1000).rounded() / 1000)
            j.key("documents"); j.int(single.documents)
            j.key("sentences"); j.int(single.sentences)
            j.key("events"); j.int(single.events)
            j.key("relations"); j.int(single.relations)
            j.key("seconds_1_thread"); j.double((single.seconds * 1000).rounded() / 1000)
            j.key("sentences_per_second_1_thread"); j.int(single.sentencesPerSecond)
            j.key("sentences_per_cpu_second_1_thread"); j.int(Int(Double(single.sentences) / max(single.cpuSeconds, 1e-9)))
            j.key("threads"); j.int(threads)
            j.key("seconds_all_threads"); j.double((parallel.seconds * 1000).rounded() / 1000)
            j.key("sentences_per_second_all_threads"); j.int(parallel.sentencesPerSecond)
            j.key("cpu_seconds_all_threads"); j.double((parallel.cpuSeconds * 1000).rounded() / 1000)
            j.key("speedup"); j.double((single.seconds / max(parallel.seconds, 1e-9) * 100).rounded() / 100)
            j.key("deterministic"); j.bool(single.digest == parallel.digest && single.events == parallel.events)
            j.key("peak_rss_mb"); j.double((peakMegabytes * 10).rounded() / 10)
        }
    }
}
