import FormwrightCore

/// A strict JSON (RFC 8259) reader producing `Value`, for the schema file in tests.
///
/// Objects become `.map`s with `.string` keys in document order (a repeated key is an error), arrays `.list`s, numbers
/// without a fraction or exponent `.int` (when they fit), other numbers `.double`.
///
/// ```swift
/// let value = try TestJSON.parse(#"{"a": [1, 2.5, true, null]}"#)
/// ```
struct TestJSON {
    /// Why a text is not JSON, and the byte offset where that became clear.
    struct ParseError: Error, CustomStringConvertible, Equatable {
        /// The 0-based offset in the UTF-8 text.
        var offset: Int
        /// What was wrong.
        var message: String

        var description: String { "offset \(offset): \(message)" }
    }

    /// Arrays and objects deeper than this are refused rather than risking the stack.
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private var position = 0

    private init(_ text: String) { bytes = Array(text.utf8) }

    /// Parses a whole JSON text.
    static func parse(_ text: String) throws -> Value {
        var reader = TestJSON(text)
        reader.skipWhitespace()
        let value = try reader.readValue(depth: 0)
        reader.skipWhitespace()
        guard reader.position == reader.bytes.count else { throw reader.error("unexpected text after the value") }
        return value
    }

    /// A parse error at the current position.
    private func error(_ message: String) -> ParseError { ParseError(offset: position, message: message) }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// Skips the four JSON whitespace characters.
    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    /// Consumes `byte`, or throws naming `what` was expected.
    private mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard current == byte else { throw error("expected \(what)") }
        position += 1
    }

    /// Reads any value, refusing nesting beyond `maximumDepth`.
    private mutating func readValue(depth: Int) throws -> Value {
        guard depth < Self.maximumDepth else { throw error("nested too deeply") }
        guard let byte = current else { throw error("unexpected end of text") }
        switch byte {
        case UInt8(ascii: "{"): return try readObject(depth: depth)
        case UInt8(ascii: "["): return try readArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): return try readWord("true", .bool(true))
        case UInt8(ascii: "f"): return try readWord("false", .bool(false))
        case UInt8(ascii: "n"): return try readWord("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw error("unexpected character")
        }
    }

    /// Reads one of the literal words `true`, `false`, `null`.
    private mutating func readWord(_ word: String, _ value: Value) throws -> Value {
        for byte in word.utf8 { try expect(byte, "'\(word)'") }
        return value
    }

    /// Reads an object, refusing a repeated key.
    private mutating func readObject(depth: Int) throws -> Value {
        position += 1
        var map = ValueMap()
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return .map(map)
        }
        while true {
            skipWhitespace()
            let keyOffset = position
            guard current == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let key = Value.string(try readString())
            guard map[key] == nil else { throw ParseError(offset: keyOffset, message: "repeated key \(key.briefDescription)") }
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':'")
            skipWhitespace()
            map[key] = try readValue(depth: depth + 1)
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "}"), "',' or '}'")
            return .map(map)
        }
    }

    /// Reads an array.
    private mutating func readArray(depth: Int) throws -> Value {
        position += 1
        var items: [Value] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .list(items)
        }
        while true {
            skipWhitespace()
            items.append(try readValue(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "]"), "',' or ']'")
            return .list(items)
        }
    }

    /// Reads a string, with its escapes, after the opening quote.
    private mutating func readString() throws -> String {
        position += 1
        var utf8: [UInt8] = []
        while true {
            guard let byte = current else { throw error("unterminated string") }
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else { throw error("string is not valid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                utf8.append(contentsOf: try readEscape())
            case 0x00..<0x20:
                throw error("control character in string")
            default:
                utf8.append(byte)
            }
        }
    }

    /// Reads one escape after its backslash, joining UTF-16 surrogate pairs, as UTF-8 bytes.
    private mutating func readEscape() throws -> [UInt8] {
        guard let byte = current else { throw error("unterminated escape") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return [byte]
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "u"):
            var code = try readHexQuad()
            if (0xD800..<0xDC00).contains(code) {
                guard current == UInt8(ascii: "\\") else { throw error("lone high surrogate") }
                position += 1
                try expect(UInt8(ascii: "u"), "a low surrogate")
                let low = try readHexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(code) {
                throw error("lone low surrogate")
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("invalid code point") }
            return Array(String(Character(scalar)).utf8)
        default:
            throw error("unknown escape")
        }
    }

    /// Reads the four hex digits of a `\u` escape.
    private mutating func readHexQuad() throws -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexDigit(byte) else { throw error("expected four hex digits") }
            code = code * 16 + digit
            position += 1
        }
        return code
    }

    /// The value of one hex digit, or nil.
    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Reads a number: `.int` when it has no fraction or exponent and fits, `.double` otherwise.
    private mutating func readNumber() throws -> Value {
        let start = position
        var isIntegral = true
        if current == UInt8(ascii: "-") { position += 1 }
        if current == UInt8(ascii: "0") {
            position += 1
        } else {
            guard skipDigits() > 0 else { throw error("expected a digit") }
        }
        if current == UInt8(ascii: ".") {
            isIntegral = false
            position += 1
            guard skipDigits() > 0 else { throw error("expected a digit after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isIntegral = false
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() > 0 else { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isIntegral, let integer = Int64(text) { return .int(integer) }
        guard let number = Double(text), number.isFinite else { throw ParseError(offset: start, message: "number out of range") }
        return .double(number)
    }

    /// Skips decimal digits and says how many there were.
    private mutating func skipDigits() -> Int {
        var count = 0
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            position += 1
            count += 1
        }
        return count
    }
}
