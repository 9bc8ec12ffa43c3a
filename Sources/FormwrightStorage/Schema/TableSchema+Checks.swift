public import FormwrightCore

extension TableSchema {
    /// The column named `name`, or ``StorageError/Code/unknownField``.
    public func requireColumn(_ name: String) throws -> ColumnSchema {
        guard let column = column(named: name) else { throw StorageError.unknownField(name, table: self.name) }
        return column
    }

    /// Each given field's column and stored value, in schema order; unknown fields and values
    /// that do not fit throw.
    public func encode(fields: [String: Value]) throws -> [(column: ColumnSchema, value: ColumnValue)] {
        for name in fields.keys.sorted() where column(named: name) == nil {
            throw StorageError.unknownField(name, table: self.name)
        }
        return try columns.compactMap { column in
            guard let value = fields[column.name] else { return nil }
            return (column, try column.type.encode(value, field: column.name, table: self.name))
        }
    }

    /// The sort's field column, or nil when it sorts by a fixed property; an unknown or
    /// unsortable field throws.
    public func sortColumn(for sort: RecordSort) throws -> ColumnSchema? {
        guard case .field(let name) = sort.key else { return nil }
        let column = try requireColumn(name)
        guard column.type.isSortable else {
            throw StorageError(
                .invalidQuery, "field '\(name)' of table '\(self.name)' holds a list and cannot be sorted by", table: self.name,
                field: name)
        }
        return column
    }

    /// Checks a query's limit and cursor against this table, returning the cursor's position.
    public func checkPaging(_ query: RecordQuery) throws -> PageCursor? {
        guard (1...RecordQuery.maximumLimit).contains(query.limit) else {
            throw StorageError(.invalidQuery, "a page holds 1 to \(RecordQuery.maximumLimit) records, not \(query.limit)", table: name)
        }
        _ = try sortColumn(for: query.sort)
        return try query.after.map { try PageCursor(text: $0, for: query.sort) }
    }
}
