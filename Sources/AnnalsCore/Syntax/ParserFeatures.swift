/// Feature templates of the parser's two classifiers: the transition (shift, left, right) and the
/// label of an arc just made. Templates follow Zhang and Nivre (2011) for a greedy arc-hybrid
/// parser: words and tags of the top of the stack and the front of the buffer, pairs and triples of
/// them, distance, valency, the outermost children with their labels, and the label sets.
enum ParserFeatures {
    static let transitionCount = 74
    static let labelCount = 24

    static let noneWord: UInt64 = 0x4E4F_4E45
    static let rootWord: UInt64 = 0x524F_4F54
    static let noneTag: UInt64 = 0xFFF1
    static let rootTag: UInt64 = 0xFFF0
    static let noneLabel: UInt64 = 0xFF

    /// What the features read of the sentence: a word key and a tag per position (0 = root).
    struct Sentence {
        var words: [UInt64]
        var suffixes: [UInt64]
        var tags: [UInt64]
        /// `punctuation[p]`: commas, colons, semicolons and dashes before position p.
        var punctuation: [Int32]

        /// The Universal POS tag of each position: a coarser back-off for the fine tag classes.
        var coarse: [UInt64]

        /// `coarse[t]` is the UPOS of tag class t.
        init(words: [SyntaxWord], tags: [UInt16], coarse coarseOfTag: [UInt8]) {
            self.words = [rootWord] + words.map(\.norm)
            self.suffixes = [rootWord] + words.map(\.suffix3)
            self.tags = [rootTag] + tags.map { UInt64($0) }
            self.coarse = [rootTag] + tags.map { 0x100 | UInt64(coarseOfTag[Int($0)]) }
            var counts = [Int32](repeating: 0, count: words.count + 2)
            for (i, w) in words.enumerated() {
                counts[i + 2] = counts[i + 1] + (Self.separators.contains(w.norm) ? 1 : 0)
            }
            self.punctuation = counts
        }

        static let separators: [UInt64] = [",", ";", ":", "-", "--"].map { SyntaxWord($0).norm }

        /// Separating punctuation strictly between positions a < b.
        @inline(__always) func separators(_ a: Int, _ b: Int) -> UInt64 {
            a >= 0 && b > a ? UInt64(min(punctuation[b] - punctuation[a + 1], 3)) : 9
        }

        @inline(__always) func w(_ p: Int) -> UInt64 { p >= 0 ? words[p] : noneWord }
        @inline(__always) func t(_ p: Int) -> UInt64 { p >= 0 ? tags[p] : noneTag }
        @inline(__always) func u(_ p: Int) -> UInt64 { p >= 0 ? coarse[p] : noneTag }
    }

    @inline(__always)
    static func bucket(_ d: Int) -> UInt64 {
        switch d {
        case ..<1: return 0
        case 1...4: return UInt64(d)
        case 5...6: return 5
        case 7...9: return 6
        default: return 7
        }
    }

    @inline(__always)
    static func label(_ s: ArcHybridState, _ p: Int) -> UInt64 { p > 0 ? UInt64(s.nodes[p].label) : noneLabel }

