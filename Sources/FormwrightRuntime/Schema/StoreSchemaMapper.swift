public import FormwrightDefinition
public import FormwrightStorage

/// Derives the storage schema from an app definition: one table per app table, one typed column per field.
public enum StoreSchemaMapper {
    /// The tables storage must hold for an app.
    public static func tables(of app: AppDefinition) -> [TableSchema] {
        app.tables.map { table in
            TableSchema(
                name: table.name.value,
                columns: table.fields.map { ColumnSchema(name: $0.name.value, type: columnType(of: $0), isUnique: $0.isUnique) })
        }
    }

    /// The column type that stores a field's values.
    public static func columnType(of field: FieldDefinition) -> ColumnType {
        switch field.type {
        case .text, .longtext, .email, .phone, .url, .choice: .text
        case .integer: .integer
        case .number: .double
        case .money: .money(scale: field.scale)
        case .boolean: .boolean
        case .date: .date
        case .datetime: .timestamp
        case .multichoice: .textList
        case .link: .link(table: field.linkedTable?.value ?? "")
        }
    }
}
