import FormwrightCore
public import FormwrightDefinition
public import FormwrightStorage

extension RecordSort {
    /// The order of a records list that names none: oldest first (by `created_at`, then id).
    public static let listDefault = RecordSort(key: .createdAt)

    /// Reads the `sort` parameter of a records list: a field's name for ascending order, the
    /// name after `-` for descending; `created_at`, `updated_at` and `id` sort by those
    /// properties. Empty records sort first ascending and last descending; ties go by id.
    ///
    /// - Parameters:
    ///   - parameter: the parameter's text; nil or empty for ``listDefault``.
    ///   - table: the table listed.
    /// - Throws: `RuntimeError(.badRequest)` for an unknown name, with a suggestion when one is
    ///   close, or a multiple-choice field, which cannot be sorted by.
    public init(parameter: String?, table: TableDefinition) throws {
        guard let parameter, !parameter.isEmpty else {
            self = .listDefault
            return
        }
        let descending = parameter.hasPrefix("-")
        let name = descending ? String(parameter.dropFirst()) : parameter
        switch name {
        case "id": self.init(key: .id, descending: descending)
        case "created_at": self.init(key: .createdAt, descending: descending)
        case "updated_at": self.init(key: .updatedAt, descending: descending)
        default:
            guard let field = table.field(named: name) else {
                let known = table.fields.map(\.name.value) + ["created_at", "updated_at", "id"]
                throw RuntimeError(
                    .badRequest, "sort: unknown field '\(name)' in table '\(table.name.value)'" + NameSuggester.hint(for: name, among: known))
            }
            guard StoreSchemaMapper.columnType(of: field).isSortable else {
                throw RuntimeError(.badRequest, "sort: field '\(name)' of table '\(table.name.value)' holds a list and cannot be sorted by")
            }
            self.init(key: .field(name), descending: descending)
        }
    }

    /// The stored value a record has under this sort's key, as a paging cursor records it.
    func value(of record: StoredRecord, table: TableDefinition) throws -> ColumnValue {
        switch key {
        case .id: return .text(record.id)
        case .createdAt: return .integer(ColumnType.microseconds(record.createdAt) ?? 0)
        case .updatedAt: return .integer(ColumnType.microseconds(record.updatedAt) ?? 0)
        case .field(let name):
            guard let field = table.field(named: name) else { throw StorageError.unknownField(name, table: table.name.value) }
            return try StoreSchemaMapper.columnType(of: field).encode(record.fields[name] ?? .null, field: name, table: table.name.value)
        }
    }
}
