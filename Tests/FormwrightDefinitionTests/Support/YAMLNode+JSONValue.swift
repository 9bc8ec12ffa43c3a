import FormwrightCore
import FormwrightDefinition

extension YAMLNode {
    /// The node as an editor's YAML language server sees it (YAML 1.2 core schema): plain
    /// `true`/`false`, `null`/`~`/empty and numbers are typed, everything else is text.
    var jsonValue: Value {
        switch content {
        case .mapping(let entries):
            return .map(ValueMap(entries.map { (.string($0.key), $0.value.jsonValue) }))
        case .sequence(let items):
            return .list(items.map(\.jsonValue))
        case .scalar(let text, let style):
            guard style == .plain else { return .string(text) }
            switch text {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "", "~", "null": return .null
            default:
                if let integer = Int64(text) { return .int(integer) }
                if text.contains(where: { $0.isNumber }), let number = Double(text), number.isFinite,
                    text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) })
                {
                    return .double(number)
                }
                return .string(text)
            }
        }
    }
}
