/// A tolerant, hand-written scanner for HTML and XML on bytes (no regex, no DOM).
///
/// It yields text runs, CDATA sections and tags; comments, doctypes and processing instructions are
/// skipped. Malformed markup never stops it: a `<` that does not start a tag is text, an unclosed
/// comment or tag runs to the end of the input.
struct MarkupScanner {
    let b: UnsafeBufferPointer<UInt8>
    var i: Int
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil) {
        b = bytes
        i = from
        end = to ?? bytes.count
    }

    struct Tag {
        /// Where the tag starts (`<`) and ends (after `>`).
        var start: Int
        var end: Int
        var name: Range<Int>
        var attributes: Range<Int>
        var isClose: Bool
        var selfClosing: Bool
    }

    enum Event {
        case text(Range<Int>)
        case cdata(Range<Int>)
        case tag(Tag)
    }

    mutating func next() -> Event? {
        guard i < end else { return nil }
        if b[i] != 60 {
            let s = i
            i = find(60, from: i)
            return .text(s..<i)
        }
        // '<'
        if startsWith("<!--", at: i) {
            let close = find("-->", from: i + 4)
            i = min(end, close + 3)
            return next()
        }
        if startsWith("<![CDATA[", at: i) {
            let s = i + 9
            let close = find("]]>", from: s)
            i = min(end, close + 3)
            return .cdata(s..<min(close, end))
        }
        if i + 1 < end, b[i + 1] == 33 || b[i + 1] == 63 {  // <! or <?
            i = min(end, find(62, from: i) + 1)
            return next()
        }
        var p = i + 1
        var isClose = false
        if p < end, b[p] == 47 { isClose = true; p += 1 }
        let nameStart = p
        while p < end, isNameByte(b[p]) { p += 1 }
        if p == nameStart || !ByteClass.isAlpha(b[nameStart]) {
            // Not a tag: a literal '<'.
            let s = i
            i = find(60, from: i + 1)
            return .text(s..<i)
        }
        let name = nameStart..<p
        let attrStart = p
        // Find '>' outside quotes.
        var quote: UInt8 = 0
        while p < end {
            let c = b[p]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 34 || c == 39 {
                // Only quotes that open an attribute value (after '=').
                var q = p - 1
                while q > attrStart, b[q] == 32 { q -= 1 }
                if b[q] == 61 { quote = c }
            } else if c == 62 {
                break
            }
            p += 1
        }
        var attrEnd = min(p, end)
        var selfClosing = false
        if attrEnd > attrStart, b[attrEnd - 1] == 47 { selfClosing = true; attrEnd -= 1 }
        let tag = Tag(
            start: i, end: min(end, p + 1), name: name, attributes: attrStart..<attrEnd, isClose: isClose, selfClosing: selfClosing)
        i = tag.end
        return .tag(tag)
    }

    @inline(__always) private func isNameByte(_ c: UInt8) -> Bool {
        ByteClass.isAlnum(c) || c == 58 || c == 45 || c == 95 || c == 46
    }

    func startsWith(_ s: StaticString, at p: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard p + n <= end else { return false }
        let q = s.utf8Start
        for k in 0..<n where ByteClass.lower(b[p + k]) != ByteClass.lower(q[k]) { return false }
        return true
    }

    func find(_ c: UInt8, from: Int) -> Int {
        var p = from
        while p < end, b[p] != c { p += 1 }
        return p
    }

    func find(_ s: StaticString, from: Int) -> Int {
        var p = from
        let first = s.utf8Start[0]
        while p < end {
            if b[p] == first && startsWith(s, at: p) { return p }
            p += 1
        }
        return end
    }

    /// Skips raw text up to the closing tag `</name` (for script/style); positions after it.
    mutating func skipRaw(until name: StaticString) {
        while i < end {
            let p = find(60, from: i)
            if p >= end { i = end; return }
            if p + 1 < end, b[p + 1] == 47, startsWith(name, at: p + 2) {
                i = min(end, find(62, from: p) + 1)
                return
            }
            i = p + 1
        }
    }

    func nameIs(_ tag: Tag, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard tag.name.count == n else { return false }
        let q = s.utf8Start
        for k in 0..<n where ByteClass.lower(b[tag.name.lowerBound + k]) != q[k] { return false }
        return true
    }

    /// The local name (after any namespace prefix), lowercased.
    func localName(_ tag: Tag) -> String {
        var s = tag.name.lowerBound
        for k in tag.name where b[k] == 58 { s = k + 1 }
        var out = [UInt8]()
        for k in s..<tag.name.upperBound { out.append(ByteClass.lower(b[k])) }
        return String(decoding: out, as: UTF8.self)
    }

    func fullName(_ tag: Tag) -> String {
        var out = [UInt8]()
        for k in tag.name { out.append(ByteClass.lower(b[k])) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The decoded value of attribute `name` (case-insensitive), if present.
    func attribute(_ tag: Tag, _ name: String) -> String? {
        var want = name.lowercased()
        return want.withUTF8 { w -> String? in
            var p = tag.attributes.lowerBound
            let e = tag.attributes.upperBound
            while p < e {
                while p < e, ByteClass.isSpace(b[p]) { p += 1 }
                let ns = p
                while p < e, !ByteClass.isSpace(b[p]), b[p] != 61 { p += 1 }
                let ne = p
                while p < e, ByteClass.isSpace(b[p]) { p += 1 }
                var value: Range<Int>?
                if p < e, b[p] == 61 {
                    p += 1
                    while p < e, ByteClass.isSpace(b[p]) { p += 1 }
                    if p < e, b[p] == 34 || b[p] == 39 {
                        let q = b[p]
                        let vs = p + 1
                        p = vs
                        while p < e, b[p] != q { p += 1 }
                        value = vs..<p
                        p += 1
                    } else {
                        let vs = p
                        while p < e, !ByteClass.isSpace(b[p]) { p += 1 }
                        value = vs..<p
                    }
                }
                if ne - ns == w.count {
                    var same = true
                    for k in 0..<w.count where ByteClass.lower(b[ns + k]) != w[k] { same = false; break }
                    if same {
                        guard let value else { return "" }
                        var out: [UInt8] = []
                        Entities.decode(b, value, into: &out)
                        return String(decoding: out, as: UTF8.self)
                    }
                }
                if ne == ns && p == ns { p += 1 }
            }
            return nil
        }
    }
}

/// HTML/XML character references.
enum Entities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "sbquo": "\u{201A}",
        "bdquo": "\u{201E}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "copy": "\u{00A9}",
        "reg": "\u{00AE}", "trade": "\u{2122}", "deg": "\u{00B0}", "middot": "\u{00B7}",
        "bull": "\u{2022}", "euro": "\u{20AC}", "pound": "\u{00A3}", "yen": "\u{00A5}",
        "cent": "\u{00A2}", "sect": "\u{00A7}", "para": "\u{00B6}", "shy": "\u{00AD}",
        "zwj": "\u{200D}", "zwnj": "\u{200C}", "thinsp": "\u{2009}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "times": "\u{00D7}", "divide": "\u{00F7}", "minus": "\u{2212}",
        "frac12": "\u{00BD}", "frac14": "\u{00BC}", "frac34": "\u{00BE}", "prime": "\u{2032}",
        "aacute": "á", "eacute": "é", "iacute": "í", "oacute": "ó", "uacute": "ú",
        "Aacute": "Á", "Eacute": "É", "Iacute": "Í", "Oacute": "Ó", "Uacute": "Ú",
        "agrave": "à", "egrave": "è", "igrave": "ì", "ograve": "ò", "ugrave": "ù",
        "acirc": "â", "ecirc": "ê", "icirc": "î", "ocirc": "ô", "ucirc": "û",
        "auml": "ä", "euml": "ë", "iuml": "ï", "ouml": "ö", "uuml": "ü",
        "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "ntilde": "ñ", "Ntilde": "Ñ",
        "ccedil": "ç", "Ccedil": "Ç", "atilde": "ã", "otilde": "õ", "aring": "å", "oslash": "ø",
        "aelig": "æ", "iexcl": "¡", "iquest": "¿",
    ]

    /// Appends `b[range]` to `out` with character references decoded. Unknown or malformed
    /// references are kept literally.
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8]) {
        var p = range.lowerBound
        let e = range.upperBound
        while p < e {
            let c = b[p]
            if c != 38 { out.append(c); p += 1; continue }
            // '&': find ';' within 32 bytes.
            var q = p + 1
            while q < e, q - p <= 32, b[q] != 59, b[q] != 38, !ByteClass.isSpace(b[q]) { q += 1 }
            guard q < e, b[q] == 59, q > p + 1 else { out.append(c); p += 1; continue }
            if b[p + 1] == 35 {  // &#...;
                var v: UInt32 = 0
                var ok = q > p + 2
                if p + 2 < q, b[p + 2] | 0x20 == 120 {  // hex
                    ok = q > p + 3
                    for k in (p + 3)..<q where ok {
                        let d = b[k]
                        if ByteClass.isDigit(d) {
                            v = v &* 16 &+ UInt32(d - 48)
                        } else if (d | 0x20) >= 97 && (d | 0x20) <= 102 {
                            v = v &* 16 &+ UInt32((d | 0x20) - 87)
                        } else {
                            ok = false
                        }
                        if v > 0x10FFFF { ok = false }
                    }
                } else {
                    for k in (p + 2)..<q where ok {
                        let d = b[k]
                        if ByteClass.isDigit(d) { v = v &* 10 &+ UInt32(d - 48) } else { ok = false }
                        if v > 0x10FFFF { ok = false }
                    }
                }
                // Windows-1252 code points that pages write as &#146; and the like.
                if ok, v >= 0x80, v <= 0x9F { v = cp1252(v) }
                if ok, let scalar = Unicode.Scalar(v), v != 0 {
                    out.append(contentsOf: String(Character(scalar)).utf8)
                    p = q + 1
                    continue
                }
                out.append(c); p += 1; continue
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[(p + 1)..<q]), as: UTF8.self)
            if let r = named[name] ?? named[name.lowercased()] {
                out.append(contentsOf: r.utf8)
                p = q + 1
            } else {
                out.append(c)
                p += 1
            }
        }
    }

    private static func cp1252(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x91: return 0x2018
        case 0x92: return 0x2019
        case 0x93: return 0x201C
        case 0x94: return 0x201D
        case 0x96: return 0x2013
        case 0x97: return 0x2014
        case 0x85: return 0x2026
        default: return 0x20
        }
    }
}
