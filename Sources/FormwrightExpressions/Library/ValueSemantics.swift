public import FormwrightCore

/// CEL's equality, ordering and map-key rules over values, shared by the operators and the macros.
public enum ValueSemantics {
    /// CEL equality: numbers compare exactly across int, uint and double; strings by code points;
    /// lists and maps element by element; values of different kinds are unequal.
    public static func equals(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.int, .int), (.uint, .uint), (.double, .double), (.int, .uint), (.uint, .int), (.int, .double),
            (.double, .int), (.uint, .double), (.double, .uint):
            return compareNumbers(lhs, rhs) == 0
        case (.string(let left), .string(let right)):
            return left.utf8.elementsEqual(right.utf8)
        case (.list(let left), .list(let right)):
            guard left.count == right.count else { return false }
            for (leftElement, rightElement) in zip(left, right) where !equals(leftElement, rightElement) { return false }
            return true
        case (.map(let left), .map(let right)):
            guard left.count == right.count else { return false }
            for (key, value) in left.entries {
                guard let other = lookup(right, key), equals(value, other) else { return false }
            }
            return true
        case (.null, .null): return true
        case (.bool(let left), .bool(let right)): return left == right
        case (.bytes(let left), .bytes(let right)): return left == right
        case (.timestamp(let left), .timestamp(let right)): return left == right
        case (.duration(let left), .duration(let right)): return left == right
        default: return false
        }
    }

    /// Equality of run-time values, type values included.
    static func equals(_ lhs: RuntimeValue, _ rhs: RuntimeValue) -> Bool {
        switch (lhs, rhs) {
        case (.value(let left), .value(let right)): equals(left, right)
        case (.type(let left), .type(let right)): left == right
        default: false
        }
    }

    /// The sign of `lhs - rhs` for two numbers of any numeric kinds, exactly; nil when either is NaN or not a number.
    public static func compareNumbers(_ lhs: Value, _ rhs: Value) -> Int? {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.uint(let a), .uint(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.double(let a), .double(let b)):
            if a.isNaN || b.isNaN { return nil }
            return a < b ? -1 : (a == b ? 0 : 1)
        case (.int(let a), .uint(let b)):
            if a < 0 { return -1 }
            let magnitude = UInt64(a)
            return magnitude < b ? -1 : (magnitude == b ? 0 : 1)
        case (.uint, .int): return compareNumbers(rhs, lhs).map { -$0 }
        case (.int(let a), .double(let b)): return compare(a, b)
        case (.double, .int): return compareNumbers(rhs, lhs).map { -$0 }
        case (.uint(let a), .double(let b)): return compare(a, b)
        case (.double, .uint): return compareNumbers(rhs, lhs).map { -$0 }
        default: return nil
        }
    }

    // Integers compare with doubles as CEL's reference implementation does: beyond the integer
    // range the double decides, inside it the integer is converted to double.
    static func compare(_ integer: Int64, _ double: Double) -> Int? {
        if double.isNaN { return nil }
        if double < -9_223_372_036_854_775_808.0 { return 1 }
        if double > 9_223_372_036_854_775_808.0 { return -1 }
        let converted = Double(integer)
        return converted < double ? -1 : (converted == double ? 0 : 1)
    }

    static func compare(_ integer: UInt64, _ double: Double) -> Int? {
        if double.isNaN { return nil }
        if double < 0 { return 1 }
        if double > 18_446_744_073_709_551_616.0 { return -1 }
        let converted = Double(integer)
        return converted < double ? -1 : (converted == double ? 0 : 1)
    }

    /// Looks a key up with CEL's numeric key rules: `1`, `1u` and `1.0` find the same entry.
    public static func lookup(_ map: ValueMap, _ key: Value) -> Value? {
        if let found = map[key] { return found }
        switch key {
        case .int(let value):
            return value >= 0 ? map[.uint(UInt64(value))] : nil
        case .uint(let value):
            return value <= UInt64(Int64.max) ? map[.int(Int64(value))] : nil
        case .double(let value):
            if let exact = Int64(exactly: value), let found = map[.int(exact)] { return found }
            if let exact = UInt64(exactly: value) { return map[.uint(exact)] }
            return nil
        default:
            return nil
        }
    }

    /// Whether a value may be a map key (int, uint, bool or string).
    static func isValidKey(_ key: Value) -> Bool {
        switch key {
        case .int, .uint, .bool, .string: true
        default: false
        }
    }
}
