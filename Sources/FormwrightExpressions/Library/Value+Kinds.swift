import FormwrightCore

extension Value {
    /// Whether the value is an int, uint or double.
    var isNumber: Bool {
        switch self {
        case .int, .uint, .double: true
        default: false
        }
    }
}
