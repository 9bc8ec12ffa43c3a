/// One stored table of an app: its name and its fields, as storage needs to know them.
///
/// Every record also has the fixed properties of ``StoredRecord`` (id, version, timestamps,
/// revision); they are not listed here.
public struct TableSchema: Sendable, Hashable {
    /// The table's name inside its app.
    public var name: String
    /// The table's fields, in the order the app declares them.
    public var columns: [ColumnSchema]
    /// The table's former name, when the app renamed it (`renamed_from:`); used only by migration plans.
    public var renamedFrom: String?

    /// Creates a table description.
    ///
    /// - Parameters:
    ///   - name: the table's name inside its app.
    ///   - columns: the table's fields.
    ///   - renamedFrom: the table's former name, when it was renamed.
    public init(name: String, columns: [ColumnSchema], renamedFrom: String? = nil) {
        self.name = name
        self.columns = columns
        self.renamedFrom = renamedFrom
    }

    /// The column named `name`, or nil.
    public func column(named name: String) -> ColumnSchema? {
        columns.first { $0.name == name }
    }
}
