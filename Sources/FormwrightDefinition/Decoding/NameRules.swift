/// What a table, field or form may be called.
///
/// Names become SQL column and table names and CEL variables, so they are lower case ASCII
/// letters, digits and `_`, start with a letter, are at most 63 bytes (PostgreSQL's limit), and
/// avoid the names expressions and records already use.
enum NameRules {
    /// Names every expression already has, CEL's reserved words, and the columns every record has.
    static let reserved: Set<String> = [
        "record", "user", "now", "env", "old", "steps", "input", "response", "params",
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if",
        "import", "let", "loop", "package", "namespace", "return", "var", "void", "while",
        "id", "version", "created_at", "updated_at", "revision",
    ]

    /// The longest name, in bytes.
    static let maximumLength = 63

    /// Why a name is not allowed, or nil when it is.
    static func problem(with name: String) -> String? {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else {
            return "must start with a lower-case letter"
        }
        guard name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
            return "may hold only lower-case letters, digits and '_'"
        }
        guard name.utf8.count <= maximumLength else { return "is longer than \(maximumLength) characters" }
        return nil
    }

    /// Whether an app name (`app:`) is allowed: lower-case letters, digits and `-`, starting with a letter.
    static func isValidAppName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.utf8.count <= maximumLength else {
            return false
        }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A suggested spelling: lower case, other characters turned into `_`.
    static func suggestion(for name: String) -> String {
        var result = String(String.UnicodeScalarView(name.lowercased().unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? scalar : "_"
        }))
        if let first = result.unicodeScalars.first, !("a"..."z").contains(first) { result = "f_" + result }
        return result
    }
}
