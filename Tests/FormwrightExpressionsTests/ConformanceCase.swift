import Foundation
import FormwrightCore
import FormwrightExpressions

/// One test from the CEL conformance data, decoded from its JSON line.
struct ConformanceCase {
    let id: String
    let file: String
    let expression: String
    let container: String
    let check: Bool
    let bindings: [String: Value]
    let declarations: [(String, ExpressionType)]
    let expected: RuntimeValue?
    let expectsError: Bool

    enum DecodingError: Error { case malformed(String) }

    init(line: String) throws {
        let json = try JSONParser.parse(line)
        guard case .map(let object) = json else { throw DecodingError.malformed("not an object") }
        func field(_ name: String) -> Value { object[.string(name)] ?? .null }
        guard case .string(let id) = field("id"), case .string(let file) = field("file"), case .string(let expression) = field("expr") else {
            throw DecodingError.malformed("missing id, file or expr")
        }
        self.id = id
        self.file = file
        self.expression = expression
        if case .string(let container) = field("container") { self.container = container } else { self.container = "" }
        check = field("disable_check") != .bool(true)
        expectsError = field("error") == .bool(true)
        var bindings: [String: Value] = [:]
        if case .map(let map) = field("bindings") {
            for (key, value) in map.entries {
                guard case .string(let name) = key, case .value(let decoded) = try Self.decode(value) else {
                    throw DecodingError.malformed("binding")
                }
                bindings[name] = decoded
            }
        }
        self.bindings = bindings
        var declarations: [(String, ExpressionType)] = []
        if case .list(let entries) = field("type_env") {
            for entry in entries {
                guard case .map(let declaration) = entry, case .string(let name) = declaration[.string("name")] else { continue }
                if let ident = declaration[.string("ident")] { declarations.append((name, try Self.decodeType(ident))) }
            }
        }
        self.declarations = declarations
        let expected = field("expected")
        self.expected = expected == .null ? nil : try Self.decode(expected)
    }

    static func decodeType(_ value: Value) throws -> ExpressionType {
        switch value {
        case .string(let name):
            switch name {
            case "int": return .int
            case "uint": return .uint
            case "double": return .double
            case "bool": return .bool
            case "string": return .string
            case "bytes": return .bytes
            case "null_type": return .null
            case "dyn": return .dyn
            case "google.protobuf.Timestamp": return .timestamp
            case "google.protobuf.Duration": return .duration
            default: throw DecodingError.malformed("type \(name)")
            }
        case .map(let map):
            if let element = map[.string("list")] { return .list(try decodeType(element)) }
            if case .list(let pair) = map[.string("map")], pair.count == 2 {
                return .map(key: try decodeType(pair[0]), value: try decodeType(pair[1]))
            }
            if let message = map[.string("message")] { return try decodeType(message) }
            if let wrapped = map[.string("wrapper")] { return .nullable(try decodeType(wrapped)) }
            throw DecodingError.malformed("type \(map)")
        default:
            throw DecodingError.malformed("type \(value)")
        }
    }

    /// Decodes the conformance value encoding (`{"int": "1"}`, `{"list": [...]}`, …).
    static func decode(_ value: Value) throws -> RuntimeValue {
        guard case .map(let map) = value, map.count == 1, let (key, payload) = map.entries.first, case .string(let kind) = key else {
            throw DecodingError.malformed("value \(value)")
        }
        switch (kind, payload) {
        case ("null", _): return .value(.null)
        case ("bool", .bool(let flag)): return .value(.bool(flag))
        case ("int", .string(let text)):
            guard let number = Int64(text) else { throw DecodingError.malformed("int") }
            return .value(.int(number))
        case ("uint", .string(let text)):
            guard let number = UInt64(text) else { throw DecodingError.malformed("uint") }
            return .value(.uint(number))
        case ("double", .double(let number)): return .value(.double(number))
        case ("double", .int(let number)): return .value(.double(Double(number)))
        case ("double", .string(let text)):
            switch text {
            case "NaN": return .value(.double(.nan))
            case "Infinity": return .value(.double(.infinity))
            case "-Infinity": return .value(.double(-.infinity))
            default: throw DecodingError.malformed("double")
            }
        case ("string", .string(let text)): return .value(.string(text))
        case ("bytes", .string(let text)):
            guard let data = Data(base64Encoded: text) else { throw DecodingError.malformed("bytes") }
            return .value(.bytes(Array(data)))
        case ("list", .list(let elements)):
            var values: [Value] = []
            for element in elements {
                guard case .value(let decoded) = try decode(element) else { throw DecodingError.malformed("list element") }
                values.append(decoded)
            }
            return .value(.list(values))
        case ("map", .list(let pairs)):
            var result = ValueMap()
            for pair in pairs {
                guard case .list(let items) = pair, items.count == 2, case .value(let key) = try decode(items[0]),
                    case .value(let entry) = try decode(items[1])
                else { throw DecodingError.malformed("map entry") }
                result[key] = entry
            }
            return .value(.map(result))
        case ("type", .string(let name)): return .type(name)
        case ("timestamp", .map(let parts)):
            let (seconds, nanos) = try secondsAndNanos(parts)
            return .value(.timestamp(Timestamp(seconds: seconds, nanos: nanos)))
        case ("duration", .map(let parts)):
            let (seconds, nanos) = try secondsAndNanos(parts)
            return .value(.duration(TimeSpan(seconds: seconds, nanos: nanos)))
        default:
            throw DecodingError.malformed("unsupported value kind \(kind)")
        }
    }

    static func secondsAndNanos(_ parts: ValueMap) throws -> (Int64, Int32) {
        var seconds: Int64 = 0
        var nanos: Int32 = 0
        if case .string(let text) = parts[.string("seconds")], let value = Int64(text) { seconds = value }
        if case .int(let value) = parts[.string("nanos")], let narrowed = Int32(exactly: value) { nanos = narrowed }
        return (seconds, nanos)
    }

    /// Strict equality for matching results: same kinds, exact doubles (any NaN matches any NaN), maps in any order.
    static func same(_ lhs: RuntimeValue, _ rhs: RuntimeValue) -> Bool {
        switch (lhs, rhs) {
        case (.type(let a), .type(let b)): return a == b
        case (.value(let a), .value(let b)): return same(a, b)
        default: return false
        }
    }

    static func same(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.double(let a), .double(let b)):
            return (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern
        case (.string(let a), .string(let b)):
            return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.map(let a), .map(let b)):
            guard a.count == b.count else { return false }
            return a.entries.allSatisfy { entry in b[entry.key].map { same(entry.value, $0) } ?? false }
        default:
            return lhs == rhs
        }
    }
}
