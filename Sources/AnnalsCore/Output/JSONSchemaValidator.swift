import Foundation

/// A JSON value parsed strictly (RFC 8259), keeping integers apart from other numbers and the order
/// of object keys.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number, and whether it was written without a fraction or exponent.
    case number(Double, isInteger: Bool)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x, _), .number(let y, _)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The value of `key` in an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    /// Parses one JSON text; throws with the byte offset of the first error.
    public static func parse(_ text: String) throws -> JSONValue {
        var parser = Parser(bytes: Array(text.utf8))
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.i == parser.bytes.count else { throw parser.error("text after the value") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        func error(_ message: String) -> JSONSchemaError { JSONSchemaError(path: "", message: "JSON byte \(i): \(message)") }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
        }

        mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw error("invalid literal") }
            i += w.count
            return value
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard depth < 256 else { throw error("nested too deeply") }
            guard i < bytes.count else { throw error("unexpected end") }
            switch bytes[i] {
            case UInt8(ascii: "n"): return try literal("null", .null)
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "["):
                i += 1
                var items: [JSONValue] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < bytes.count else { throw error("unterminated array") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                    throw error("expected , or ]")
                }
            case UInt8(ascii: "{"):
                i += 1
                var members: [(key: String, value: JSONValue)] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a key") }
                    let key = try string()
                    if members.contains(where: { $0.key == key }) { throw error("duplicate key \(key)") }
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected :") }
                    i += 1
                    skipSpace()
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard i < bytes.count else { throw error("unterminated object") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                    throw error("expected , or }")
                }
            default: return try number()
            }
        }

        mutating func string() throws -> String {
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if c < 32 { throw error("control character in a string") }
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < bytes.count else { break }
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    case UInt8(ascii: "b"): out.append(8)
                    case UInt8(ascii: "f"): out.append(12)
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "r"): out.append(13)
                    case UInt8(ascii: "t"): out.append(9)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                            bytes[i + 1] == UInt8(ascii: "u")
                        {
                            i += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw error("bad surrogate pair") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let u = Unicode.Scalar(scalar) else { throw error("lone surrogate") }
                        out.append(contentsOf: Array(String(Character(u)).utf8))
                    default: throw error("bad escape")
                    }
                    continue
                }
                out.append(c)
                i += 1
            }
            throw error("unterminated string")
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
                throw error("bad \\u escape")
            }
            i += 4
            return v
        }

        mutating func number() throws -> JSONValue {
            let start = i
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
            func digits() -> Int {
                let s = i
                while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
                return i - s
            }
            let intDigits = digits()
            guard intDigits > 0 else { throw error("unexpected character") }
            if intDigits > 1, bytes[i - intDigits] == 48 { throw error("leading zero") }
            var isInteger = true
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                isInteger = false
                guard digits() > 0 else { throw error("digits expected after .") }
            }
            if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
                i += 1
                isInteger = false
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { throw error("digits expected in exponent") }
            }
            guard let v = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else { throw error("bad number") }
            return .number(v, isInteger: isInteger)
        }
    }
}

/// Where a value breaks its schema: a JSON pointer into the value and what is wrong.
public struct JSONSchemaError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// A validator for the subset of JSON Schema (draft 2020-12) that docs/record-schema.json uses:
/// `$ref` to `#/$defs/...`, `type`, `const`, `enum`, `required`, `properties`,
/// `additionalProperties`, `items`, `minItems`, `maxItems`, `minimum`, `maximum`, `pattern`,
/// `oneOf`, `anyOf` and `allOf`. Any other keyword (other than annotations such as `description`)
/// is an error, so the schema cannot say more than is checked.
///
/// Used by the tests to hold `annals code`, `annals events` and the HTTP API to one record
/// contract.
public struct JSONSchemaValidator: Sendable {
    public let root: JSONValue

    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs", "$comment", "examples"]
    static let keywords: Set<String> = [
        "$ref", "type", "const", "enum", "required", "properties", "additionalProperties", "items", "minItems",
        "maxItems", "minimum", "maximum", "pattern", "oneOf", "anyOf", "allOf",
    ]

    public init(schema text: String) throws {
        root = try JSONValue.parse(text)
    }

    /// The schema at `#/$defs/name`, for validating against one kind of record.
    public func definition(_ name: String) throws -> JSONValue {
        guard let d = root["$defs"]?[name] else { throw JSONSchemaError(path: "", message: "no $defs/\(name) in the schema") }
        return d
    }

