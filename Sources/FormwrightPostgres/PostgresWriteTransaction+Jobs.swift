import FormwrightCore
import FormwrightStorage
import PostgresNIO

extension PostgresWriteTransaction {
    func enqueue(_ new: NewJob, now: Timestamp) throws -> Job? {
        try reader.checkJobQueue()
        let job = try JobRules.created(try new.checked(), id: RecordID.generate(), now: now)
        let sql = reader.jobSQL
        var statement = PostgresStatement()
        let values = PostgresJobSQL.parameters(job, &statement).joined(separator: ", ")
        statement.sql = """
            INSERT INTO \(sql.qualifiedName) (\(sql.selectList)) VALUES (\(values))
            ON CONFLICT (dedup_key) DO NOTHING RETURNING id
            """
        return try reader.session.run(statement.query).rows.isEmpty ? nil : job
    }

    func claimJob(owner: String, now: Timestamp, leaseUntil: Timestamp, kinds: Set<String>?) throws -> Job? {
        try reader.checkJobQueue()
        let claim = try JobRules.checkedClaim(owner: owner, now: now, leaseUntil: leaseUntil)
        if kinds?.isEmpty == true { return nil }
        var statement = PostgresStatement()
        let time = PostgresJobSQL.time(claim.now, &statement)
        let names = kinds.map { $0.sorted().map { statement.parameter($0) } }
        let sql = reader.jobSQL
        // Due pending jobs and expired leases are looked for apart, each along the claim index in
        // claim order, so a claim reads one free row of each however long the queue is. SKIP
        // LOCKED: a job another transaction is claiming right now is passed over, not waited
        // for; the row lock then keeps any other claimer off this one until commit. When both
        // queries find a job, the later one stays locked, unchanged, until this claim commits.
        let candidates = try [PostgresJobSQL.Claimable.pending, .expired].compactMap { claimable in
            statement.sql = sql.claimQuery(claimable, time: time, kinds: names)
            return try reader.session.run(statement.query).first.map(PostgresJobSQL.decode)
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
        var statement = PostgresStatement()
        let values = PostgresJobSQL.parameters(job, &statement)
        let assignments = zip(PostgresJobSQL.columns, values).dropFirst().map { "\($0) = \($1)" }.joined(separator: ", ")
        statement.sql = "UPDATE \(reader.jobSQL.qualifiedName) SET \(assignments) WHERE id = \(values[0])"
        _ = try reader.session.run(statement.query)
    }
}
