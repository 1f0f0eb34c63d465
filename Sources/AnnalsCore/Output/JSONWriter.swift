/// A minimal, fast JSON writer that appends to a byte buffer in the order keys are written.
///
/// Records are written with their keys in the order of the documented contract, which `JSONEncoder`
/// does not promise. Usage:
///
/// ```swift
/// var json = JSONWriter()
/// json.object { json in
///     json.key("kind"); json.string("event")
/// }
/// ```
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    public init() { bytes.reserveCapacity(512) }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma.removeAll(keepingCapacity: true)
    }

    private mutating func separator() {
        if let last = needsComma.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            needsComma[needsComma.count - 1] = true
        }
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        valuePrefix()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        valuePrefix()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes a key; the next value call writes its value.
    public mutating func key(_ name: String) {
        separator()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        pendingKey = true
    }
    /// A key was written: the next value follows its colon without a separator.
    private var pendingKey = false

    private mutating func valuePrefix() {
        if pendingKey {
            pendingKey = false
        } else {
            separator()
        }
    }

    public mutating func string(_ value: String) {
        valuePrefix()
        appendQuoted(value)
    }

    public mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func int(_ value: Int) {
        valuePrefix()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func double(_ value: Double) {
        valuePrefix()
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int(value)).utf8)
            bytes.append(contentsOf: ".0".utf8)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    public mutating func bool(_ value: Bool) {
        valuePrefix()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        valuePrefix()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes an already-encoded JSON value.
    public mutating func raw(_ json: some Sequence<UInt8>) {
        valuePrefix()
        bytes.append(contentsOf: json)
    }

    /// Appends `s` quoted: runs of bytes that need no escape are copied whole.
    private mutating func appendQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                if b >= 32 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { continue }
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                appendEscaped(b)
                start = i + 1
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The escape of a quote, a backslash or a control character.
    private mutating func appendEscaped(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
        case 10: bytes.append(contentsOf: [92, 110])
        case 13: bytes.append(contentsOf: [92, 114])
        case 9: bytes.append(contentsOf: [92, 116])
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
        }
    }
}
