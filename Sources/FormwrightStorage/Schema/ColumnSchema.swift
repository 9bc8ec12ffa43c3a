/// One field of a stored table: its name, its type and whether its values must be unique.
public struct ColumnSchema: Sendable, Hashable {
    /// The field's name, as the app spells it (any text without NUL characters).
    public var name: String
    /// What the column holds.
    public var type: ColumnType
    /// Whether two records may not hold the same non-null value; nulls never collide.
    public var isUnique: Bool

    /// Creates a column description.
    ///
    /// - Parameters:
    ///   - name: the field's name.
    ///   - type: what the column holds.
    ///   - isUnique: whether non-null values must be unique across the table.
    public init(name: String, type: ColumnType, isUnique: Bool = false) {
        self.name = name
        self.type = type
        self.isUnique = isUnique
    }
}
