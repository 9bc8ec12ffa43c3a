import FormwrightCore
import FormwrightStorage
import PostgresNIO

/// The SQL text of one app's job table, and how its rows read back as ``Job`` values.
///
/// Times are `timestamptz` to the microsecond, text keys sort by bytes (`COLLATE "C"`),
/// `dedup_key` is UNIQUE, `(state, due_at, id)` is indexed for claims of pending jobs and
/// `(due_at, id, lease_until)` of running jobs for claims of expired leases.
struct PostgresJobSQL {
    /// The table's columns, in the order every `SELECT` lists them.
    static let columns = [
        "id", "kind", "name", "dedup_key", "payload", "revision", "due_at", "state", "attempts", "lease_owner", "lease_until",
        "last_error", "version", "created_at", "updated_at",
    ]

    /// The table, schema-qualified and quoted.
    let qualifiedName: String
    /// The columns, comma-separated.
    let selectList = Self.columns.joined(separator: ", ")

    init(app: String) {
        qualifiedName = PostgresNames.jobs(app: app)
    }

    /// The jobs a claim may take, each found by a query of its own.
    enum Claimable {
        /// Pending jobs that are due.
        case pending
        /// Running jobs whose lease has run out.
        case expired
    }

    /// The first job of one claimable sort in claim order (`due_at`, then `id`), locked with
    /// `FOR UPDATE SKIP LOCKED`: one range of the claim index (pending jobs) or the lease index
    /// (running jobs), read in its order, so the query stops at the first row that matches and
    /// is free. `time` and `kinds` are placeholders of
    /// parameters already bound: the current time, and one per kind when kinds are given.
    func claimQuery(_ claimable: Claimable, time: String, kinds: [String]?) -> String {
        let condition =
            switch claimable {
            case .pending: "state = 'pending' AND due_at <= \(time)"
            case .expired: "state = 'running' AND lease_until < \(time)"
            }
        let kindClause = kinds.map { " AND kind IN (\($0.joined(separator: ", ")))" } ?? ""
        return "SELECT \(selectList) FROM \(qualifiedName) WHERE \(condition)\(kindClause) ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED"
    }

    /// Creates the app's job table and its indexes when missing; the app's schema exists and the
    /// caller holds the prepare lock.
    static func create(app: String, _ run: (PostgresStatement) async throws -> [PostgresRow]) async throws {
        let table = PostgresNames.jobs(app: app)
        _ = try await run(
            PostgresStatement(
                """
                CREATE TABLE IF NOT EXISTS \(table) (
                    id TEXT COLLATE "C" PRIMARY KEY, kind TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL,
                    dedup_key TEXT COLLATE "C" NOT NULL, payload TEXT NOT NULL, revision TEXT NOT NULL, due_at TIMESTAMPTZ NOT NULL,
                    state TEXT COLLATE "C" NOT NULL, attempts BIGINT NOT NULL, lease_owner TEXT, lease_until TIMESTAMPTZ, last_error TEXT,
                    version BIGINT NOT NULL, created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL)
                """))
        // The lease index holds running jobs only, in claim order with their lease's end, so a
        // claim finds the first expired lease in order however few leases have run out (the
        // planner would otherwise sort them). A store made before it existed gets it here too.
        let indexes = [
            ("dedup", "UNIQUE ", "dedup_key", ""), ("claim", "", "state, due_at, id", ""), ("created", "", "created_at, id", ""),
            ("lease", "", "due_at, id, lease_until", " WHERE state = 'running'"),
        ]
        for (purpose, unique, columns, predicate) in indexes {
            _ = try await run(
                PostgresStatement(
                    "CREATE \(unique)INDEX IF NOT EXISTS \(PostgresNames.quote(PostgresNames.jobsIndex(purpose))) ON \(table) (\(columns))\(predicate)"
                ))
        }
    }

    /// Binds the row's values for ``columns`` into `statement` and returns their placeholders, in order.
    static func parameters(_ job: Job, _ statement: inout PostgresStatement) -> [String] {
        func text(_ value: String?) -> ColumnValue { value.map(ColumnValue.text) ?? .null }
        return [
            statement.parameter(job.id), statement.parameter(job.kind), statement.parameter(job.name), statement.parameter(job.dedupKey),
            statement.parameter(job.payload), statement.parameter(job.revision), time(job.dueAt, &statement),
            statement.parameter(job.state.rawValue), statement.parameter(Int64(job.attempts)), statement.parameter(text(job.leaseOwner), as: .text),
            job.leaseUntil.map { time($0, &statement) } ?? statement.parameter(.null, as: .timestamp),
            statement.parameter(text(job.lastError), as: .text), statement.parameter(job.version), time(job.createdAt, &statement),
            time(job.updatedAt, &statement),
        ]
    }

    /// Binds a time already kept to storage precision and returns its placeholder.
    static func time(_ time: Timestamp, _ statement: inout PostgresStatement) -> String {
        statement.parameter(.integer(ColumnType.microseconds(time) ?? 0), as: .timestamp)
    }

    /// A row selected with ``columns`` as a job; a row no job could have written is an error, never a crash.
    static func decode(_ row: PostgresRow) throws -> Job {
        let cells = row.makeRandomAccess()
        func text(_ index: Int) -> String? {
            guard case .text(let value) = ColumnValue(cells[index], as: .text) else { return nil }
            return value
        }
        func integer(_ index: Int, as type: ColumnType = .integer) -> Int64? {
            guard case .integer(let value) = ColumnValue(cells[index], as: type) else { return nil }
            return value
        }
        func isNull(_ index: Int) -> Bool { cells[index].bytes == nil }
        guard cells.count == columns.count, let id = text(0), let kind = text(1), let name = text(2), let dedupKey = text(3),
            let payload = text(4), let revision = text(5), let dueAt = integer(6, as: .timestamp),
            let state = text(7).flatMap(JobState.init(rawValue:)),
            let attempts = integer(8).flatMap({ Int(exactly: $0) }), isNull(9) || text(9) != nil,
            isNull(10) || integer(10, as: .timestamp) != nil, isNull(11) || text(11) != nil, let version = integer(12),
            let createdAt = integer(13, as: .timestamp), let updatedAt = integer(14, as: .timestamp)
        else { throw StorageError(.backendFailure, "a job row holds values no job has") }
        return Job(
            id: id, kind: kind, name: name, dedupKey: dedupKey, payload: payload, revision: revision,
            dueAt: ColumnType.timestamp(microseconds: dueAt), state: state, attempts: attempts, leaseOwner: text(9),
            leaseUntil: integer(10, as: .timestamp).map { ColumnType.timestamp(microseconds: $0) }, lastError: text(11), version: version,
            createdAt: ColumnType.timestamp(microseconds: createdAt), updatedAt: ColumnType.timestamp(microseconds: updatedAt))
    }
}
