/// A trained multi-class linear model over hashed features, laid out for fast scoring.
///
/// Each feature key owns a short run of `(class, weight)` entries (only the classes the perceptron
/// ever updated for it). For scoring, weights are 16-bit integers (one scale per model, so sums are
/// exact integer additions) and keys live in an open-addressing table of 8-byte slots that hold a
/// fingerprint of the key instead of the key:
///
/// - a model of at most three classes (the transitions) keeps its weights in the slot itself
///   (16-bit fingerprint, three 16-bit weights), so scoring a feature is one memory access;
/// - a wider model (tags, labels) keeps a 32-bit fingerprint, the start and the length of the
///   feature's run in one array of packed `(class, weight)` entries: two accesses.
///
/// A fingerprint match on an absent feature is possible but rare (about one lookup in 30,000 for
/// the dense table, one in 10^9 for the wide ones) and the same on every run. See
/// docs/parser-model.md for the file layout.
public struct LinearModel: Sendable {
    /// Number of classes.
    public let classCount: Int

    /// Slots of the scoring table (0 = empty); layout depends on `dense`.
    private let slots: [UInt64]
    private let mask: Int
    /// `64 - log2(slot count)`: a key's home slot is `key >> shift`.
    private let shift: UInt64
    /// Whether the weights live in the slots (at most three classes).
    private let dense: Bool
    /// Packed entries of the wide layout: class in the high 16 bits, the weight's bits in the low 16.
    private let entries: [UInt32]
    /// Dense rows of the wide layout (`classCount` weights each) for features with many classes;
    /// a slot whose run length is 255 points at one.
    private let rows: [Int16]
    /// Value of one integer weight unit.
    public let scale: Float

    /// Features in the model, sorted by key, and their entries: what the file stores.
    private(set) var sortedKeys: [UInt64]
    private(set) var sortedStarts: [UInt32]
    private(set) var entryClass: [UInt8]
    /// Weights as IEEE 754 half-precision bit patterns.
    private(set) var entryHalf: [UInt16]

    /// Builds the model from features sorted by key; `starts` has one more element than `keys`.
    init(classCount: Int, keys: [UInt64], starts: [UInt32], classes: [UInt16], weights: [Float]) {
        self.init(
            classCount: classCount, keys: keys, starts: starts, classes: classes.map { UInt8(truncatingIfNeeded: $0) },
            halves: weights.map { Float16($0).bitPattern })
        trainedWeights = weights
    }

    /// The unrounded weights of a model fresh from training (empty for a model read from a file).
    private(set) var trainedWeights: [Float] = []

