import Foundation

/// Coding options of `PETR_config.ini` (`[Options]`) and of validation `<Config>` lines.
public struct PetrarchOptions: Sendable, Hashable {
    /// Internal comma-delimited clauses of this many words are removed before coding (0 = off).
    public var commaMin = 2
    public var commaMax = 8
    /// Initial clause (start of sentence to first comma).
    public var commaBMin = 0
    public var commaBMax = 0
    /// Terminal clause (last comma to end of sentence).
    public var commaEMin = 2
    public var commaEMax = 8
    /// Events need a source and a target.
    public var requireDyad = true
    public var newActorLength = 0

    public init() {}

    /// Applies `option = value`; returns false for an option it does not know.
    @discardableResult
    public mutating func set(_ option: String, _ value: String) -> Bool {
        let v = value.trimmingCharacters(in: .whitespaces)
        switch option.trimmingCharacters(in: .whitespaces).lowercased() {
        case "comma_min": commaMin = Int(v) ?? commaMin
        case "comma_max": commaMax = Int(v) ?? commaMax
        case "comma_bmin": commaBMin = Int(v) ?? commaBMin
        case "comma_bmax": commaBMax = Int(v) ?? commaBMax
        case "comma_emin": commaEMin = Int(v) ?? commaEMin
        case "comma_emax": commaEMax = Int(v) ?? commaEMax
        case "require_dyad": requireDyad = !v.lowercased().contains("false")
        case "new_actor_length": newActorLength = Int(v) ?? newActorLength
        default: return false
        }
        return true
    }
}

/// The files of a PETRARCH dictionary set, as named by `PETR_config.ini`.
public struct PetrarchFileSet: Sendable, Hashable {
    public var verbs: String?
    public var actors: [String] = []
    public var agents: String?
    public var discards: String?
    public var issues: String?
    public var options = PetrarchOptions()

    public init() {}

    /// Reads `PETR_config.ini`: the first `[Dictionaries]` section names the files relative to the
    /// config's directory; `[Options]` sets coding options.
    public init(config path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DictionaryError(file: path, line: 0, message: "cannot read PETRARCH config")
        }
        let dir = (path as NSString).deletingLastPathComponent
        func resolve(_ name: String) -> String {
            name.hasPrefix("/") ? name : (dir as NSString).appendingPathComponent(name)
        }
        var section = ""
        var seen: Set<String> = []
        var n = 0
        for raw in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                section = line.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
                continue
            }
            guard let eq = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw DictionaryError(file: path, line: n, message: "expected 'key = value'")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if section == "dictionaries" {
                if seen.contains(key) { continue }  // first section wins
                seen.insert(key)
                switch key {
                case "verbfile_name": verbs = resolve(value)
                case "actorfile_list":
                    actors = value.split(separator: ",").map { resolve($0.trimmingCharacters(in: .whitespaces)) }.filter {
                        !$0.hasSuffix("/")
                    }
                case "agentfile_name": agents = resolve(value)
                case "discardfile_name": discards = resolve(value)
                case "issuefile_name": issues = resolve(value)
                default: break
                }
            } else if section == "options" {
                options.set(key, value)
            }
        }
        if verbs == nil { throw DictionaryError(file: path, line: n, message: "no verbfile_name in [Dictionaries]") }
    }

    /// A `PETR_config.ini`, or a directory: its `PETR_config.ini`, else files found by name
    /// (`*verbs*`/`CAMEO*` verbs, `*actors*`, `*agents*`, `*discards*`, `*Issue*`).
    public static func locate(_ path: String) throws -> PetrarchFileSet {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw DictionaryError(file: path, line: 0, message: "no such file or directory")
        }
        if !isDir.boolValue { return try PetrarchFileSet(config: path) }
        let config = (path as NSString).appendingPathComponent("PETR_config.ini")
        if FileManager.default.fileExists(atPath: config) { return try PetrarchFileSet(config: config) }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        var set = PetrarchFileSet()
        for name in names where name.hasSuffix(".txt") {
            let full = (path as NSString).appendingPathComponent(name)
            let low = name.lowercased()
            if low.contains("verbs") || low.hasPrefix("cameo") {
                set.verbs = set.verbs ?? full
            } else if low.contains("actors") {
                set.actors.append(full)
            } else if low.contains("agents") {
                set.agents = set.agents ?? full
            } else if low.contains("discard") {
                set.discards = set.discards ?? full
            } else if low.contains("issue") {
                set.issues = set.issues ?? full
            }
        }
        if set.verbs == nil {
            throw DictionaryError(file: path, line: 0, message: "no verb dictionary (*verbs*.txt or CAMEO*.txt) in directory")
        }
        return set
    }
}

