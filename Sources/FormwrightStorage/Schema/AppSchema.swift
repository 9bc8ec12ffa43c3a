/// An app's checked schema, as a backend keeps it between ``StorageBackend/prepare(app:schema:)`` calls.
public struct AppSchema: Sendable, Hashable {
    /// The app's name.
    public let app: String
    /// The app's tables, in the order they were given.
    public let tables: [TableSchema]
    private let tablesByName: [String: TableSchema]

    /// Checks `tables` against ``SchemaRules`` and keeps them.
    ///
    /// - Throws: ``StorageError/Code/invalidSchema`` when a name or a type cannot be stored.
    public init(app: String, tables: [TableSchema]) throws {
        try SchemaRules.validate(app: app, tables: tables)
        self.app = app
        self.tables = tables
        self.tablesByName = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The table named `name`, or ``StorageError/Code/unknownTable``.
    public func table(_ name: String) throws -> TableSchema {
        guard let table = tablesByName[name] else { throw StorageError.unknownTable(name, app: app) }
        return table
    }
}
