public import FormwrightDefinition
import FormwrightCore
public import FormwrightStorage

/// Derives the storage schema from an app definition: one table per app table, one typed column per field.
public enum StoreSchemaMapper {
    /// The tables storage must hold for an app, with the hints migration plans use: former names
    /// (`renamed_from:`), the literal default that fills a new field of existing records — or the
    /// `=` default or computation that does — and the field type's own name for plan descriptions.
    public static func tables(of app: AppDefinition) -> [TableSchema] {
        app.tables.map { table in
            TableSchema(
                name: table.name.value,
                columns: table.fields.map { field in
                    var backfill: Value?
                    var fill: String?
                    switch field.defaultValue?.value {
                    case .literal(let value)? where value != .null: backfill = value
                    case .expression(let source)?: fill = String(source.text.drop(while: \.isWhitespace))
                    default: fill = field.compute?.text
                    }
                    return ColumnSchema(
                        name: field.name.value, type: columnType(of: field), isUnique: field.isUnique, isIndexed: field.isIndexed,
                        renamedFrom: field.renamedFrom?.value, backfill: backfill, fillExpression: fill, typeLabel: field.type.rawValue)
                },
                renamedFrom: table.renamedFrom?.value)
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
