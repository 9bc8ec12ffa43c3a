public import FormwrightExpressions

/// The names an expression about one table's records may use, and a compiler for them.
///
/// Every field is declared by its bare name (`sentiment`) and inside `record` (`record.sentiment`),
/// with the type `FieldDefinition.expressionType` gives, nullable unless the field is required.
/// Conditions, rules, defaults and filters also see `user` (a map describing who acts) and `now`;
/// computed fields see only the record and `now`, so that the same record always computes the same
/// values whoever writes it. No expression can name another record or table.
public struct TableScope: Sendable {
    /// The table's name.
    public let table: String
    /// The record type: every field with its declared type.
    public let recordType: RecordType
    /// The declarations of conditions, rules, defaults and filters.
    public let declarations: Declarations
    /// The declarations of computed fields: the same without `user`.
    public let computeDeclarations: Declarations
    /// The options of each choice and multichoice field, by field name.
    public let options: [String: [String]]

    /// Derives the scope of a table.
    public init(table: TableDefinition) {
        self.table = table.name.value
        var fields: [String: ExpressionType] = [:]
        var sizes: [String: UInt64] = [:]
        for field in table.fields {
            fields[field.name.value] = field.declaredExpressionType
            if let size = field.expressionMaxSize { sizes[field.name.value] = size }
        }
        options = Dictionary(uniqueKeysWithValues: table.fields.filter(\.type.hasOptions).map { ($0.name.value, $0.options.map(\.value)) })
        let record = RecordType(name: table.name.value, fields: fields, maxSizes: sizes)
        recordType = record
        var compute = Declarations()
        compute.declareFields(of: record)
        compute.declare("record", .record(record))
        compute.declare("now", .timestamp)
        computeDeclarations = compute
        var general = compute
        general.declare("user", .map(key: .string, value: .dyn))
        declarations = general
    }

    /// A compiler for conditions, rules, defaults and filters, or for computed fields.
    public func compiler(forComputedField: Bool = false) -> ExpressionCompiler {
        ExpressionCompiler(declarations: forComputedField ? computeDeclarations : declarations)
    }
}
