public import FormwrightCore

/// One field of a stored table: its name, its type, whether its values must be unique and whether
/// the store keeps an index on it.
public struct ColumnSchema: Sendable, Hashable {
    /// The field's name, as the app spells it (any text without NUL characters).
    public var name: String
    /// What the column holds.
    public var type: ColumnType
    /// Whether two records may not hold the same non-null value; nulls never collide.
    public var isUnique: Bool
    /// Whether the store keeps an index on the field so that filters and sorts on it are fast;
    /// a unique field's own index already serves, so it gets no second one.
    public var isIndexed: Bool
    /// The field's former name, when the app renamed it (`renamed_from:`); used only by migration plans.
    public var renamedFrom: String?
    /// The value existing records get when the field is added to a table that already has records;
    /// nil leaves them empty. Used only by migration plans.
    public var backfill: Value?
    /// The `=` expression that fills the field of existing records when it is added (its default
    /// or its computation), as the app wrote it; the filling itself is the app's work, done in the
    /// migration's transaction. Used only by migration plans.
    public var fillExpression: String?
    /// The field's type as the app names it (`number`, `choice`), for plan descriptions; nil shows ``ColumnType/name``.
    public var typeLabel: String?

    /// Creates a column description.
    ///
    /// - Parameters:
    ///   - name: the field's name.
    ///   - type: what the column holds.
    ///   - isUnique: whether non-null values must be unique across the table.
    ///   - isIndexed: whether the store keeps an index on the field.
    ///   - renamedFrom: the field's former name, when it was renamed.
    ///   - backfill: the value existing records get when the field is added.
    ///   - fillExpression: the `=` expression that fills the field of existing records when it is added.
    ///   - typeLabel: the type's name as the app spells it, for messages.
    public init(
        name: String, type: ColumnType, isUnique: Bool = false, isIndexed: Bool = false, renamedFrom: String? = nil,
        backfill: Value? = nil, fillExpression: String? = nil, typeLabel: String? = nil
    ) {
        self.name = name
        self.type = type
        self.isUnique = isUnique
        self.isIndexed = isIndexed
        self.renamedFrom = renamedFrom
        self.backfill = backfill
        self.fillExpression = fillExpression
        self.typeLabel = typeLabel
    }

    /// Whether the field needs a plain (not unique) index of its own: it is indexed and not
    /// unique, since a unique field's index already serves filters and sorts.
    public var needsPlainIndex: Bool { isIndexed && !isUnique }
}
