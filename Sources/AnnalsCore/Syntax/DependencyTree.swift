/// The syntactic layer of a sentence: a tag, a head and a relation for every token.
///
/// Indices are token indices of the sentence (0-based); the root's head is `nil`. Built once per
/// sentence by ``ParserModel/parse(_:)`` and read by the coder and the relation extractor.
public struct DependencyTree: Sendable, Hashable {
    /// Tag classes of the model (see ``ParserModel/xpos(_:)``).
    public var tags: [UInt16]
    public var upos: [UPOS]
    /// Head token index per token, -1 for the root.
    public var heads: [Int32]
    /// Label indices of the model (see ``ParserModel/label(_:)``).
    public var labels: [UInt8]
    /// The universal relation per token.
    public var relations: [UDRelation]
    /// Whether the label has a `:pass` subtype (`nsubj:pass`, `aux:pass`, `csubj:pass`).
    public var passive: [Bool]

    public var count: Int { heads.count }

    public static let empty = DependencyTree(tags: [], upos: [], heads: [], labels: [], relations: [], passive: [])

    /// The head of token `i`, or nil for the root.
    @inline(__always)
    public func head(_ i: Int) -> Int? { heads[i] >= 0 ? Int(heads[i]) : nil }

    /// The dependents of token `i`, left to right.
    public func children(_ i: Int) -> [Int] {
        var out: [Int] = []
        for k in 0..<heads.count where heads[k] == Int32(i) { out.append(k) }
        return out
    }

    /// The dependents of `i` with relation `r`.
    public func children(_ i: Int, _ r: UDRelation) -> [Int] {
        var out: [Int] = []
        for k in 0..<heads.count where heads[k] == Int32(i) && relations[k] == r { out.append(k) }
        return out
    }

    /// The token range of the subtree rooted at `i` (projective trees make it contiguous).
    public func subtreeRange(_ i: Int) -> ClosedRange<Int> {
        var lo = i
        var hi = i
        var changed = true
        while changed {
            changed = false
            for k in 0..<heads.count where heads[k] >= 0 {
                let h = Int(heads[k])
                if h >= lo && h <= hi && (k < lo || k > hi) {
                    lo = min(lo, k)
                    hi = max(hi, k)
                    changed = true
                }
            }
        }
        return lo...hi
    }

    /// True when `a` is `d` or one of its ancestors.
    public func dominates(_ a: Int, _ d: Int) -> Bool {
        var k = d
        var steps = 0
        while k >= 0 && steps <= heads.count {
            if k == a { return true }
            k = Int(heads[k])
            steps += 1
        }
        return false
    }
}