    /// The transition features of a configuration.
    static func transition(_ s: ArcHybridState, _ x: Sentence, into f: UnsafeMutablePointer<UInt64>) {
        let s0 = s.s0, s1 = s.s1, s2 = s.s2
        let b0 = s.buffer(0), b1 = s.buffer(1), b2 = s.buffer(2)
        let s0w = x.w(s0), s0t = x.t(s0), s1w = x.w(s1), s1t = x.t(s1), s2t = x.t(s2)
        let b0w = x.w(b0), b0t = x.t(b0), b1w = x.w(b1), b1t = x.t(b1), b2t = x.t(b2)
        let s0l1 = s0 >= 0 ? Int(s.nodes[s0].left1) : -1
        let s0l2 = s0 >= 0 ? Int(s.nodes[s0].left2) : -1
        let s0r1 = s0 >= 0 ? Int(s.nodes[s0].right1) : -1
        let s0r2 = s0 >= 0 ? Int(s.nodes[s0].right2) : -1
        let s1r1 = s1 >= 0 ? Int(s.nodes[s1].right1) : -1
        let b0l1 = b0 >= 0 ? Int(s.nodes[b0].left1) : -1
        let b0l2 = b0 >= 0 ? Int(s.nodes[b0].left2) : -1
        let s0l1t = x.t(s0l1), s0r1t = x.t(s0r1), b0l1t = x.t(b0l1), s1r1t = x.t(s1r1)
        let dist = s0 > 0 && b0 > 0 ? bucket(b0 - s0) : 0
        let dist2 = s1 > 0 && s0 > 0 ? bucket(s0 - s1) : 0
        let s0nl = s0 >= 0 ? UInt64(s.nodes[s0].leftCount) : 99
        let s0nr = s0 >= 0 ? UInt64(s.nodes[s0].rightCount) : 99
        let b0nl = b0 >= 0 ? UInt64(s.nodes[b0].leftCount) : 99
        let s1nr = s1 >= 0 ? UInt64(s.nodes[s1].rightCount) : 99
        f[0] = FeatureHash.key(100, s0w)
        f[1] = FeatureHash.key(101, s0t)
        f[2] = FeatureHash.key(102, s0w, s0t)
        f[3] = FeatureHash.key(103, s1w)
        f[4] = FeatureHash.key(104, s1t)
        f[5] = FeatureHash.key(105, s1w, s1t)
        f[6] = FeatureHash.key(106, b0w)
        f[7] = FeatureHash.key(107, b0t)
        f[8] = FeatureHash.key(108, b0w, b0t)
        f[9] = FeatureHash.key(109, b1w)
        f[10] = FeatureHash.key(110, b1t)
        f[11] = FeatureHash.key(111, b1w, b1t)
        f[12] = FeatureHash.key(112, b2t)
        f[13] = FeatureHash.key(113, s2t)
        f[14] = FeatureHash.key(114, s0w, b0w)
        f[15] = FeatureHash.key(115, s0t, b0t)
        f[16] = FeatureHash.key(116, s0w, s0t, b0t)
        f[17] = FeatureHash.key(117, s0t, b0w, b0t)
        f[18] = FeatureHash.key(118, s0w, b0t)
        f[19] = FeatureHash.key(119, s0t, b0w)
        f[20] = FeatureHash.key(120, s1w, s0w)
        f[21] = FeatureHash.key(121, s1t, s0t)
        f[22] = FeatureHash.key(122, s1t, s0w, s0t)
        f[23] = FeatureHash.key(123, s1w, s1t, s0t)
        f[24] = FeatureHash.key(124, b0t, b1t)
        f[25] = FeatureHash.key(125, b0t, b1t, b2t)
        f[26] = FeatureHash.key(126, s0t, b0t, b1t)
        f[27] = FeatureHash.key(127, s1t, s0t, b0t)
        f[28] = FeatureHash.key(128, s2t, s1t, s0t)
        f[29] = FeatureHash.key(129, s0t, s0l1t, b0t)
        f[30] = FeatureHash.key(130, s0t, s0r1t, b0t)
        f[31] = FeatureHash.key(131, s0t, b0t, b0l1t)
        f[32] = FeatureHash.key(132, s1t, s0t, s0l1t)
        f[33] = FeatureHash.key(133, s1t, s1r1t, s0t)
        f[34] = FeatureHash.key(134, s1t, s0t, s0r1t)
        f[35] = FeatureHash.key(135, s0w, dist)
        f[36] = FeatureHash.key(136, s0t, dist)
        f[37] = FeatureHash.key(137, b0w, dist)
        f[38] = FeatureHash.key(138, b0t, dist)
        f[39] = FeatureHash.key(139, s0t, b0t, dist)
        f[40] = FeatureHash.key(140, s1t, s0t, dist2)
        f[41] = FeatureHash.key(141, s0t, s0nr)
        f[42] = FeatureHash.key(142, s0t, s0nl)
        f[43] = FeatureHash.key(143, b0t, b0nl)
        f[44] = FeatureHash.key(144, s1t, s1nr)
        f[45] = FeatureHash.key(145, s0w, s0nr)
        f[46] = FeatureHash.key(146, s0w, s0nl)
        f[47] = FeatureHash.key(147, s0l1t, label(s, s0l1))
        f[48] = FeatureHash.key(148, s0r1t, label(s, s0r1))
        f[49] = FeatureHash.key(149, b0l1t, label(s, b0l1))
        f[50] = FeatureHash.key(150, s1r1t, label(s, s1r1))
        f[51] = FeatureHash.key(151, x.w(s0l1))
        f[52] = FeatureHash.key(152, x.w(s0r1))
        f[53] = FeatureHash.key(153, x.w(b0l1))
        f[54] = FeatureHash.key(154, s0t, s0 >= 0 ? s.nodes[s0].leftLabels : 0)
        f[55] = FeatureHash.key(155, s0t, s0 >= 0 ? s.nodes[s0].rightLabels : 0)
        f[56] = FeatureHash.key(156, b0t, b0 >= 0 ? s.nodes[b0].leftLabels : 0)
        f[57] = FeatureHash.key(157, s1t, s1 >= 0 ? s.nodes[s1].rightLabels : 0)
        f[58] = FeatureHash.key(158, x.t(s0l2), s0l1t)
        f[59] = FeatureHash.key(159, s0r1t, x.t(s0r2))
        f[60] = FeatureHash.key(160, b0l1t, x.t(b0l2))
        let between = x.separators(s0, b0)
        f[61] = FeatureHash.key(161, s0t, b1t)
        f[62] = FeatureHash.key(162, FeatureHash.key(0, s0w, s0t), b0w, b0t)
        f[63] = FeatureHash.key(163, between, s0t, b0t)
        f[64] = FeatureHash.key(164, x.separators(s1, s0), s1t, s0t)
        let s0u = x.u(s0), s1u = x.u(s1), b0u = x.u(b0), b1u = x.u(b1)
        f[65] = FeatureHash.key(165, s0u, b0u, dist)
        f[66] = FeatureHash.key(166, s0w, b0u)
        f[67] = FeatureHash.key(167, s0u, b0w)
        f[68] = FeatureHash.key(168, s1u, s0u, b0u)
        f[69] = FeatureHash.key(169, s0u, b0u, b1u)
        f[70] = FeatureHash.key(170, s0u, x.u(s0l1), x.u(s0r1))
        f[71] = FeatureHash.key(171, b0u, x.u(b0l1), x.u(b0l2))
        f[72] = FeatureHash.key(172, x.u(s2), s1u, s0u)
        f[73] = FeatureHash.key(173, s0u, b0u, between)
    }

