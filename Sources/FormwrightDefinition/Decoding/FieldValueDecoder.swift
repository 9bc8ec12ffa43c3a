import FormwrightCore

/// Types a value written in the app file (a default, a bound) by the field it belongs to.
///
/// A scalar starting with `=` is an expression, as in a spreadsheet; anything else is data of
/// the field's type: `no` in a text field is the text "no", `012` stays "012".
struct FieldValueDecoder {
    let field: FieldDefinition

    /// A default: data of the field's type, or an expression.
    func value(_ node: YAMLNode, key: String, context: inout DecodingContext) -> Located<FieldValue>? {
        if case .scalar(let text, let style) = node.content, text.hasPrefix("=") {
            let source = ExpressionSource(text: String(text.dropFirst()), range: node.range, style: style, contentOffset: 1)
            return Located(.expression(source), at: node.range)
        }
        return literal(node, key: key, context: &context).map { Located(.literal($0), at: node.range) }
    }

    /// A `min` or `max`: a number for numeric fields, a date or date-time for date fields.
    func bound(_ node: YAMLNode, key: String, context: inout DecodingContext) -> Located<Value>? {
        guard field.type.isOrdered else { return nil }
        return literal(node, key: key, context: &context).map { Located($0, at: node.range) }
    }

    private func literal(_ node: YAMLNode, key: String, context: inout DecodingContext) -> Value? {
        switch field.type {
        case .text, .longtext, .email, .phone, .url, .choice, .link:
            return context.text(node, key: key).map { .string($0.value) }
        case .integer:
            guard case .scalar(let text, .plain) = node.content, let value = Int64(text) else {
                context.wrongType("a whole number", for: key, found: node)
                return nil
            }
            return .int(value)
        case .number:
            return context.number(node, key: key).map { .double($0) }
        case .money:
            return money(node, key: key, context: &context)
        case .boolean:
            return context.bool(node, key: key).map { .bool($0) }
        case .date:
            guard let text = node.scalar, let date = CalendarDate(text) else {
                context.wrongType("a date written YYYY-MM-DD", for: key, found: node)
                return nil
            }
            return .string(date.description)
        case .datetime:
            guard let text = node.scalar, let timestamp = Timestamp(rfc3339: text) else {
                context.wrongType("a date and time such as 2026-01-31T09:00:00Z", for: key, found: node)
                return nil
            }
            return .timestamp(timestamp)
        case .multichoice:
            guard let items = node.items else {
                context.wrongType("a list of options", for: key, found: node)
                return nil
            }
            let values = items.compactMap { context.text($0, key: key).map { Value.string($0.value) } }
            return values.count == items.count ? .list(values) : nil
        }
    }

    private func money(_ node: YAMLNode, key: String, context: inout DecodingContext) -> Value? {
        guard let text = node.scalar, !node.isEmptyPlainScalar else {
            context.wrongType("an amount such as 1234.50", for: key, found: node)
            return nil
        }
        switch MoneyText.minorUnits(text, scale: field.scale) {
        case .success(let minor):
            return .int(minor)
        case .failure(.tooManyDecimals(let scale)):
            context.error(.invalidValue, "'\(key)' has more than \(scale) decimal places, the scale of money field '\(field.name.value)'", at: node.range)
        case .failure(.outOfRange):
            context.error(.outOfRange, "'\(key)' is too large for a money amount", at: node.range)
        case .failure(.notANumber):
            context.wrongType("an amount such as 1234.50", for: key, found: node)
        }
        return nil
    }
}
