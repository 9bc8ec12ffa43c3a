/// Splits CEL source text into tokens, counting positions in Unicode scalars.
struct Lexer {
    /// CEL's keywords that denote values or operators.
    static let keywords: Set<String> = ["true", "false", "null", "in"]
    /// Words CEL reserves: not usable as identifiers, but allowed as field and method names.
    static let reservedWords: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    ]

    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Lexes the whole text; the last token is always `.endOfInput`, and lexing stops at the first invalid token.
    mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = next()
            tokens.append(token)
            switch token.kind {
            case .endOfInput, .invalid: return tokens
            default: continue
            }
        }
    }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let index = position + offset
        return index < scalars.count ? scalars[index] : nil
    }

    mutating func skipTrivia() {
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                position += 1
            } else if scalar == "/", peek(1) == "/" {
                while let inner = peek(), inner != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    mutating func next() -> Token {
        skipTrivia()
        let start = position
        guard let scalar = peek() else { return Token(kind: .endOfInput, span: start..<start) }
        if Self.isDigit(scalar) || (scalar == "." && peek(1).map(Self.isDigit) == true) {
            return lexNumber()
        }
        if scalar == "'" || scalar == "\"" { return lexQuoted(raw: false, bytes: false, start: start) }
        if Self.isIdentifierStart(scalar) {
            if let literal = lexPrefixedQuoted(start: start) { return literal }
            while let inner = peek(), Self.isIdentifierStart(inner) || Self.isDigit(inner) { position += 1 }
            let word = text(start..<position)
            if Self.keywords.contains(word) { return Token(kind: .keyword(word), span: start..<position) }
            if Self.reservedWords.contains(word) { return Token(kind: .reserved(word), span: start..<position) }
            return Token(kind: .identifier(word), span: start..<position)
        }
        if scalar == "`" { return lexBackquoted(start: start) }
        for symbol in ["==", "!=", "<=", ">=", "&&", "||"] where matches(symbol) {
            position += 2
            return Token(kind: .symbol(symbol), span: start..<position)
        }
        if "+-*/%<>!?:.,()[]{}".unicodeScalars.contains(scalar) {
            position += 1
            return Token(kind: .symbol(String(Character(scalar))), span: start..<position)
        }
        position += 1
        return Token(kind: .invalid("unexpected character '\(Character(scalar))'"), span: start..<position)
    }

    /// Whether the text at the current position starts with `symbol`.
    func matches(_ symbol: String) -> Bool {
        var offset = 0
        for scalar in symbol.unicodeScalars {
            guard peek(offset) == scalar else { return false }
            offset += 1
        }
        return true
    }

    /// A string or bytes literal introduced by `r`, `b`, `rb` or `br` (any case), if one starts here.
    mutating func lexPrefixedQuoted(start: Int) -> Token? {
        var raw = false
        var bytes = false
        var offset = 0
        while offset < 2, let scalar = peek(offset) {
            if (scalar == "r" || scalar == "R"), !raw {
                raw = true
            } else if (scalar == "b" || scalar == "B"), !bytes {
                bytes = true
            } else {
                break
            }
            offset += 1
        }
        guard offset > 0, let quote = peek(offset), quote == "'" || quote == "\"" else { return nil }
        position += offset
        return lexQuoted(raw: raw, bytes: bytes, start: start)
    }

    mutating func lexBackquoted(start: Int) -> Token {
        position += 1
        let nameStart = position
        while let scalar = peek(), scalar != "`" {
            guard Self.isIdentifierStart(scalar) || Self.isDigit(scalar) || "/-. ".unicodeScalars.contains(scalar) else {
                return Token(kind: .invalid("invalid character in quoted field name"), span: start..<(position + 1))
            }
            position += 1
        }
        guard peek() == "`", position > nameStart else {
            return Token(kind: .invalid("unterminated quoted field name"), span: start..<position)
        }
        let name = text(nameStart..<position)
        position += 1
        return Token(kind: .quotedIdentifier(name), span: start..<position)
    }

    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || (scalar >= "a" && scalar <= "f") || (scalar >= "A" && scalar <= "F")
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
    }
}