    /// The label features of the arc `head → dep` about to be made.
    static func label(_ s: ArcHybridState, _ x: Sentence, dep d: Int, head h: Int, into f: UnsafeMutablePointer<UInt64>) {
        let dir: UInt64 = h == 0 ? 2 : (d < h ? 0 : 1)
        let dw = x.w(d), dt = x.t(d), hw = x.w(h), ht = x.t(h)
        let dist = h == 0 ? 0 : bucket(abs(h - d))
        let dl1 = Int(s.nodes[d].left1), dr1 = Int(s.nodes[d].right1)
        let sibling = d < h ? Int(s.nodes[h].left1) : Int(s.nodes[h].right1)
        let prev = d > 1 ? x.tags[d - 1] : noneTag
        let next = d < s.n ? x.tags[d + 1] : noneTag
        f[0] = FeatureHash.key(200, dir)
        f[1] = FeatureHash.key(201, dir, dt)
        f[2] = FeatureHash.key(202, dir, ht)
        f[3] = FeatureHash.key(203, dir, dt, ht)
        f[4] = FeatureHash.key(204, dir, dw)
        f[5] = FeatureHash.key(205, dir, hw)
        f[6] = FeatureHash.key(206, dir, dw, ht)
        f[7] = FeatureHash.key(207, dir, hw, dt)
        f[8] = FeatureHash.key(208, dir, dw, hw)
        f[9] = FeatureHash.key(209, dir &* 16 &+ dist, dt, ht)
        f[10] = FeatureHash.key(210, dir, dt, label(s, dl1))
        f[11] = FeatureHash.key(211, dir, dt, label(s, dr1))
        f[12] = FeatureHash.key(212, dt, s.nodes[d].leftLabels)
        f[13] = FeatureHash.key(213, dt, s.nodes[d].rightLabels)
        f[14] = FeatureHash.key(214, dir, dt, x.t(dl1))
        f[15] = FeatureHash.key(215, dir, dt, prev)
        f[16] = FeatureHash.key(216, dir, dt, next)
        f[17] = FeatureHash.key(217, dir, ht, d < h ? s.nodes[h].leftLabels : s.nodes[h].rightLabels)
        f[18] = FeatureHash.key(218, dir, ht, label(s, sibling))
        f[19] = FeatureHash.key(219, dir, x.suffixes[d], ht)
        f[20] = FeatureHash.key(220, dir, dt, UInt64(s.nodes[d].leftCount) &* 16 &+ UInt64(s.nodes[d].rightCount))
        f[21] = FeatureHash.key(221, dir, dw, x.t(dr1))
        f[22] = FeatureHash.key(222, dir &* 16 &+ dist, x.u(d), x.u(h))
        f[23] = FeatureHash.key(223, dir &* 256 &+ label(s, sibling), x.u(d), x.u(h))
    }
}
