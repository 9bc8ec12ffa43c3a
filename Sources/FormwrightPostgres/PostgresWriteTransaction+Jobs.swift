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
        var statement = PostgresStatement()
        let time = PostgresJobSQL.time(claim.now, &statement)
        var kindClause = ""
        if let kinds {
            if kinds.isEmpty { return nil }
            kindClause = " AND kind IN (\(kinds.sorted().map { statement.parameter($0) }.joined(separator: ", ")))"
        }
        let sql = reader.jobSQL
        // SKIP LOCKED: a job another transaction is claiming right now is passed over, not
        // waited for; the row lock then keeps any other claimer off this one until commit.
        statement.sql = """
            SELECT \(sql.selectList) FROM \(sql.qualifiedName)
            WHERE ((state = 'pending' AND due_at <= \(time)) OR (state = 'running' AND lease_until < \(time)))\(kindClause)
            ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
            """
        guard let found = try reader.session.run(statement.query).first.map(PostgresJobSQL.decode) else { return nil }
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