/// A loaded and compiled PETRARCH dictionary set.
public struct PetrarchDictionaries: Sendable {
    public var verbs: PetrarchVerbDictionary
    public var actors: [PetrarchActor]
    public var agents: [PetrarchAgent]
    public var discards: PetrarchDiscards
    public var issues: PetrarchIssues?
    public var options: PetrarchOptions
    /// Compiled phrase → actor index.
    public var actorTrie: PetrarchTrie
    /// Compiled phrase → agent index.
    public var agentTrie: PetrarchTrie
    /// Non-fatal problems (undefined synsets, duplicate phrases) as `FILE:LINE: message`.
    public var warnings: [String]

    public init(
        verbs: PetrarchVerbDictionary, actors: [PetrarchActor], agents: [PetrarchAgent] = [],
        discards: PetrarchDiscards = PetrarchDiscards(), issues: PetrarchIssues? = nil, options: PetrarchOptions = PetrarchOptions()
    ) {
        self.verbs = verbs
        self.actors = actors
        self.agents = agents
        self.discards = discards
        self.issues = issues
        self.options = options
        self.warnings = verbs.warnings
        var at = PetrarchTrie().reserve(actors.count * 3)
        for (i, a) in actors.enumerated() {
            for phrase in [a.name] + a.synonyms {
                let k = PetrarchLines.keys(phrase)
                if k.isEmpty { continue }
                at.insert(k, value: Int32(i))
            }
        }
        var gt = PetrarchTrie().reserve(agents.count * 3)
        for (i, g) in agents.enumerated() {
            for phrase in [g.phrase] + g.plurals {
                let k = PetrarchLines.keys(phrase)
                if k.isEmpty { continue }
                gt.insert(k, value: Int32(i))
            }
        }
        actorTrie = at
        agentTrie = gt
    }

    /// Reads a file set; every dictionary error names its file and line.
    public init(files: PetrarchFileSet) throws {
        func read(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DictionaryError(file: path, line: 0, message: "cannot read dictionary file")
            }
            // The dictionaries are "flat ASCII"; decode Latin-1 bytes rather than fail.
            if let s = String(data: data, encoding: .utf8) { return s }
            return String(decoding: data.map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
        }
        func name(_ p: String) -> String { (p as NSString).lastPathComponent }
        guard let vpath = files.verbs else { throw DictionaryError(file: "PETR_config.ini", line: 0, message: "no verb dictionary") }
        let verbs = try PetrarchVerbDictionary(text: read(vpath), file: name(vpath), strict: false)
        var actors: [PetrarchActor] = []
        var warnings: [String] = []
        for a in files.actors { actors += try PetrarchActorReader.read(text: read(a), file: name(a), warnings: &warnings) }
        let agents =
            try files.agents.map { try PetrarchAgentReader.read(text: read($0), file: name($0), strict: false, warnings: &warnings) } ?? []
        let discards = try files.discards.map { try PetrarchDiscards(text: read($0), file: name($0)) } ?? PetrarchDiscards()
        let issues = try files.issues.map { try PetrarchIssues(text: read($0), file: name($0)) }
        self.init(verbs: verbs, actors: actors, agents: agents, discards: discards, issues: issues, options: files.options)
        self.warnings += warnings
    }

    /// Loads `PETR_config.ini` or a directory of dictionaries.
    public static func load(_ path: String) throws -> PetrarchDictionaries {
        try PetrarchDictionaries(files: PetrarchFileSet.locate(path))
    }
}
