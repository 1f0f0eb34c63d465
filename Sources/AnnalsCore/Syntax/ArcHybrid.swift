/// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with its dynamic
/// oracle (Goldberg and Nivre 2013).
///
/// Position 0 is the artificial root at the bottom of the stack; words are 1…n. The buffer is always
/// a suffix `b…n` of the sentence, so "is in the buffer" is one comparison. Each node remembers its
/// two outermost children on each side and the sets of labels it has taken, which is what the
/// features read.
struct ArcHybridState {
    enum Action: Int, CaseIterable {
        case shift = 0
        case left = 1
        case right = 2
    }

    /// What the features read of one node: its head and label, its two outermost children on each
    /// side, how many children it has on each side and the sets of their labels. One struct per
    /// node, so a configuration's features touch a few cache lines.
    struct Node {
        var head: Int32 = -1
        var left1: Int32 = -1
        var left2: Int32 = -1
        var right1: Int32 = -1
        var right2: Int32 = -1
        var label: UInt8 = 0
        var leftCount: UInt8 = 0
        var rightCount: UInt8 = 0
        var leftLabels: UInt64 = 0
        var rightLabels: UInt64 = 0
    }

    let n: Int
    var stack: [Int32]
    var b: Int
    /// Position 0 is the root.
    var nodes: [Node]

    init(words n: Int) {
        self.n = n
        stack = [0]
        stack.reserveCapacity(n + 1)
        b = 1
        nodes = [Node](repeating: Node(), count: n + 1)
    }

    /// Heads of the words 1…n (-1 where none was attached).
    var heads: [Int32] { nodes.map(\.head) }

    var isTerminal: Bool { b > n && stack.count == 1 }

    @inline(__always) var s0: Int { stack.count >= 1 ? Int(stack[stack.count - 1]) : -1 }
    @inline(__always) var s1: Int { stack.count >= 2 ? Int(stack[stack.count - 2]) : -1 }
    @inline(__always) var s2: Int { stack.count >= 3 ? Int(stack[stack.count - 3]) : -1 }
    @inline(__always) func buffer(_ k: Int) -> Int { b + k <= n ? b + k : -1 }

    /// Whether an action is allowed. The root takes exactly one dependent, and only at the end.
    @inline(__always)
    func isValid(_ a: Action) -> Bool {
        switch a {
        case .shift: return b <= n
        case .left: return b <= n && stack.count >= 2
        case .right: return stack.count >= 2 && (stack.count > 2 || b > n)
        }
    }

    /// The action when exactly one is valid: shift while the stack holds only the root, right once
    /// the buffer is empty. Nil when there is a choice (or none).
    @inline(__always)
    var onlyValidAction: Action? {
        if stack.count == 1 { return b <= n ? .shift : nil }
        return b > n ? .right : nil
    }

    /// The dependent and head an arc action would join.
    @inline(__always)
    func arc(_ a: Action) -> (dependent: Int, head: Int) {
        a == .left ? (s0, b) : (s0, s1)
    }

    mutating func apply(_ a: Action, label: UInt8) {
        switch a {
        case .shift:
            stack.append(Int32(b))
            b += 1
        case .left, .right:
            let (d, h) = arc(a)
            stack.removeLast()
            attach(d, to: h, label: label)
        }
    }

    private mutating func attach(_ d: Int, to h: Int, label: UInt8) {
        nodes[d].head = Int32(h)
        nodes[d].label = label
        let bit: UInt64 = 1 << UInt64(label & 63)
        if d < h {
            nodes[h].left2 = nodes[h].left1
            nodes[h].left1 = Int32(d)
            nodes[h].leftCount &+= 1
            nodes[h].leftLabels |= bit
        } else {
            nodes[h].right2 = nodes[h].right1
            nodes[h].right1 = Int32(d)
            nodes[h].rightCount &+= 1
            nodes[h].rightLabels |= bit
        }
    }

    // MARK: Dynamic oracle

    /// The number of gold arcs an action makes unreachable (`gold[d]` is d's head, index 0 unused).
    func cost(_ a: Action, gold: [Int32], onStack: [Bool]) -> Int {
        switch a {
        case .shift:
            // b0 can no longer take a head below s0 on the stack, nor any stacked dependent.
            var c = 0
            let h = Int(gold[b])
            if h < b && onStack[h] && h != s0 { c += 1 }
            for k in stack where gold[Int(k)] == Int32(b) { c += 1 }
            return c
        case .left:
            // s0 leaves with head b0: a head s1 or further in the buffer, and dependents in the buffer, are lost.
            let d = s0
            var c = 0
            let h = Int(gold[d])
            if h != b && (h == s1 || h > b) { c += 1 }
            if b <= n { for k in b...n where gold[k] == Int32(d) { c += 1 } }
            return c
        case .right:
            // s0 leaves with head s1: a head or dependents in the buffer are lost.
            let d = s0
            var c = 0
            if Int(gold[d]) >= b { c += 1 }
            if b <= n { for k in b...n where gold[k] == Int32(d) { c += 1 } }
            return c
        }
    }
}
