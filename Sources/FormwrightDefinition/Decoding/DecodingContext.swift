import FormwrightCore

/// Reads typed values out of YAML nodes by the language's own rules, collecting every mistake.
///
/// Scalars are typed by the key that holds them: a boolean is exactly `true` or `false`, a
/// number is plain decimal notation, and text is any scalar. Quoted numbers and booleans are
/// text, so `"12"` where a number belongs is a mistake with a hint to drop the quotes.
struct DecodingContext {
    var diagnostics: DiagnosticCollector

    init(file: String) {
        diagnostics = DiagnosticCollector(file: file)
    }

    mutating func error(_ id: DefinitionDiagnosticID, _ message: String, at range: SourceRange) {
        diagnostics.error(id.rawValue, message, at: range)
    }

    mutating func warning(_ id: DefinitionDiagnosticID, _ message: String, at range: SourceRange) {
        diagnostics.warning(id.rawValue, message, at: range)
    }

    /// Reports a node of the wrong shape: `expected true or false for 'required' but found 'yes'`.
    mutating func wrongType(_ expected: String, for key: String, found node: YAMLNode, hint: String = "") {
        let found = node.scalar.map { node.isEmptyPlainScalar ? "nothing" : "'\($0.prefix(40))'" } ?? node.kindDescription
        error(.wrongType, "expected \(expected) for '\(key)' but found \(found)\(hint)", at: node.range)
    }

    /// Any non-empty scalar as text.
    mutating func text(_ node: YAMLNode, key: String) -> Located<String>? {
        guard let text = node.scalar, !node.isEmptyPlainScalar else {
            wrongType("text", for: key, found: node)
            return nil
        }
        return Located(text, at: node.range)
    }

    /// Exactly `true` or `false`, unquoted.
    mutating func bool(_ node: YAMLNode, key: String) -> Bool? {
        if case .scalar(let text, .plain) = node.content {
            if text == "true" { return true }
            if text == "false" { return false }
        }
        let hint = ["yes", "no", "on", "off", "y", "n", "True", "False", "TRUE", "FALSE"].contains(node.scalar ?? "")
            ? "; write true or false" : quotedHint(node, ["true", "false"])
        wrongType("true or false", for: key, found: node, hint: hint)
        return nil
    }

    /// A whole number in plain decimal notation, within `range`.
    mutating func integer(_ node: YAMLNode, key: String, in range: ClosedRange<Int> = 0...Int(Int32.max)) -> Located<Int>? {
        guard case .scalar(let text, .plain) = node.content, let value = Int(text), !text.hasPrefix("+") else {
            wrongType("a whole number", for: key, found: node, hint: quotedHint(node, nil))
            return nil
        }
        guard range.contains(value) else {
            error(.outOfRange, "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(value)", at: node.range)
            return nil
        }
        return Located(value, at: node.range)
    }

    /// A finite number in plain decimal notation (`3`, `-0.25`, `1e6`).
    mutating func number(_ node: YAMLNode, key: String) -> Double? {
        guard case .scalar(let text, .plain) = node.content, DecodingContext.isDecimal(text), let value = Double(text), value.isFinite
        else {
            wrongType("a number", for: key, found: node, hint: quotedHint(node, nil))
            return nil
        }
        return value
    }

    /// A string, or a map from locale codes to strings.
    mutating func localized(_ node: YAMLNode, key: String) -> LocalizedText? {
        if let text = node.scalar, !node.isEmptyPlainScalar { return LocalizedText(text) }
        guard let entries = node.entries, !entries.isEmpty else {
            wrongType("text or a map of translations such as { en: …, zh: … }", for: key, found: node)
            return nil
        }
        var translations: [(locale: String, text: String)] = []
        for entry in entries {
            guard DecodingContext.isLocaleCode(entry.key) else {
                let hint = entry.key.contains(" ") ? "; a ',' inside { … } starts a new entry, so quote text that holds one" : ""
                error(.invalidLocale, "'\(entry.key)' is not a language code such as 'en', 'zh' or 'zh-Hant'\(hint)", at: entry.keyRange)
                continue
            }
            if let text = text(entry.value, key: "\(key).\(entry.key)") {
                translations.append((entry.key, text.value))
            }
        }
        return translations.isEmpty ? nil : LocalizedText(translations: translations)
    }

    /// A mapping node, or a wrong-type error.
    mutating func mapping(_ node: YAMLNode, key: String, expected: String = "a mapping") -> [YAMLNode.Entry]? {
        guard let entries = node.entries else {
            wrongType(expected, for: key, found: node)
            return nil
        }
        return entries
    }

    /// An expression-valued key: the scalar's text, kept with its place.
    mutating func expression(_ node: YAMLNode, key: String) -> ExpressionSource? {
        guard let text = text(node, key: key), case .scalar(_, let style) = node.content else { return nil }
        return ExpressionSource(text: text.value, range: text.range, style: style)
    }

    /// The scalars of text for people: one for a plain string, one per translation for a map.
    func scalarSources(_ node: YAMLNode) -> [ScalarSource] {
        if case .scalar(let text, let style) = node.content { return [ScalarSource(text: text, range: node.range, style: style)] }
        return (node.entries ?? []).compactMap { entry in
            guard case .scalar(let text, let style) = entry.value.content else { return nil }
            return ScalarSource(text: text, range: entry.value.range, style: style)
        }
    }

    private func quotedHint(_ node: YAMLNode, _ words: [String]?) -> String {
        guard case .scalar(let text, let style) = node.content, style == .singleQuoted || style == .doubleQuoted else { return "" }
        let looksRight = words.map { $0.contains(text) } ?? DecodingContext.isDecimal(text)
        return looksRight ? "; remove the quotes" : ""
    }

    /// Plain decimal notation: an optional `-`, digits, an optional fraction, an optional exponent.
    static func isDecimal(_ text: String) -> Bool {
        var rest = Substring(text).unicodeScalars[...]
        func digits() -> Int {
            let count = rest.prefix { ("0"..."9").contains($0) }.count
            rest = rest.dropFirst(count)
            return count
        }
        if rest.first == "-" { rest = rest.dropFirst() }
        guard digits() > 0 else { return false }
        if rest.first == "." {
            rest = rest.dropFirst()
            guard digits() > 0 else { return false }
        }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }

    static func isLocaleCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