    /// Every way `value` breaks `schema` (the root schema when nil); empty when it is valid.
    public func errors(_ value: JSONValue, against schema: JSONValue? = nil) -> [JSONSchemaError] {
        var out: [JSONSchemaError] = []
        check(value, schema ?? root, path: "", &out)
        return out
    }

    private func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#/") else { return nil }
        var node = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = node[String(part)] else { return nil }
            node = next
        }
        return node
    }

    private static func typeName(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(_, let isInteger): return isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    private static func matches(_ v: JSONValue, type: String) -> Bool {
        let actual = typeName(v)
        return actual == type || (type == "number" && actual == "integer")
    }

    private func check(_ value: JSONValue, _ schema: JSONValue, path: String, _ out: inout [JSONSchemaError]) {
        func fail(_ message: String) { out.append(JSONSchemaError(path: path, message: message)) }
        guard case .object(let keywords) = schema else {
            if schema == .bool(false) { fail("no value is allowed here") }
            return
        }
        for (keyword, argument) in keywords {
            if Self.annotations.contains(keyword) { continue }
            guard Self.keywords.contains(keyword) else {
                fail("schema keyword \(keyword) is not supported by this validator")
                continue
            }
            switch (keyword, argument) {
            case ("$ref", .string(let ref)):
                guard let target = resolve(ref) else {
                    fail("unresolvable $ref \(ref)")
                    continue
                }
                check(value, target, path: path, &out)
            case ("type", .string(let t)):
                if !Self.matches(value, type: t) { fail("expected \(t), found \(Self.typeName(value))") }
            case ("type", .array(let types)):
                let names = types.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
                if !names.contains(where: { Self.matches(value, type: $0) }) {
                    fail("expected \(names.joined(separator: " or ")), found \(Self.typeName(value))")
                }
            case ("const", let c):
                if value != c { fail("expected the constant \(c)") }
            case ("enum", .array(let options)):
                if !options.contains(value) { fail("\(value) is not one of the allowed values") }
            case ("required", .array(let names)):
                guard case .object = value else { continue }
                for case .string(let name) in names where value[name] == nil { fail("missing required field \(name)") }
            case ("properties", .object(let properties)):
                guard case .object(let members) = value else { continue }
                for (key, v) in members {
                    if let p = properties.first(where: { $0.key == key }) { check(v, p.value, path: path + "/" + key, &out) }
                }
            case ("additionalProperties", let extra):
                guard case .object(let members) = value else { continue }
                let known: Set<String> = {
                    guard case .object(let p)? = schema["properties"] else { return [] }
                    return Set(p.map(\.key))
                }()
                for (key, v) in members where !known.contains(key) {
                    if extra == .bool(false) { fail("unexpected field \(key)") } else { check(v, extra, path: path + "/" + key, &out) }
                }
            case ("items", let itemSchema):
                guard case .array(let items) = value else { continue }
                for (k, item) in items.enumerated() { check(item, itemSchema, path: path + "/\(k)", &out) }
            case ("minItems", .number(let n, _)):
                if case .array(let items) = value, Double(items.count) < n { fail("fewer than \(Int(n)) items") }
            case ("maxItems", .number(let n, _)):
                if case .array(let items) = value, Double(items.count) > n { fail("more than \(Int(n)) items") }
            case ("minimum", .number(let n, _)):
                if case .number(let x, _) = value, x < n { fail("\(x) is less than \(n)") }
            case ("maximum", .number(let n, _)):
                if case .number(let x, _) = value, x > n { fail("\(x) is more than \(n)") }
            case ("pattern", .string(let pattern)):
                guard case .string(let s) = value else { continue }
                guard let regex = try? NSRegularExpression(pattern: pattern) else {
                    fail("bad pattern \(pattern) in the schema")
                    continue
                }
                if regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil { fail("'\(s)' does not match \(pattern)") }
            case ("oneOf", .array(let options)), ("anyOf", .array(let options)):
                let valid = options.filter { errors(value, against: $0).isEmpty }.count
                if keyword == "oneOf" && valid != 1 || keyword == "anyOf" && valid == 0 {
                    // Report why the closest option failed.
                    let reasons = options.map { errors(value, against: $0) }.min { $0.count < $1.count } ?? []
                    fail("matches \(valid) of the \(keyword) options" + (reasons.isEmpty ? "" : ": " + reasons.map(\.description).joined(separator: "; ")))
                }
            case ("allOf", .array(let parts)):
                for part in parts { check(value, part, path: path, &out) }
            default:
                fail("schema keyword \(keyword) has an argument of the wrong type")
            }
        }
    }
}
