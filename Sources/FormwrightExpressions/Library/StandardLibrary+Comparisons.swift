import FormwrightCore

extension StandardLibrary {
    static let orderedPairs: [(ExpressionType, ExpressionType, String)] = [
        (.int, .int, "int64"), (.uint, .uint, "uint64"), (.double, .double, "double"),
        (.int, .uint, "int64_uint64"), (.int, .double, "int64_double"), (.uint, .int, "uint64_int64"),
        (.uint, .double, "uint64_double"), (.double, .int, "double_int64"), (.double, .uint, "double_uint64"),
        (.string, .string, "string"), (.bytes, .bytes, "bytes"), (.bool, .bool, "bool"),
        (.timestamp, .timestamp, "timestamp"), (.duration, .duration, "duration"),
    ]

    /// The sign of `lhs - rhs` for two orderable values, or nil when unordered (NaN).
    static func order(_ lhs: RuntimeValue, _ rhs: RuntimeValue) throws(EvaluationError) -> Int? {
        guard case .value(let left) = lhs, case .value(let right) = rhs else { throw mismatch(lhs, rhs) }
        switch (left, right) {
        case (.string(let a), .string(let b)):
            if a.utf8.elementsEqual(b.utf8) { return 0 }
            return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
        case (.bytes(let a), .bytes(let b)):
            if a == b { return 0 }
            return a.lexicographicallyPrecedes(b) ? -1 : 1
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (!a ? -1 : 1)
        case (.timestamp(let a), .timestamp(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.duration(let a), .duration(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        default:
            guard left.isNumber, right.isNumber else { throw mismatch(lhs, rhs) }
            return ValueSemantics.compareNumbers(left, right)
        }
    }

    static func ordering(_ prefix: String, _ accept: @escaping @Sendable (Int) -> Bool) -> [Overload] {
        orderedPairs.map { first, second, suffix in
            let id = "\(prefix)_\(suffix)"
            switch (first, second) {
            case (.int, .int):
                // The most common comparison gets a direct path.
                return binary(id, first, second, .bool) { a, b throws(EvaluationError) in
                    guard case .value(.int(let x)) = a, case .value(.int(let y)) = b else { throw mismatch(a, b) }
                    return .value(.bool(accept(x < y ? -1 : (x == y ? 0 : 1))))
                }
            case (.double, .double):
                return binary(id, first, second, .bool) { a, b throws(EvaluationError) in
                    guard case .value(.double(let x)) = a, case .value(.double(let y)) = b else { throw mismatch(a, b) }
                    if x.isNaN || y.isNaN { return .false }
                    return .value(.bool(accept(x < y ? -1 : (x == y ? 0 : 1))))
                }
            default:
                return binary(id, first, second, .bool) { a, b throws(EvaluationError) in
                    guard let sign = try order(a, b) else { return .false }
                    return .value(.bool(accept(sign)))
                }
            }
        }
    }

    static let comparisons: [String: [Overload]] = [
        "_==_": [
            binary("equals", .parameter("A"), .parameter("A"), .bool) { a, b in .value(.bool(ValueSemantics.equals(a, b))) }
        ],
        "_!=_": [
            binary("not_equals", .parameter("A"), .parameter("A"), .bool) { a, b in .value(.bool(!ValueSemantics.equals(a, b))) }
        ],
        "_<_": ordering("less", { $0 < 0 }),
        "_<=_": ordering("less_equals", { $0 <= 0 }),
        "_>_": ordering("greater", { $0 > 0 }),
        "_>=_": ordering("greater_equals", { $0 >= 0 }),
        "@in": [
            binary("in_list", .parameter("A"), .list(.parameter("A")), .bool) { a, b throws(EvaluationError) in
                guard case .value(.list(let list)) = b else { throw mismatch(a, b) }
                guard case .value(let needle) = a else { return .false }
                return .value(.bool(list.contains { ValueSemantics.equals(needle, $0) }))
            },
            binary("in_map", .parameter("K"), .map(key: .parameter("K"), value: .parameter("V")), .bool) { a, b throws(EvaluationError) in
                guard case .value(.map(let map)) = b else { throw mismatch(a, b) }
                guard case .value(let key) = a else { return .false }
                return .value(.bool(ValueSemantics.lookup(map, key) != nil))
            },
        ],
    ]
}
