import FormwrightCore
import FormwrightStorage
import PostgresNIO

extension PostgresReader {
    /// The app's job table.
    var jobSQL: PostgresJobSQL { PostgresJobSQL(app: app) }

    /// Refuses job calls on an app never prepared (its job table does not exist yet).
    func checkJobQueue() throws {
        // A schema means a prepare or migration ran, and each creates the job table.
        guard schema == nil else { return }
        var statement = PostgresStatement()
        statement.sql = "SELECT to_regclass(\(statement.parameter(PostgresNames.jobs(app: app)))) IS NOT NULL"
        guard let row = try session.run(statement.query).first, case .integer(1) = ColumnValue(row.makeRandomAccess()[0], as: .boolean) else {
            throw StorageError.noJobQueue(app: app)
        }
    }

    func job(id: String) throws -> Job? {
        try checkJobQueue()
        let sql = jobSQL
        var statement = PostgresStatement()
        statement.sql = "SELECT \(sql.selectList) FROM \(sql.qualifiedName) WHERE id = \(statement.parameter(id))"
        return try session.run(statement.query).first.map(PostgresJobSQL.decode)
    }

    func jobs(_ query: JobQuery) throws -> [Job] {
        try checkJobQueue()
        let checked = try query.checked()
        var statement = PostgresStatement()
        var clauses: [String] = []
        if let states = checked.states {
            if states.isEmpty { return [] }
            clauses.append("state IN (\(states.map(\.rawValue).sorted().map { statement.parameter($0) }.joined(separator: ", ")))")
        }
        if let name = checked.name { clauses.append("name = \(statement.parameter(name))") }
        if let kind = checked.kind { clauses.append("kind = \(statement.parameter(kind))") }
        if let range = checked.keyPrefixRange {
            clauses.append("dedup_key >= \(statement.parameter(range.lower))")
            if let upper = range.upper { clauses.append("dedup_key < \(statement.parameter(upper))") }
        }
        if let after = checked.after {
            let time = PostgresJobSQL.time(after.createdAt, &statement)
            clauses.append("(created_at < \(time) OR (created_at = \(time) AND id < \(statement.parameter(after.id))))")
        }
        let sql = jobSQL
        let condition = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        statement.sql = """
            SELECT \(sql.selectList) FROM \(sql.qualifiedName)\(condition)
            ORDER BY created_at DESC, id DESC LIMIT \(statement.parameter(Int64(checked.limit)))
            """
        return try session.run(statement.query).rows.map(PostgresJobSQL.decode)
    }

    func jobSummary(now: Timestamp) throws -> JobSummary {
        try checkJobQueue()
        let time = try now.storedPrecision()
        let sql = jobSQL
        let damaged = StorageError(.backendFailure, "a job row holds values no job has")
        var counts: [JobState: Int] = [:]
        for row in try session.run(PostgresStatement("SELECT state, COUNT(*) FROM \(sql.qualifiedName) GROUP BY state").query).rows {
            let cells = row.makeRandomAccess()
            guard case .text(let name) = ColumnValue(cells[0], as: .text), let state = JobState(rawValue: name),
                case .integer(let count) = ColumnValue(cells[1], as: .integer)
            else { throw damaged }
            counts[state] = Int(clamping: count)
        }
        var pending = PostgresStatement()
        pending.sql = """
            SELECT COUNT(*) FILTER (WHERE due_at <= \(PostgresJobSQL.time(time, &pending))), MIN(due_at)
            FROM \(sql.qualifiedName) WHERE state = 'pending'
            """
        guard let row = try session.run(pending.query).first, case .integer(let due) = ColumnValue(row.makeRandomAccess()[0], as: .integer),
            let oldest = ColumnValue(row.makeRandomAccess()[1], as: .timestamp)
        else { throw damaged }
        let oldestDue: Timestamp? = if case .integer(let micros) = oldest { ColumnType.timestamp(microseconds: micros) } else { nil }
        return JobSummary(counts: counts, duePending: Int(clamping: due), oldestPendingDueAt: oldestDue)
    }
}
