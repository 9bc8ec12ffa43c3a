import FormwrightCore
import FormwrightExpressions

extension DecodingContext {
    /// A data slot: data at any depth, a scalar starting with `=` being an expression (see `DataTemplate`).
    func dataTemplate(_ node: YAMLNode) -> DataTemplate {
        switch node.content {
        case .scalar(let text, let style):
            if text.hasPrefix("=") {
                return DataTemplate(
                    .expression(ExpressionSource(text: String(text.dropFirst()), range: node.range, style: style, contentOffset: 1)), at: node.range)
            }
            return DataTemplate(.literal(Self.plainData(text, style: style, empty: node.isEmptyPlainScalar)), at: node.range)
        case .sequence(let items):
            return DataTemplate(.list(items.map { dataTemplate($0) }), at: node.range)
        case .mapping(let entries):
            return DataTemplate(.map(entries.map { (Located($0.key, at: $0.keyRange), dataTemplate($0.value)) }), at: node.range)
        }
    }

    /// A scalar typed by the data rules: booleans, numbers in plain decimal notation, null, else text.
    static func plainData(_ text: String, style: YAMLNode.ScalarStyle, empty: Bool) -> Value {
        guard style == .plain else { return .string(text) }
        if empty { return .null }
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if isDecimal(text) {
            if let whole = Int64(text) { return .int(whole) }
            if let number = Double(text), number.isFinite { return .double(number) }
        }
        return .string(text)
    }

    /// A length of time written as CEL writes durations (`500ms`, `5s`, `5m`, `1h30m`), within `range`.
    mutating func duration(_ node: YAMLNode, key: String, in range: ClosedRange<TimeSpan>) -> Located<TimeSpan>? {
        guard case .scalar(let text, _) = node.content, !node.isEmptyPlainScalar, !text.hasPrefix("-"), !text.hasPrefix("+"),
            let span = TimeSpan(durationText: text)
        else {
            wrongType("a length of time such as 500ms, 5s, 5m or 1h30m", for: key, found: node)
            return nil
        }
        guard range.contains(span) else {
            error(
                .outOfRange,
                "'\(key)' must be between \(Self.durationText(range.lowerBound)) and \(Self.durationText(range.upperBound)), not \(text)",
                at: node.range)
            return nil
        }
        return Located(span, at: node.range)
    }

    /// A length of time in the largest unit that writes it exactly: `10ms`, `5s`, `5m`, `24h`.
    static func durationText(_ span: TimeSpan) -> String {
        if span.nanos != 0 { return span.nanos % 1_000_000 == 0 && span.seconds == 0 ? "\(span.nanos / 1_000_000)ms" : span.text }
        if span.seconds != 0, span.seconds % 3600 == 0 { return "\(span.seconds / 3600)h" }
        if span.seconds != 0, span.seconds % 60 == 0 { return "\(span.seconds / 60)m" }
        return "\(span.seconds)s"
    }

    /// One of a fixed set of words, with a suggestion when it is not.
    mutating func word(_ node: YAMLNode, key: String, among words: [String]) -> Located<String>? {
        guard let text = text(node, key: key) else { return nil }
        guard words.contains(text.value) else {
            let hint = NameSuggester.hint(for: text.value, among: words)
            error(.invalidValue, "'\(text.value)' is not a valid '\(key)'\(hint) (one of: \(words.joined(separator: ", ")))", at: text.range)
            return nil
        }
        return text
    }
}
