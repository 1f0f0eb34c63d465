/// A trained multi-class linear model over hashed features, laid out for fast scoring.
///
/// Each feature key owns a short run of `(class, weight)` entries (only the classes the perceptron
/// ever updated for it). Keys live in an open-addressing table of 16-byte slots, so scoring one
/// feature is one probe plus a short loop. See docs/parser-model.md for the file layout.
public struct LinearModel: Sendable {
    /// Number of classes.
    public let classCount: Int

    struct Slot {
        var key: UInt64
        var start: UInt32
        var count: UInt32
    }

    private var slots: [Slot]
    private let mask: Int
    private(set) var entryClass: [UInt16]
    private(set) var entryWeight: [Float]
    /// Features in the model, sorted by key (what the file stores).
    private(set) var sortedKeys: [UInt64]
    private(set) var sortedStarts: [UInt32]

    /// Builds the model from features sorted by key; `starts` has one more element than `keys`.
    init(classCount: Int, keys: [UInt64], starts: [UInt32], classes: [UInt16], weights: [Float]) {
        self.classCount = classCount
        self.sortedKeys = keys
        self.sortedStarts = starts
        self.entryClass = classes
        self.entryWeight = weights
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        mask = size - 1
        var table = [Slot](repeating: Slot(key: 0, start: 0, count: 0), count: size)
        for (i, k) in keys.enumerated() {
            var p = Int(truncatingIfNeeded: k ^ (k >> 31)) & (size - 1)
            while table[p].key != 0 { p = (p + 1) & (size - 1) }
            table[p] = Slot(key: k, start: starts[i], count: starts[i + 1] - starts[i])
        }
        slots = table
    }

    /// Number of features.
    public var featureCount: Int { sortedKeys.count }
    /// Number of stored weights.
    public var weightCount: Int { entryWeight.count }

