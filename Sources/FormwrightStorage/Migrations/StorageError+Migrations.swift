extension StorageError {
    /// A field cannot be made unique because records share values; the first five are named.
    ///
    /// - Parameters:
    ///   - table: the table.
    ///   - field: the field.
    ///   - sharedValues: the values more than one record holds, in order (at least the first five).
    ///   - total: how many values are shared in all; `sharedValues.count` when nil.
    public static func notUnique(table: String, field: String, sharedValues: [ColumnValue], total: Int? = nil) -> StorageError {
        let count = max(total ?? sharedValues.count, sharedValues.count)
        let shown = sharedValues.prefix(5).map(\.quotedForMessage).joined(separator: ", ")
        let more = count > 5 ? " and \(count - 5) more" : ""
        return StorageError(
            .incompatibleSchema,
            "field '\(field)' of table '\(table)' cannot be made unique: records share the value\(count == 1 ? "" : "s") \(shown)\(more)",
            table: table, field: field)
    }
}

extension ColumnValue {
    /// The value as a message shows it: text in single quotes, numbers as written.
    var quotedForMessage: String {
        switch self {
        case .null: "empty"
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .text(let text): "'\(text)'"
        }
    }
}
