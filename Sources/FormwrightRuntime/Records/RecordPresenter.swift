public import FormwrightCore
public import FormwrightDefinition
public import FormwrightStorage

/// Shapes a stored record for the outside world: one flat object of its fields by name, plus
/// `id`, `version`, `created_at` and `updated_at`; money as decimal text, datetimes as RFC 3339.
public struct RecordPresenter: Sendable {
    /// The table the records belong to.
    public let table: TableDefinition

    /// Creates a presenter for a table's records.
    public init(table: TableDefinition) {
        self.table = table
    }

    /// The record as a JSON-ready map, fields in the table's order.
    public func object(_ record: StoredRecord) -> Value {
        var map = ValueMap()
        map[.string("id")] = .string(record.id)
        for field in table.fields {
            map[.string(field.name.value)] = display(record.fields[field.name.value] ?? .null, of: field)
        }
        map[.string("version")] = .int(record.version)
        map[.string("created_at")] = .string(record.createdAt.rfc3339)
        map[.string("updated_at")] = .string(record.updatedAt.rfc3339)
        return .map(map)
    }

    /// A field's value as JSON shows it.
    public func display(_ value: Value, of field: FieldDefinition) -> Value {
        switch (field.type, value) {
        case (.money, .int(let minor)): .string(MoneyText.format(minor, scale: field.scale))
        case (_, .timestamp(let timestamp)): .string(timestamp.rfc3339)
        default: value
        }
    }

    /// A field's value as text for a page or a form box (`""` when empty).
    public func text(_ value: Value, of field: FieldDefinition) -> String {
        switch display(value, of: field) {
        case .null: ""
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .list(let items): items.map { if case .string(let text) = $0 { text } else { JSONWriter.write($0) } }.joined(separator: ", ")
        case let other: JSONWriter.write(other)
        }
    }
}