    /// Adds the weights of every feature in `features` to `scores` (which has `classCount` elements).
    ///
    /// The table is far larger than the caches, so each feature costs a memory access or two. The
    /// work is done in passes whose loads do not depend on each other (first the features' home
    /// slots, then their entry runs, then the sums), so the processor overlaps the cache misses
    /// instead of waiting for each in turn.
    @inline(__always)
    public func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>) {
        let n = features.count
        guard n > 0 else { return }
        slots.withUnsafeBufferPointer { table in
            entryClass.withUnsafeBufferPointer { cls in
                entryWeight.withUnsafeBufferPointer { w in
                    withUnsafeTemporaryAllocation(of: Slot.self, capacity: n) { found in
                        // Pass 1: every feature's home slot, loaded independently.
                        for i in 0..<n {
                            let f = features[i]
                            found[i] = table[Int(truncatingIfNeeded: f ^ (f >> 31)) & mask]
                        }
                        // Pass 2: settle collisions (rare: the table is at most half full); an
                        // absent feature gets an empty run.
                        for i in 0..<n where found[i].key != features[i] {
                            let f = features[i]
                            var p = Int(truncatingIfNeeded: f ^ (f >> 31)) & mask
                            var s = found[i]
                            while s.key != f && s.key != 0 {
                                p = (p + 1) & mask
                                s = table[p]
                            }
                            found[i] = s.key == f ? s : Slot(key: 0, start: 0, count: 0)
                        }
                        // Pass 3: the weights of each run.
                        for i in 0..<n {
                            var e = Int(found[i].start)
                            let end = e + Int(found[i].count)
                            while e < end {
                                scores[Int(cls[e])] += w[e]
                                e += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// The model without weights smaller than `threshold` in magnitude (and without features left empty).
    public func pruned(threshold: Float) -> LinearModel {
        var keys: [UInt64] = []
        var starts: [UInt32] = [0]
        var classes: [UInt16] = []
        var weights: [Float] = []
        for (i, k) in sortedKeys.enumerated() {
            let before = weights.count
            for e in Int(sortedStarts[i])..<Int(sortedStarts[i + 1]) where abs(entryWeight[e]) >= threshold {
                classes.append(entryClass[e])
                weights.append(entryWeight[e])
            }
            if weights.count > before {
                keys.append(k)
                starts.append(UInt32(weights.count))
            }
        }
        return LinearModel(classCount: classCount, keys: keys, starts: starts, classes: classes, weights: weights)
    }

    // MARK: Binary form

    /// Written compactly: keys as varint deltas (they are sorted), per-feature entry counts and
    /// classes as bytes, weights as 16-bit floats (docs/parser-model.md).
    func write(to out: inout BinaryWriter) {
        out.int(classCount)
        var deltas: [UInt8] = []
        deltas.reserveCapacity(sortedKeys.count * 4)
        var previous: UInt64 = 0
        for k in sortedKeys {
            var d = k &- previous
            previous = k
            while d >= 0x80 {
                deltas.append(UInt8(d & 0x7F) | 0x80)
                d >>= 7
            }
            deltas.append(UInt8(d))
        }
        out.int(sortedKeys.count)
        out.array(deltas)
        out.array((0..<sortedKeys.count).map { UInt8(sortedStarts[$0 + 1] - sortedStarts[$0]) })
        out.array(entryClass.map { UInt8($0) })
        out.array(entryWeight.map { Float16($0).bitPattern })
    }

    init(from r: inout BinaryReader) throws {
        let classCount = try r.int()
        let featureCount = try r.int()
        let deltas: [UInt8] = try r.array()
        let counts: [UInt8] = try r.array()
        let classes: [UInt8] = try r.array()
        let weights: [UInt16] = try r.array()
        guard classCount <= 256, counts.count == featureCount, classes.count == weights.count else {
            throw BinaryReader.Error.malformed("inconsistent linear model tables")
        }
        var keys = [UInt64]()
        keys.reserveCapacity(featureCount)
        var previous: UInt64 = 0
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for b in deltas {
            guard shift < 64 else { throw BinaryReader.Error.malformed("bad key encoding") }
            value |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 {
                previous &+= value
                keys.append(previous)
                value = 0
                shift = 0
            } else {
                shift += 7
            }
        }
        var starts = [UInt32](repeating: 0, count: featureCount + 1)
        for i in 0..<featureCount { starts[i + 1] = starts[i] + UInt32(counts[i]) }
        guard keys.count == featureCount, Int(starts[featureCount]) == weights.count, classes.allSatisfy({ Int($0) < classCount })
        else { throw BinaryReader.Error.malformed("inconsistent linear model tables") }
        self.init(
            classCount: classCount, keys: keys, starts: starts, classes: classes.map { UInt16($0) },
            weights: weights.map { Float(Float16(bitPattern: $0)) })
    }
}

/// Little-endian writer of the model file's sections.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func int(_ v: Int) { withUnsafeBytes(of: UInt64(v).littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func string(_ s: String) {
        int(s.utf8.count)
        bytes.append(contentsOf: s.utf8)
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }

    /// Arrays of fixed-width integers or floats, stored as count + raw little-endian elements.
    mutating func array<T: BitwiseCopyable>(_ a: [T]) {
        int(a.count)
        a.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reader of what ``BinaryWriter`` wrote; every read is bounds-checked.
struct BinaryReader {
    enum Error: Swift.Error, CustomStringConvertible {
        case truncated
        case malformed(String)
        var description: String {
            switch self {
            case .truncated: return "the model file is truncated"
            case .malformed(let m): return "the model file is malformed: \(m)"
            }
        }
    }

    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func raw(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, position + n <= bytes.count else { throw Error.truncated }
        defer { position += n }
        return bytes[position..<position + n]
    }

    mutating func int() throws -> Int {
        let s = try raw(8)
        var v: UInt64 = 0
        for (i, b) in s.enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        guard v <= UInt64(Int32.max) else { throw Error.malformed("count \(v) out of range") }
        return Int(v)
    }

    mutating func string() throws -> String {
        let n = try int()
        return String(decoding: try raw(n), as: UTF8.self)
    }

    mutating func strings() throws -> [String] {
        let n = try int()
        var out: [String] = []
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    mutating func array<T: BitwiseCopyable>() throws -> [T] {
        let n = try int()
        let s = try raw(n * MemoryLayout<T>.stride)
        return [T](unsafeUninitializedCapacity: n) { buffer, count in
            s.withUnsafeBytes { src in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: src)
            }
            count = n
        }
    }
}
