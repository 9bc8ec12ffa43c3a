import FormwrightCore

extension StandardLibrary {
    /// `list[index]` with an int, uint or whole double index.
    static func element(_ list: [Value], _ index: Value) throws(EvaluationError) -> Value {
        let position: Int?
        switch index {
        case .int(let value): position = Int(exactly: value)
        case .uint(let value): position = Int(exactly: value)
        case .double(let value):
            guard let whole = Int(exactly: value) else { throw EvaluationError("invalid list index \(value)") }
            position = whole
        default: throw EvaluationError("no matching overload for index of type '\(index.kindName)' on a list")
        }
        guard let position, position >= 0, position < list.count else {
            throw EvaluationError("index out of range: \(ValueJSONRenderer.render(index)) for a list of \(list.count) elements")
        }
        return list[position]
    }

    /// `map[key]`, failing when the key is absent.
    static func entry(_ map: ValueMap, _ key: Value) throws(EvaluationError) -> Value {
        guard ValueSemantics.isValidKey(key) || key.isNumber else {
            throw EvaluationError("unsupported key type '\(key.kindName)'")
        }
        guard let found = ValueSemantics.lookup(map, key) else { throw EvaluationError("no such key: \(ValueJSONRenderer.render(key))") }
        return found
    }

    static func size(of value: RuntimeValue) throws(EvaluationError) -> RuntimeValue {
        switch value {
        case .value(.string(let text)): return .value(.int(Int64(text.unicodeScalars.count)))
        case .value(.bytes(let bytes)): return .value(.int(Int64(bytes.count)))
        case .value(.list(let list)): return .value(.int(Int64(list.count)))
        case .value(.map(let map)): return .value(.int(Int64(map.count)))
        default: throw mismatch(value)
        }
    }

    static let collections: [String: [Overload]] = [
        "_[_]": [
            binary("index_list", .list(.parameter("A")), .int, .parameter("A")) { a, b throws(EvaluationError) in
                guard case .value(.list(let list)) = a, case .value(let index) = b else { throw mismatch(a, b) }
                return .value(try element(list, index))
            },
            binary("index_list_dyn", .list(.parameter("A")), .dyn, .parameter("A")) { a, b throws(EvaluationError) in
                guard case .value(.list(let list)) = a, case .value(let index) = b else { throw mismatch(a, b) }
                return .value(try element(list, index))
            },
            binary("index_map", .map(key: .parameter("K"), value: .parameter("V")), .parameter("K"), .parameter("V")) {
                a, b throws(EvaluationError) in
                guard case .value(.map(let map)) = a, case .value(let key) = b else { throw mismatch(a, b) }
                return .value(try entry(map, key))
            },
        ],
        "size": [
            unary("size_string", .string, .int) { a throws(EvaluationError) in try size(of: a) },
            unary("size_bytes", .bytes, .int) { a throws(EvaluationError) in try size(of: a) },
            unary("size_list", .list(.parameter("A")), .int) { a throws(EvaluationError) in try size(of: a) },
            unary("size_map", .map(key: .parameter("K"), value: .parameter("V")), .int) { a throws(EvaluationError) in try size(of: a) },
            unary("string_size", .string, .int, member: true) { a throws(EvaluationError) in try size(of: a) },
            unary("bytes_size", .bytes, .int, member: true) { a throws(EvaluationError) in try size(of: a) },
            unary("list_size", .list(.parameter("A")), .int, member: true) { a throws(EvaluationError) in try size(of: a) },
            unary("map_size", .map(key: .parameter("K"), value: .parameter("V")), .int, member: true) { a throws(EvaluationError) in
                try size(of: a)
            },
        ],
    ]
}
