import FormwrightCore
import FormwrightStorage
import GRDB

extension SQLiteWriteTransaction {
    func enqueue(_ new: NewJob, now: Timestamp) throws -> Job? {
        try reader.checkJobQueue()
        let job = try JobRules.created(try new.checked(), id: RecordID.generate(), now: now)
        let sql = reader.jobSQL
        let placeholders = Array(repeating: "?", count: SQLiteJobSQL.columns.count).joined(separator: ", ")
        try reader.db.cachedStatement(
            sql: "INSERT INTO \(sql.quotedName) (\(sql.selectList)) VALUES (\(placeholders)) ON CONFLICT (dedup_key) DO NOTHING"
        ).execute(arguments: StatementArguments(SQLiteJobSQL.values(job)))
        return reader.db.changesCount == 1 ? job : nil
    }

    func claimJob(owner: String, now: Timestamp, leaseUntil: Timestamp, kinds: Set<String>?) throws -> Job? {
        try reader.checkJobQueue()
        let claim = try JobRules.checkedClaim(owner: owner, now: now, leaseUntil: leaseUntil)
        let time = SQLiteJobSQL.micros(claim.now)
        var arguments: [DatabaseValue] = [time.databaseValue, time.databaseValue]
        var kindClause = ""
        if let kinds {
            if kinds.isEmpty { return nil }
            let names = kinds.sorted()
            kindClause = " AND kind IN (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))"
            arguments += names.map(\.databaseValue)
        }
        let sql = reader.jobSQL
        // One writer at a time holds the database, so the job found is still free when it is written.
        let row = try Row.fetchOne(
            reader.db,
            sql: """
                SELECT \(sql.selectList) FROM \(sql.quotedName)
                WHERE ((state = 'pending' AND due_at <= ?) OR (state = 'running' AND lease_until < ?))\(kindClause)
                ORDER BY due_at, id LIMIT 1
                """,
            arguments: StatementArguments(arguments))
        guard let found = try row.map(SQLiteJobSQL.decode) else { return nil }
        let claimed = try JobRules.claimed(found, owner: owner, now: claim.now, leaseUntil: claim.leaseUntil)
        try store(claimed)
        return claimed
    }

    func updateJob(id: String, expectedVersion: Int64, _ change: JobChange, now: Timestamp) throws -> Job {
        let job = try JobRules.existing(try reader.job(id: id), id: id, expectedVersion: expectedVersion)
        let changed = try JobRules.changed(job, change, now: now)
        try store(changed)
        return changed
    }

    /// Writes every column of an existing job's row.
    private func store(_ job: Job) throws {
        let sql = reader.jobSQL
        let assignments = SQLiteJobSQL.columns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")
        let values = Array(SQLiteJobSQL.values(job).dropFirst()) + [job.id.databaseValue]
        try reader.db.cachedStatement(sql: "UPDATE \(sql.quotedName) SET \(assignments) WHERE id = ?")
            .execute(arguments: StatementArguments(values))
    }
}
