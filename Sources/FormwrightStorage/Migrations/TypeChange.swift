/// A field whose stored type changes: what a ``MigrationStep/changeType(_:)`` step converts.
public struct TypeChange: Sendable, Hashable {
    /// The field's table.
    public var table: String
    /// The field.
    public var field: String
    /// The type the store holds now.
    public var from: ColumnType
    /// The type the app wants.
    public var to: ColumnType
    /// The old type's name in messages.
    public var fromLabel: String
    /// The new type's name in messages (as the app spells it, such as `number`).
    public var toLabel: String

    /// Creates a type change; the labels default to the column types' names.
    ///
    /// - Parameters:
    ///   - table: the field's table.
    ///   - field: the field.
    ///   - from: the stored type.
    ///   - to: the wanted type.
    ///   - fromLabel: the old type's name in messages.
    ///   - toLabel: the new type's name in messages.
    public init(table: String, field: String, from: ColumnType, to: ColumnType, fromLabel: String? = nil, toLabel: String? = nil) {
        self.table = table
        self.field = field
        self.from = from
        self.to = to
        self.fromLabel = fromLabel ?? from.name
        self.toLabel = toLabel ?? to.name
    }

    /// Whether every stored value fits the new type unchanged (``ColumnType/widens(to:)``).
    public var isWidening: Bool { from.widens(to: to) }
}
