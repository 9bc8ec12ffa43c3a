import FormwrightCore

/// The string functions of CEL's strings extension that business rules need most: indexes and
/// substrings count code points; `trim` removes Unicode white space; casing changes ASCII letters only.
extension StandardLibrary {
    /// The most scalars (or UTF-8 bytes) `replace` and `join` build before the evaluation's own size
    /// limit is applied to their result; it stops a single call from allocating without bound first.
    static let constructionCap = 10_000_000

    static let constructionError = EvaluationError(
        "evaluation would build a string longer than \(constructionCap) characters", isBudgetExceeded: true)

    static func scalars(_ value: RuntimeValue) throws(EvaluationError) -> [Unicode.Scalar] {
        guard case .value(.string(let text)) = value else { throw mismatch(value) }
        return Array(text.unicodeScalars)
    }

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> RuntimeValue {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return .value(.string(String(view)))
    }

    static func integer(_ value: RuntimeValue) throws(EvaluationError) -> Int {
        guard case .value(.int(let number)) = value else { throw mismatch(value) }
        guard let converted = Int(exactly: number) else { throw EvaluationError("index out of range: \(number)") }
        return converted
    }

    /// Code point offsets at which `needle` occurs in `text`, searching from `start` up.
    static func occurrences(of needle: [Unicode.Scalar], in text: [Unicode.Scalar], from start: Int) -> [Int] {
        guard needle.count <= text.count else { return [] }
        var found: [Int] = []
        var index = start
        while index + needle.count <= text.count {
            if text[index..<(index + needle.count)].elementsEqual(needle) { found.append(index) }
            index += 1
        }
        return found
    }

    static func index(_ arguments: [RuntimeValue], last: Bool) throws(EvaluationError) -> RuntimeValue {
        guard arguments.count == 2 || arguments.count == 3 else { throw EvaluationError("wrong number of arguments") }
        let text = try scalars(arguments[0])
        let needle = try scalars(arguments[1])
        let offset = arguments.count == 3 ? try integer(arguments[2]) : (last ? text.count : 0)
        guard offset >= 0, offset <= text.count else { throw EvaluationError("index out of range: \(offset)") }
        if needle.isEmpty { return .value(.int(Int64(offset))) }
        if last {
            let candidates = occurrences(of: needle, in: text, from: 0).filter { $0 <= offset }
            return .value(.int(Int64(candidates.last ?? -1)))
        }
        guard needle.count <= text.count else { return .value(.int(-1)) }
        var index = offset
        while index + needle.count <= text.count {
            if text[index..<(index + needle.count)].elementsEqual(needle) { return .value(.int(Int64(index))) }
            index += 1
        }
        return .value(.int(-1))
    }

    static func replace(_ arguments: [RuntimeValue]) throws(EvaluationError) -> RuntimeValue {
        guard arguments.count == 3 || arguments.count == 4 else { throw EvaluationError("wrong number of arguments") }
        let text = try scalars(arguments[0])
        let old = try scalars(arguments[1])
        let new = try scalars(arguments[2])
        var remaining = arguments.count == 4 ? try integer(arguments[3]) : -1
        var output: [Unicode.Scalar] = []
        var index = 0
        while index <= text.count {
            let matches = remaining != 0 && index + old.count <= text.count && text[index..<(index + old.count)].elementsEqual(old)
            if matches {
                guard output.count + new.count <= constructionCap else { throw constructionError }
                output.append(contentsOf: new)
                if remaining > 0 { remaining -= 1 }
                if old.isEmpty {
                    if index < text.count { output.append(text[index]) }
                    index += 1
                } else {
                    index += old.count
                }
            } else {
                if index < text.count { output.append(text[index]) }
                index += 1
            }
        }
        return string(output)
    }

    static func split(_ arguments: [RuntimeValue]) throws(EvaluationError) -> RuntimeValue {
        guard arguments.count == 2 || arguments.count == 3 else { throw EvaluationError("wrong number of arguments") }
        let text = try scalars(arguments[0])
        let separator = try scalars(arguments[1])
        let limit = arguments.count == 3 ? try integer(arguments[2]) : -1
        if limit == 0 { return .value(.list([])) }
        var parts: [[Unicode.Scalar]] = []
        if separator.isEmpty {
            for scalar in text {
                if limit > 0, parts.count == limit - 1 { break }
                parts.append([scalar])
            }
            let used = parts.count
            if used < text.count { parts.append(Array(text[used...])) }
        } else {
            var start = 0
            var index = 0
            while index + separator.count <= text.count, limit < 0 || parts.count < limit - 1 {
                if text[index..<(index + separator.count)].elementsEqual(separator) {
                    parts.append(Array(text[start..<index]))
                    index += separator.count
                    start = index
                } else {
                    index += 1
                }
            }
            parts.append(Array(text[start...]))
        }
        return .value(.list(parts.map { part in
            guard case .value(let value) = string(part) else { return .null }
            return value
        }))
    }

