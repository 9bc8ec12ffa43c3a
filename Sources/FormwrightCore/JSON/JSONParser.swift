/// Parses JSON text into a `Value`, keeping integers, unsigned integers, doubles and booleans apart.
///
/// Integers that fit `Int64` become `.int`, larger non-negative ones `.uint`, anything with a
/// fraction or exponent (or beyond `UInt64`) `.double`. Objects become maps with string keys in
/// document order; a repeated key is an error. Depth and size are bounded so hostile input fails fast.
public struct JSONParser {
    /// The limits a document must respect.
    public struct Limits: Sendable, Hashable {
        /// The deepest nesting of arrays and objects.
        public var maxDepth: Int
        /// The longest document, in UTF-8 bytes.
        public var maxBytes: Int

        /// Creates limits.
        public init(maxDepth: Int = 64, maxBytes: Int = 8 * 1024 * 1024) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
        }
    }

    /// Why a document was refused: a message and the byte offset where the problem was found.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong, lower case.
        public var message: String
        /// The 0-based UTF-8 byte offset of the problem.
        public var offset: Int

        /// `message at offset N`.
        public var description: String { "\(message) at offset \(offset)" }
    }

    let bytes: [UInt8]
    let limits: Limits
    var position = 0
    var depth = 0

    init(bytes: [UInt8], limits: Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// Parses one JSON document (surrounding whitespace allowed).
    public static func parse(_ text: String, limits: Limits = Limits()) throws(Failure) -> Value {
        let bytes = Array(text.utf8)
        guard bytes.count <= limits.maxBytes else {
            throw Failure(message: "document is larger than \(limits.maxBytes) bytes", offset: 0)
        }
        var parser = JSONParser(bytes: bytes, limits: limits)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.failure("unexpected text after the document") }
        return value
    }

    func failure(_ message: String) -> Failure { Failure(message: message, offset: position) }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    mutating func expectLiteral(_ word: String, _ value: Value) throws(Failure) -> Value {
        for byte in word.utf8 {
            guard current == byte else { throw failure("invalid literal") }
            position += 1
        }
        return value
    }

    mutating func parseValue() throws(Failure) -> Value {
        guard let byte = current else { throw failure("unexpected end of document") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try expectLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try expectLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try expectLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected character")
        }
    }

    mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= limits.maxDepth else { throw failure("document nests deeper than \(limits.maxDepth) levels") }
    }

    mutating func parseArray() throws(Failure) -> Value {
        try enter()
        defer { depth -= 1 }
        position += 1
        var elements: [Value] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .list(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
            } else if current == UInt8(ascii: "]") {
                position += 1
                return .list(elements)
            } else {
                throw failure("expected ',' or ']' in an array")
            }
        }
    }

    mutating func parseObject() throws(Failure) -> Value {
        try enter()
        defer { depth -= 1 }
        position += 1
        var map = ValueMap()
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return .map(map)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a string key in an object") }
            let keyOffset = position
            let key = Value.string(try parseString())
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after an object key") }
            position += 1
            skipWhitespace()
            let value = try parseValue()
            guard map[key] == nil else { throw Failure(message: "repeated key in an object", offset: keyOffset) }
            map[key] = value
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
            } else if current == UInt8(ascii: "}") {
                position += 1
                return .map(map)
            } else {
                throw failure("expected ',' or '}' in an object")
            }
        }
    }
}
