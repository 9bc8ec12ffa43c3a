extension Lexer {
    /// Lexes an integer, unsigned or floating-point literal.
    mutating func lexNumber() -> Token {
        let start = position
        if peek() == "0", peek(1) == "x" || peek(1) == "X" {
            position += 2
            let digitsStart = position
            while let scalar = peek(), Self.isHexDigit(scalar) { position += 1 }
            let digits = text(digitsStart..<position)
            return integerToken(digits: digits, radix: 16, start: start)
        }
        while let scalar = peek(), Self.isDigit(scalar) { position += 1 }
        var isFloat = false
        if peek() == ".", let after = peek(1), Self.isDigit(after) {
            isFloat = true
            position += 1
            while let scalar = peek(), Self.isDigit(scalar) { position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            var offset = 1
            if peek(1) == "+" || peek(1) == "-" { offset = 2 }
            if let digit = peek(offset), Self.isDigit(digit) {
                isFloat = true
                position += offset
                while let scalar = peek(), Self.isDigit(scalar) { position += 1 }
            }
        }
        let literal = text(start..<position)
        if isFloat {
            guard let value = Double(literal) else {
                return Token(kind: .invalid("invalid floating-point literal"), span: start..<position)
            }
            return Token(kind: .double(value), span: start..<position)
        }
        return integerToken(digits: literal, radix: 10, start: start)
    }

    mutating func integerToken(digits: String, radix: Int, start: Int) -> Token {
        let unsigned = peek() == "u" || peek() == "U"
        if unsigned { position += 1 }
        if let scalar = peek(), Self.isIdentifierStart(scalar) || Self.isDigit(scalar) {
            return Token(kind: .invalid("invalid number literal"), span: start..<(position + 1))
        }
        guard !digits.isEmpty, let magnitude = UInt64(digits, radix: radix) else {
            return Token(kind: .invalid("integer literal out of range"), span: start..<position)
        }
        if unsigned { return Token(kind: .uint(magnitude), span: start..<position) }
        if let value = Int64(exactly: magnitude) { return Token(kind: .int(value), span: start..<position) }
        return Token(kind: .intMagnitude(magnitude), span: start..<position)
    }

    /// Lexes a quoted literal whose opening quote is at the current position.
    mutating func lexQuoted(raw: Bool, bytes: Bool, start: Int) -> Token {
        guard let quote = peek() else { return Token(kind: .invalid("unterminated string"), span: start..<position) }
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var output: [UInt8] = []
        var stringOutput = String.UnicodeScalarView()
        func append(scalar: Unicode.Scalar) {
            if bytes { output.append(contentsOf: Array(String(Character(scalar)).utf8)) } else { stringOutput.append(scalar) }
        }
        while true {
            guard let scalar = peek() else {
                return Token(kind: .invalid("unterminated string literal"), span: start..<position)
            }
            if scalar == quote, !triple || (peek(1) == quote && peek(2) == quote) {
                position += triple ? 3 : 1
                break
            }
            if !triple, scalar == "\n" || scalar == "\r" {
                return Token(kind: .invalid("line break in a single-quoted string literal"), span: start..<position)
            }
            if scalar == "\\", !raw {
                let escapeStart = position
                switch decodeEscape(bytes: bytes) {
                case .scalar(let decoded): append(scalar: decoded)
                case .byte(let byte):
                    if bytes {
                        output.append(byte)
                    } else if let decoded = Unicode.Scalar(UInt32(byte)) {
                        stringOutput.append(decoded)
                    }
                case .invalid(let message):
                    return Token(kind: .invalid(message), span: escapeStart..<max(position, escapeStart + 1))
                }
                continue
            }
            append(scalar: scalar)
            position += 1
        }
        if bytes { return Token(kind: .bytes(output), span: start..<position) }
        return Token(kind: .string(String(stringOutput)), span: start..<position)
    }

    enum Escape {
        case scalar(Unicode.Scalar)
        case byte(UInt8)
        case invalid(String)
    }

    /// Decodes one escape sequence starting at the backslash under the cursor.
    mutating func decodeEscape(bytes: Bool) -> Escape {
        position += 1
        guard let code = peek() else { return .invalid("unterminated escape sequence") }
        position += 1
        switch code {
        case "a": return .scalar("\u{07}")
        case "b": return .scalar("\u{08}")
        case "f": return .scalar("\u{0C}")
        case "n": return .scalar("\n")
        case "r": return .scalar("\r")
        case "t": return .scalar("\t")
        case "v": return .scalar("\u{0B}")
        case "\\", "?", "\"", "'", "`": return .scalar(code)
        case "x", "X":
            guard let value = readHex(count: 2) else { return .invalid("invalid hexadecimal escape") }
            return .byte(UInt8(truncatingIfNeeded: value))
        case "u", "U":
            if bytes { return .invalid("unicode escape in a bytes literal") }
            guard let value = readHex(count: code == "u" ? 4 : 8) else { return .invalid("invalid unicode escape") }
            guard let scalar = Unicode.Scalar(value) else { return .invalid("invalid unicode code point in escape") }
            return .scalar(scalar)
        case "0"..."3":
            guard let second = peek(), let third = peek(1), ("0"..."7").contains(second), ("0"..."7").contains(third) else {
                return .invalid("invalid octal escape")
            }
            position += 2
            let value = (code.value - 48) * 64 + (second.value - 48) * 8 + (third.value - 48)
            return .byte(UInt8(truncatingIfNeeded: value))
        default:
            return .invalid("invalid escape sequence '\\\(Character(code))'")
        }
    }

    mutating func readHex(count: Int) -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let scalar = peek(), Self.isHexDigit(scalar), let digit = UInt32(String(Character(scalar)), radix: 16) else { return nil }
            value = value &* 16 &+ digit
            position += 1
        }
        return value
    }
}