    static func substring(_ arguments: [RuntimeValue]) throws(EvaluationError) -> RuntimeValue {
        guard arguments.count == 2 || arguments.count == 3 else { throw EvaluationError("wrong number of arguments") }
        let text = try scalars(arguments[0])
        let start = try integer(arguments[1])
        let end = arguments.count == 3 ? try integer(arguments[2]) : text.count
        guard start >= 0, end <= text.count, start <= end else {
            throw EvaluationError("substring range \(start)..<\(end) is out of bounds for a string of length \(text.count)")
        }
        return string(text[start..<end])
    }

    static func variadic(
        _ id: String, _ parameters: [ExpressionType], _ result: ExpressionType, grows: Bool = false,
        _ body: @escaping @Sendable ([RuntimeValue]) throws(EvaluationError) -> RuntimeValue
    ) -> Overload {
        Overload(id, parameters, result, member: true, grows: grows, .variadic(body))
    }

    static let stringExtensions: [String: [Overload]] = [
        "charAt": [
            binary("string_char_at_int", .string, .int, .string, member: true) { a, b throws(EvaluationError) in
                let text = try scalars(a)
                let index = try integer(b)
                guard index >= 0, index <= text.count else { throw EvaluationError("index out of range: \(index)") }
                return index == text.count ? .value(.string("")) : string([text[index]])
            }
        ],
        "indexOf": [
            binary("string_index_of_string", .string, .string, .int, member: true) { a, b throws(EvaluationError) in
                try index([a, b], last: false)
            },
            variadic("string_index_of_string_int", [.string, .string, .int], .int) { arguments throws(EvaluationError) in
                try index(arguments, last: false)
            },
        ],
        "lastIndexOf": [
            binary("string_last_index_of_string", .string, .string, .int, member: true) { a, b throws(EvaluationError) in
                try index([a, b], last: true)
            },
            variadic("string_last_index_of_string_int", [.string, .string, .int], .int) { arguments throws(EvaluationError) in
                try index(arguments, last: true)
            },
        ],
        "lowerAscii": [
            unary("string_lower_ascii", .string, .string, member: true) { a throws(EvaluationError) in
                string(try scalars(a).map { $0 >= "A" && $0 <= "Z" ? Unicode.Scalar($0.value + 32) ?? $0 : $0 })
            }
        ],
        "upperAscii": [
            unary("string_upper_ascii", .string, .string, member: true) { a throws(EvaluationError) in
                string(try scalars(a).map { $0 >= "a" && $0 <= "z" ? Unicode.Scalar($0.value - 32) ?? $0 : $0 })
            }
        ],
        "replace": [
            variadic("string_replace_string_string", [.string, .string, .string], .string, grows: true) { arguments throws(EvaluationError) in
                try replace(arguments)
            },
            variadic("string_replace_string_string_int", [.string, .string, .string, .int], .string, grows: true) { arguments throws(EvaluationError) in
                try replace(arguments)
            },
        ],
        "split": [
            binary("string_split_string", .string, .string, .list(.string), member: true) { a, b throws(EvaluationError) in
                try split([a, b])
            },
            variadic("string_split_string_int", [.string, .string, .int], .list(.string)) { arguments throws(EvaluationError) in
                try split(arguments)
            },
        ],
        "substring": [
            binary("string_substring_int", .string, .int, .string, member: true) { a, b throws(EvaluationError) in try substring([a, b]) },
            variadic("string_substring_int_int", [.string, .int, .int], .string) { arguments throws(EvaluationError) in
                try substring(arguments)
            },
        ],
        "trim": [
            unary("string_trim", .string, .string, member: true) { a throws(EvaluationError) in
                let text = try scalars(a)
                guard let first = text.firstIndex(where: { !$0.properties.isWhitespace }),
                    let last = text.lastIndex(where: { !$0.properties.isWhitespace })
                else { return .value(.string("")) }
                return string(text[first...last])
            }
        ],
        "reverse": [
            unary("string_reverse", .string, .string, member: true) { a throws(EvaluationError) in string(try scalars(a).reversed()) }
        ],
        "join": [
            unary("list_join", .list(.string), .string, member: true, grows: true) { a throws(EvaluationError) in try join(a, separator: "") },
            binary("list_join_string", .list(.string), .string, .string, member: true, grows: true) { a, b throws(EvaluationError) in
                guard case .value(.string(let separator)) = b else { throw mismatch(a, b) }
                return try join(a, separator: separator)
            },
        ],
    ]

    static func join(_ list: RuntimeValue, separator: String) throws(EvaluationError) -> RuntimeValue {
        guard case .value(.list(let elements)) = list else { throw mismatch(list) }
        var parts: [String] = []
        var total = 0
        for element in elements {
            guard case .string(let text) = element else { throw EvaluationError("join() needs a list of strings") }
            total += text.utf8.count + separator.utf8.count
            guard total <= constructionCap else { throw constructionError }
            parts.append(text)
        }
        return .value(.string(parts.joined(separator: separator)))
    }
}
