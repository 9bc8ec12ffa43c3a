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
        let names = kinds.map { $0.sorted().map(\.databaseValue) }
        if names?.isEmpty == true { return nil }
        let sql = reader.jobSQL
        let arguments = StatementArguments([SQLiteJobSQL.micros(claim.now).databaseValue] + (names ?? []))
        // Due pending jobs and expired leases are looked for apart, each along the claim index in
        // claim order, so a claim reads one row of each however long the queue is.
        // One writer at a time holds the database, so the job found is still free when it is written.
        let candidates = try [SQLiteJobSQL.Claimable.pending, .expired].compactMap { claimable in
            try Row.fetchOne(reader.db.cachedStatement(sql: sql.claimQuery(claimable, kinds: names?.count)), arguments: arguments)
                .map(SQLiteJobSQL.decode)
        }
        guard let found = candidates.min(by: JobRules.claimsBefore) else { return nil }
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
