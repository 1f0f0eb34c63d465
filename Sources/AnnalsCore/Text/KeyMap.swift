/// An open-addressing hash map keyed by 64-bit token keys.
///
/// Token keys are already FNV-1a hashes, so the map indexes by their low bits directly instead of
/// rehashing with `Hasher` (which dominates a profile of `Dictionary<UInt64, _>` lookups in the
/// coder's inner loops).
public struct KeyMap<Value>: @unchecked Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    public private(set) var count = 0

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
    }

    @inline(__always)
    static func normalise(_ key: UInt64) -> UInt64 { key == 0 ? 0x9E37_79B9_7F4A_7C15 : key }

    @inline(__always)
    public subscript(key: UInt64) -> Value? {
        get {
            let k = Self.normalise(key)
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while true {
                let stored = keys[i]
                if stored == k { return values[i] }
                if stored == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        set {
            if count * 2 >= keys.count { grow() }
            let k = Self.normalise(key)
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while true {
                let stored = keys[i]
                if stored == k {
                    values[i] = newValue
                    return
                }
                if stored == 0 {
                    guard newValue != nil else { return }
                    keys[i] = k
                    values[i] = newValue
                    count += 1
                    return
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Is `key` in the map? Probes the keys only, without loading (and retaining) a value.
    @inline(__always)
    public func contains(_ key: UInt64) -> Bool {
        let k = Self.normalise(key)
        var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
        while true {
            let stored = keys[i]
            if stored == k { return values[i] != nil }
            if stored == 0 { return false }
            i = (i + 1) & mask
        }
    }

    /// The keys present, in table order (a key equal to 0 comes back as its stand-in).
    var presentKeys: [UInt64] { keys.indices.filter { keys[$0] != 0 && values[$0] != nil }.map { keys[$0] } }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (i, k) in oldKeys.enumerated() where k != 0 {
            var j = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while keys[j] != 0 { j = (j + 1) & mask }
            keys[j] = k
            values[j] = oldValues[i]
            count += 1
        }
    }
}

/// A set of token keys with the lookup of ``KeyMap``.
public struct KeySet: Sendable {
    private var map = KeyMap<Bool>()
    public init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        for k in keys { map[k] = true }
    }
    @inline(__always)
    public func contains(_ key: UInt64) -> Bool { map.contains(key) }
    /// The keys of the set, in no particular order.
    var members: [UInt64] { map.presentKeys }
}

/// A bit set over token keys that says "certainly absent" for most keys outside a set, from one
/// small table that stays in cache: checked before probing a large ``KeyMap``, whose probe is a
/// cache miss for most words of a sentence.
///
/// ```swift
/// var filter = KeyFilter(bitsLog2: 16)
/// filter.insert(TokenKey.hash("iran"))
/// filter.mayContain(TokenKey.hash("iran"))  // true
/// ```
public struct KeyFilter: Sendable {
    private var bits: [UInt64]
    private let shift: UInt64

    /// A filter of `1 << bitsLog2` bits (8 KB for 16).
    public init(bitsLog2: Int = 16) {
        bits = Array(repeating: 0, count: (1 << bitsLog2) / 64)
        shift = UInt64(64 - bitsLog2)
    }

    public init<S: Sequence>(_ keys: S, bitsLog2: Int = 16) where S.Element == UInt64 {
        self.init(bitsLog2: bitsLog2)
        for k in keys { insert(k) }
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    public mutating func insert(_ key: UInt64) {
        let s = slot(key)
        bits[s >> 6] |= 1 << UInt64(s & 63)
    }

    /// False when `key` was certainly never inserted.
    @inline(__always)
    public func mayContain(_ key: UInt64) -> Bool {
        let s = slot(key)
        return bits[s >> 6] & (1 << UInt64(s & 63)) != 0
    }
}
