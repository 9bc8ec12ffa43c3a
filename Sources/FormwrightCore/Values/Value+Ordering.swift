extension Value {
    /// Whether this value sorts before another of the same ordered kind (numbers, text, timestamps);
    /// nil when the two do not compare. Integers and doubles compare by their numeric value.
    public func isLess(than other: Value) -> Bool? {
        switch (self, other) {
        case (.int(let a), .int(let b)): a < b
        case (.double(let a), .double(let b)): a < b
        case (.int(let a), .double(let b)): Double(a) < b
        case (.double(let a), .int(let b)): a < Double(b)
        case (.string(let a), .string(let b)): a < b
        case (.timestamp(let a), .timestamp(let b)): a < b
        default: nil
        }
    }
}
