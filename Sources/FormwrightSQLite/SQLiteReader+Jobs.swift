import FormwrightCore
import FormwrightStorage
import GRDB

extension SQLiteReader {
    /// The app's job table.
    var jobSQL: SQLiteJobSQL { SQLiteJobSQL(app: app) }

    /// Refuses job calls on an app never prepared (its job table does not exist yet).
    func checkJobQueue() throws {
        // A schema means a prepare or migration ran, and each creates the job table.
        if schema == nil, try !db.tableExists(SQLiteNames.jobsTable(app: app)) { throw StorageError.noJobQueue(app: app) }
    }

    func job(id: String) throws -> Job? {
        try checkJobQueue()
        let sql = jobSQL
        return try Row.fetchOne(db.cachedStatement(sql: "SELECT \(sql.selectList) FROM \(sql.quotedName) WHERE id = ?"), arguments: [id])
            .map(SQLiteJobSQL.decode)
    }

    func jobs(_ query: JobQuery) throws -> [Job] {
        try checkJobQueue()
        let checked = try query.checked()
        var clauses: [String] = []
        var arguments: [DatabaseValue] = []
        if let states = checked.states {
            if states.isEmpty { return [] }
            let names = states.map(\.rawValue).sorted()
            clauses.append("state IN (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))")
            arguments += names.map(\.databaseValue)
        }
        if let name = checked.name {
            clauses.append("name = ?")
            arguments.append(name.databaseValue)
        }
        if let kind = checked.kind {
            clauses.append("kind = ?")
            arguments.append(kind.databaseValue)
        }
        if let range = checked.keyPrefixRange {
            clauses.append("dedup_key >= ?")
            arguments.append(range.lower.databaseValue)
            if let upper = range.upper {
                clauses.append("dedup_key < ?")
                arguments.append(upper.databaseValue)
            }
        }
        if let after = checked.after {
            let micros = SQLiteJobSQL.micros(after.createdAt)
            clauses.append("(created_at < ? OR (created_at = ? AND id < ?))")
            arguments += [micros.databaseValue, micros.databaseValue, after.id.databaseValue]
        }
        arguments.append(checked.limit.databaseValue)
        let sql = jobSQL
        let condition = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try Row.fetchAll(
            db, sql: "SELECT \(sql.selectList) FROM \(sql.quotedName)\(condition) ORDER BY created_at DESC, id DESC LIMIT ?",
            arguments: StatementArguments(arguments)
        ).map(SQLiteJobSQL.decode)
    }

    func jobSummary(now: Timestamp) throws -> JobSummary {
        try checkJobQueue()
        let time = try now.storedPrecision()
        let sql = jobSQL
        var counts: [JobState: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) FROM \(sql.quotedName) GROUP BY state") {
            guard let state = JobState(rawValue: try row.decode(String.self, atIndex: 0)) else {
                throw StorageError(.backendFailure, "a job row holds values no job has")
            }
            counts[state] = try row.decode(Int.self, atIndex: 1)
        }
        let pending = try Row.fetchOne(
            db, sql: "SELECT COUNT(CASE WHEN due_at <= ? THEN 1 END), MIN(due_at) FROM \(sql.quotedName) WHERE state = 'pending'",
            arguments: [SQLiteJobSQL.micros(time)])
        guard let pending else { return JobSummary(counts: counts, duePending: 0, oldestPendingDueAt: nil) }
        let due = try pending.decode(Int.self, atIndex: 0)
        let oldest = try pending.decode(Int64?.self, atIndex: 1)
        return JobSummary(counts: counts, duePending: due, oldestPendingDueAt: oldest.map { ColumnType.timestamp(microseconds: $0) })
    }
}
