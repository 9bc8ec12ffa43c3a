import FormwrightCore
import FormwrightDefinition

/// Checks one typed, non-empty value against its field's constraints (those that need no other record).
struct FieldValidator: Sendable {
    let field: FieldDefinition
    /// The compiled `pattern`, when the field has one.
    let pattern: LinearRegex?

    init(field: FieldDefinition) {
        self.field = field
        pattern = field.pattern.flatMap { try? LinearRegex($0.value) }
    }

    /// The first problem with a value, or nil when it satisfies every constraint.
    func problem(with value: Value) -> FieldProblem? {
        let options = field.options.map(\.value)
        switch value {
        case .string(let text) where field.type == .choice:
            return options.contains(text) ? nil : .notAnOption(options: options)
        case .list(let items) where field.type == .multichoice:
            for item in items {
                guard case .string(let text) = item, options.contains(text) else { return .notAnOption(options: options) }
            }
            return nil
        case .string(let text) where field.type.isTextual:
            return textProblem(text)
        default:
            return boundProblem(value)
        }
    }

    private func textProblem(_ text: String) -> FieldProblem? {
        let length = text.unicodeScalars.count
        if let minimum = field.minimumLength?.value, length < minimum { return .tooShort(minimum: minimum) }
        if let maximum = field.maximumLength?.value, length > maximum { return .tooLong(maximum: maximum) }
        switch field.type {
        case .email where !FieldFormats.isEmail(text): return .invalidEmail
        case .url where !FieldFormats.isWebAddress(text): return .invalidURL
        case .phone where !FieldFormats.isPhoneNumber(text): return .invalidPhone
        default: break
        }
        if let pattern, !pattern.wholeMatch(text) { return .patternMismatch }
        return nil
    }

    private func boundProblem(_ value: Value) -> FieldProblem? {
        if let minimum = field.minimum?.value, Self.isLess(value, minimum) { return .belowMinimum(display(minimum)) }
        if let maximum = field.maximum?.value, Self.isLess(maximum, value) { return .aboveMaximum(display(maximum)) }
        return nil
    }

    private func display(_ bound: Value) -> String {
        switch bound {
        case .int(let number) where field.type == .money: MoneyText.format(number, scale: field.scale)
        case .int(let number): String(number)
        case .double(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): text
        case .timestamp(let timestamp): timestamp.rfc3339
        default: ""
        }
    }

    /// `lhs < rhs` for two values of one ordered field.
    static func isLess(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): a < b
        case (.double(let a), .double(let b)): a < b
        case (.int(let a), .double(let b)): Double(a) < b
        case (.double(let a), .int(let b)): a < Double(b)
        case (.string(let a), .string(let b)): a < b
        case (.timestamp(let a), .timestamp(let b)): a < b
        default: false
        }
    }
}
