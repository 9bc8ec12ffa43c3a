import FormwrightStorage
import GRDB

extension SQLiteReader {
    /// Interim until the condition translation lands: conditions are refused.
    func conditionClause(_ condition: RecordCondition, _ table: TableSchema) throws -> (String, [DatabaseValue]) {
        throw StorageError(.invalidQuery, "conditions are not supported yet", table: table.name)
    }
}
