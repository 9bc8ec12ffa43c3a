import FormwrightStorage

extension PostgresReader {
    /// Interim until the condition translation lands: conditions are refused.
    func conditionClause(_ condition: RecordCondition, _ table: TableSchema, _ statement: inout PostgresStatement) throws -> String {
        throw StorageError(.invalidQuery, "conditions are not supported yet", table: table.name)
    }
}
