extension RegexParser {
    /// Parses a backslash escape outside a class, at `position`.
    mutating func parseEscape() throws(RegexSyntaxError) {
        let start = position
        guard let letter = peek(start + 1) else {
            throw .trailingBackslash(at: start)
        }
        let assertion: RegexAssertion? =
            switch letter {
            case "A": .textStart
            case "z": .textEnd
            case "b": .wordBoundary
            case "B": .notWordBoundary
            default: nil
            }
        if let assertion {
            addItem(.assertion(assertion), at: start)
            position = start + 2
            return
        }
        if letter == "Q" {
            try parseQuotedText()
            return
        }
        var builder = ScalarSetBuilder(caseInsensitive: flags.caseInsensitive)
        if try parseClassEscape(into: &builder) {
            addItem(.set(builder.build(negated: false)), at: start)
            return
        }
        addLiteral(try parseScalarEscape(), at: start)
    }

    /// Parses `\Q…\E` (or `\Q…` to the end): everything between is literal text.
    private mutating func parseQuotedText() throws(RegexSyntaxError) {
        position += 2
        while position < scalars.count {
            try checkSize()
            if scalars[position] == "\\", peek(position + 1) == "E" {
                position += 2
                return
            }
            addLiteral(scalars[position].value, at: position)
            position += 1
        }
    }

    /// Parses `\d \D \w \W \s \S \p… \P…` at `position` into `builder`; `false` (and nothing consumed) for other escapes.
    mutating func parseClassEscape(into builder: inout ScalarSetBuilder) throws(RegexSyntaxError) -> Bool {
        guard let letter = peek(position + 1) else { return false }
        if let perl = ScalarSet.perlClass(letter) {
            builder.add(group: perl.ranges, negated: perl.negated)
            position += 2
            return true
        }
        guard letter == "p" || letter == "P" else { return false }
        let start = position
        var index = start + 2
        guard let first = peek(index) else {
            throw .missingUnicodeClassName(text(start, index), at: start)
        }
        var name: String
        if first == "{" {
            var close = index + 1
            while let scalar = peek(close), scalar != "}" { close += 1 }
            guard peek(close) == "}" else {
                throw .missingClosingBrace(at: start)
            }
            name = text(index + 1, close)
            index = close + 1
        } else {
            name = text(index, index + 1)
            index += 1
        }
        var negated = letter == "P"
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        guard let categories = GeneralCategorySet(named: name) else {
            throw .unsupportedUnicodeClass(name, at: start)
        }
        builder.add(categories: categories, negated: negated)
        position = index
        return true
    }

    /// Parses an escape standing for one scalar (`\n`, `\x41`, `\x{10FFFF}`, `\.`) at `position`.
    mutating func parseScalarEscape() throws(RegexSyntaxError) -> UInt32 {
        let start = position
        guard let letter = peek(start + 1) else {
            throw .trailingBackslash(at: start)
        }
        position = start + 2
        switch letter {
        case "a": return 0x07
        case "f": return 0x0C
        case "t": return 0x09
        case "n": return 0x0A
        case "r": return 0x0D
        case "v": return 0x0B
        case "x": return try parseHexEscape(start: start)
        case "0":
            throw .unsupportedOctalEscape(at: start)
        case "1"..."9":
            throw .unsupported("backreference", text(start, start + 2), at: start)
        case "k":
            throw .unsupported("backreference", text(start, start + 2), at: start)
        case "u", "U":
            throw .invalidUnicodeEscape(text(start, start + 2), at: start)
        default:
            let isASCIIAlphanumeric = letter.isASCII && letter.properties.isAlphabetic || ("0"..."9").contains(letter)
            guard letter.isASCII, !isASCIIAlphanumeric else {
                throw .invalidEscape(text(start, start + 2), at: start)
            }
            return letter.value
        }
    }

    /// Parses the rest of `\xHH` or `\x{H…}`; `position` is just after the `x`.
    private mutating func parseHexEscape(start: Int) throws(RegexSyntaxError) -> UInt32 {
        func invalid(_ end: Int) -> RegexSyntaxError {
            .invalidHexadecimalEscape(text(start, end), at: start)
        }
        if peek(position) == "{" {
            var index = position + 1
            var value: UInt32 = 0
            while let scalar = peek(index), let digit = Self.hexDigit(scalar) {
                value = min(value * 16 + digit, 0x11_0000)
                index += 1
            }
            guard index > position + 1, peek(index) == "}" else { throw invalid(min(index + 1, scalars.count)) }
            guard value <= ScalarSet.maximumScalar, !(0xD800...0xDFFF).contains(value) else {
                throw .invalidCodePoint(text(start, index + 1), at: start)
            }
            position = index + 1
            return value
        }
        guard let high = peek(position).flatMap(Self.hexDigit), let low = peek(position + 1).flatMap(Self.hexDigit) else {
            throw invalid(min(position + 2, scalars.count))
        }
        position += 2
        return high * 16 + low
    }

    private static func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x41...0x46: scalar.value - 0x41 + 10
        case 0x61...0x66: scalar.value - 0x61 + 10
        default: nil
        }
    }
}