    /// Adds the unrounded `Float` weights of every feature to `scores`, feature by feature: the
    /// scorer training uses for the jackknifed tags, so that a retrained model does not depend on
    /// the integer table's rounding. Binary search over the sorted keys (training only).
    func scoreTrained(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>) {
        for f in features {
            var lo = 0, hi = sortedKeys.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if sortedKeys[mid] < f { lo = mid + 1 } else { hi = mid }
            }
            guard lo < sortedKeys.count, sortedKeys[lo] == f else { continue }
            for e in Int(sortedStarts[lo])..<Int(sortedStarts[lo + 1]) { scores[Int(entryClass[e])] += trainedWeights[e] }
        }
    }

    /// Builds the model from the file's arrays (keys sorted, weights in half precision).
    ///
    /// A key's home slot is taken from its top bits, so keys inserted in sorted order fill the
    /// table front to back: the build is one sequential pass, which is what keeps loading fast.
    init(classCount: Int, keys: [UInt64], starts: [UInt32], classes: [UInt8], halves: [UInt16]) {
        self.classCount = classCount
        self.sortedKeys = keys
        self.sortedStarts = starts
        self.entryClass = classes
        self.entryHalf = halves
        // The largest magnitude, read off the bit patterns (ordered like the magnitudes; NaN excluded).
        var maxBits: UInt16 = 0
        for h in halves where h & 0x7FFF < 0x7C00 { maxBits = max(maxBits, h & 0x7FFF) }
        let maxAbs = Self.float(half: maxBits)
        let scale = maxAbs > 0 ? maxAbs / 32767 : 1
        self.scale = scale
        // Integer weight of every half-precision pattern, computed once (65,536 values) rather than per weight.
        let inverse = 1 / scale
        let units = [UInt16](unsafeUninitializedCapacity: 65536) { buffer, count in
            for h in 0..<65536 {
                let v = (Self.float(half: UInt16(h)) * inverse).rounded()
                buffer[h] = v.isNaN ? 0 : UInt16(bitPattern: Int16(max(-32767, min(32767, v))))
            }
            count = 65536
        }
        @inline(__always) func quantized(_ h: UInt16) -> UInt64 { UInt64(units[Int(h)]) }
        var bits = 4
        while (1 << bits) < keys.count * 2 { bits += 1 }
        let size = 1 << bits
        mask = size - 1
        shift = UInt64(64 - bits)
        let dense = classCount <= 3
        self.dense = dense
        var packed: [UInt32] = []
        var rows: [Int16] = []
        var table = [UInt64](repeating: 0, count: size)
        var last = -1
        for (i, k) in keys.enumerated() {
            var p = max(Int(truncatingIfNeeded: k >> UInt64(64 - bits)), last + 1)
            if p >= size {
                p = 0
                while table[p] != 0 { p += 1 }
            } else {
                last = p
            }
            let lo = Int(starts[i]), hi = Int(starts[i + 1])
            if dense {
                var slot = UInt64(Self.fingerprint16(k))
                for e in lo..<hi { slot |= quantized(halves[e]) << (16 * (1 + UInt64(classes[e]))) }
                table[p] = slot
            } else if hi > lo && (hi - lo) * 3 >= classCount {
                // A feature with weights for many classes (the bias, frequent affixes) gets a dense row.
                let row = rows.count / classCount
                rows.append(contentsOf: repeatElement(0, count: classCount))
                for e in lo..<hi { rows[row * classCount + Int(classes[e])] = Int16(bitPattern: UInt16(quantized(halves[e]))) }
                table[p] = UInt64(Self.fingerprint32(k)) << 32 | UInt64(row) << 8 | 0xFF
            } else {
                table[p] = UInt64(Self.fingerprint32(k)) << 32 | UInt64(packed.count) << 8 | UInt64(hi - lo)
                for e in lo..<hi { packed.append(UInt32(classes[e]) << 16 | UInt32(quantized(halves[e]))) }
            }
        }
        slots = table
        entries = packed
        self.rows = rows
    }

    /// A half-precision bit pattern as a `Float`, without the runtime's software conversion.
    @inline(__always)
    static func float(half h: UInt16) -> Float {
        let sign = UInt32(h & 0x8000) << 16
        let exponent = UInt32(h >> 10) & 0x1F
        let mantissa = UInt32(h & 0x3FF)
        if exponent == 0 {
            // Zero or subnormal: mantissa · 2^-24.
            let v = Float(mantissa) * (1.0 / 16_777_216.0)
            return sign == 0 ? v : -v
        }
        if exponent == 31 { return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13) }
        return Float(bitPattern: sign | (exponent + 112) << 23 | mantissa << 13)
    }

    /// The weights as `Float`s (for pruning and reports).
    var entryWeight: [Float] { entryHalf.map { Self.float(half: $0) } }

    /// Fingerprints come from the low bits of the key, the home slot from the top bits.
    @inline(__always) static func fingerprint16(_ k: UInt64) -> UInt16 { max(UInt16(truncatingIfNeeded: k), 1) }
    @inline(__always) static func fingerprint32(_ k: UInt64) -> UInt32 { max(UInt32(truncatingIfNeeded: k), 1) }

    /// Number of features.
    public var featureCount: Int { sortedKeys.count }
    /// Number of stored weights.
    public var weightCount: Int { entryHalf.count }
    /// Bytes of the scoring tables.
    public var tableBytes: Int { slots.count * 8 + entries.count * 4 + rows.count * 2 }

    /// Adds the weights (in units of ``scale``) of every feature in `features` to `scores` (which has
    /// `classCount` elements).
    ///
    /// The table is far larger than the caches, so each feature costs a memory access or two. The
    /// work is done in passes whose loads do not depend on each other (first the features' home
    /// slots, then their entry runs, then the sums), so the processor overlaps the cache misses
    /// instead of waiting for each in turn.
    @inline(__always)
    public func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Int32>) {
        let n = features.count
        guard n > 0 else { return }
        slots.withUnsafeBufferPointer { table in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { found in
                // Pass 1: every feature's home slot, loaded independently.
                for i in 0..<n { found[i] = table[Int(truncatingIfNeeded: features[i] >> shift)] }
                if dense {
                    // Pass 2: settle collisions (the table is at most half full); absent features score 0.
                    for i in 0..<n {
                        let fp = UInt64(Self.fingerprint16(features[i]))
                        var s = found[i]
                        if s & 0xFFFF != fp {
                            var p = Int(truncatingIfNeeded: features[i] >> shift)
                            while s != 0 && s & 0xFFFF != fp {
                                p = (p + 1) & mask
                                s = table[p]
                            }
                            if s == 0 { found[i] = 0; continue }
                        }
                        scores[0] &+= Int32(Int16(truncatingIfNeeded: s >> 16))
                        scores[1] &+= Int32(Int16(truncatingIfNeeded: s >> 32))
                        scores[2] &+= Int32(Int16(truncatingIfNeeded: s >> 48))
                    }
                    return
                }
                // Pass 2: settle collisions; an absent feature gets an empty run.
                for i in 0..<n {
                    let fp = UInt64(Self.fingerprint32(features[i]))
                    var s = found[i]
                    guard s >> 32 != fp else { continue }
                    var p = Int(truncatingIfNeeded: features[i] >> shift)
                    while s != 0 && s >> 32 != fp {
                        p = (p + 1) & mask
                        s = table[p]
                    }
                    found[i] = s
                }
                // Pass 3: the weights of each run.
                let width = classCount
                entries.withUnsafeBufferPointer { entry in
                    rows.withUnsafeBufferPointer { row in
                        for i in 0..<n {
                            let s = found[i]
                            var e = Int(truncatingIfNeeded: (s >> 8) & 0xFF_FFFF)
                            let count = Int(truncatingIfNeeded: s & 0xFF)
                            if count == 0xFF {
                                let r = row.baseAddress! + e * width
                                for c in 0..<width { scores[c] &+= Int32(r[c]) }
                                continue
                            }
                            let end = e + count
                            while e < end {
                                let v = entry[e]
                                scores[Int(v >> 16)] &+= Int32(Int16(truncatingIfNeeded: v))
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
        var classes: [UInt8] = []
        var weights: [UInt16] = []
        for (i, k) in sortedKeys.enumerated() {
            let before = weights.count
            for e in Int(sortedStarts[i])..<Int(sortedStarts[i + 1]) where abs(Self.float(half: entryHalf[e])) >= threshold {
                classes.append(entryClass[e])
                weights.append(entryHalf[e])
            }
            if weights.count > before {
                keys.append(k)
                starts.append(UInt32(weights.count))
            }
        }
        return LinearModel(classCount: classCount, keys: keys, starts: starts, classes: classes, halves: weights)
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
        out.array(entryClass)
        out.array(entryHalf)
    }

    init(from r: inout BinaryReader) throws {
        let classCount = try r.int()
        let featureCount = try r.int()
        let deltas: [UInt8] = try r.array()
        let counts: [UInt8] = try r.array()
        let classes: [UInt8] = try r.array()
        let weights: [UInt16] = try r.array()
        // Run starts and row numbers take 24 bits in the scoring table.
        guard classCount >= 1, classCount <= 256, counts.count == featureCount, classes.count == weights.count,
            weights.count < 1 << 24, featureCount < 1 << 24
        else {
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
        self.init(classCount: classCount, keys: keys, starts: starts, classes: classes, halves: weights)
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
