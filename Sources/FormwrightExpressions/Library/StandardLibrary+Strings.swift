import FormwrightCore

extension StandardLibrary {
    /// Whether `needle` occurs in `haystack`, comparing code points (UTF-8 bytes), not grapheme clusters.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        let text = Array(haystack.utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        guard pattern.count <= text.count else { return false }
        for start in 0...(text.count - pattern.count) where text[start] == pattern[0] {
            if text[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }

    static func stringPredicate(
        _ id: String, _ test: @escaping @Sendable (String, String) -> Bool
    ) -> Overload {
        binary(id, .string, .string, .bool, member: true) { a, b throws(EvaluationError) in
            guard case .value(.string(let x)) = a, case .value(.string(let y)) = b else { throw mismatch(a, b) }
            return .value(.bool(test(x, y)))
        }
    }

    static func matches(_ a: RuntimeValue, _ b: RuntimeValue) throws(EvaluationError) -> RuntimeValue {
        guard case .value(.string(let text)) = a, case .value(.string(let pattern)) = b else { throw mismatch(a, b) }
        do {
            let regex = try LinearRegex(pattern)
            return .value(.bool(regex.firstMatch(in: text)))
        } catch {
            throw EvaluationError("invalid regular expression '\(pattern)': \(error.message)")
        }
    }

    static let strings: [String: [Overload]] = [
        "contains": [stringPredicate("contains_string") { contains($0, $1) }],
        "startsWith": [stringPredicate("starts_with_string") { $0.utf8.starts(with: $1.utf8) }],
        "endsWith": [stringPredicate("ends_with_string") { $0.utf8.reversed().starts(with: $1.utf8.reversed()) }],
        "matches": [
            binary("matches", .string, .string, .bool, matches),
            binary("matches_string", .string, .string, .bool, member: true, matches),
        ],
    ]
}
