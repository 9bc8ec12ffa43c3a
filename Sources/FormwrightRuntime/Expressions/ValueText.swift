import FormwrightCore

/// How a value computed in a message hole reads as text.
enum ValueText {
    static func display(_ value: Value) -> String {
        switch value {
        case .null: ""
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .uint(let number): String(number)
        case .double(let number):
            number.isFinite && number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): text
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .list(let items): items.map(display).joined(separator: ", ")
        case .map(let map): map.entries.map { "\(display($0.key)): \(display($0.value))" }.joined(separator: ", ")
        case .timestamp(let timestamp): timestamp.rfc3339
        case .duration(let span): "\(span.seconds)s"
        }
    }
}
