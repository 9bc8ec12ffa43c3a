import FormwrightCore
import FormwrightStorage
import GRDB

/// The SQL text of one app's job table, and how its rows read back as ``Job`` values.
///
/// Times are INTEGER microseconds since 1970, as record times are; `dedup_key` is UNIQUE, and
/// `(state, due_at)` is indexed for claims.
struct SQLiteJobSQL {
    /// The table's columns, in the order every `SELECT` lists them.
    static let columns = [
        "id", "kind", "name", "dedup_key", "payload", "revision", "due_at", "state", "attempts", "lease_owner", "lease_until",
        "last_error", "version", "created_at", "updated_at",
    ]

    /// The table's name, quoted.
    let quotedName: String
    /// The columns, comma-separated.
    let selectList = Self.columns.joined(separator: ", ")

    init(app: String) {
        quotedName = SQLiteNames.quote(SQLiteNames.jobsTable(app: app))
    }

    /// The jobs a claim may take, each found by a query of its own.
    enum Claimable {
        /// Pending jobs that are due.
        case pending
        /// Running jobs whose lease has run out.
        case expired
    }

    /// The first job of one claimable sort in claim order (`due_at`, then `id`): one range of the
    /// claim index, read in its order, so the query stops at the first row that matches. The first
    /// argument is the current time, then one per kind when `kinds` is given (nil for any kind).
    func claimQuery(_ claimable: Claimable, kinds: Int?) -> String {
        let condition =
            switch claimable {
            case .pending: "state = 'pending' AND due_at <= ?"
            case .expired: "state = 'running' AND lease_until < ?"
            }
        let kindClause = kinds.map { " AND kind IN (\(Array(repeating: "?", count: $0).joined(separator: ", ")))" } ?? ""
        return "SELECT \(selectList) FROM \(quotedName) WHERE \(condition)\(kindClause) ORDER BY due_at, id LIMIT 1"
    }

    /// Creates the app's job table and its indexes when missing.
    static func create(app: String, _ db: Database) throws {
        let table = SQLiteNames.quote(SQLiteNames.jobsTable(app: app))
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS \(table) (
                    id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, dedup_key TEXT NOT NULL,
                    payload TEXT NOT NULL, revision TEXT NOT NULL, due_at INTEGER NOT NULL, state TEXT NOT NULL,
                    attempts INTEGER NOT NULL, lease_owner TEXT, lease_until INTEGER, last_error TEXT,
                    version INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
                ) STRICT;
                CREATE UNIQUE INDEX IF NOT EXISTS \(SQLiteNames.quote(SQLiteNames.jobsIndex(app: app, "dedup"))) ON \(table) (dedup_key);
                CREATE INDEX IF NOT EXISTS \(SQLiteNames.quote(SQLiteNames.jobsIndex(app: app, "claim"))) ON \(table) (state, due_at, id);
                CREATE INDEX IF NOT EXISTS \(SQLiteNames.quote(SQLiteNames.jobsIndex(app: app, "created"))) ON \(table) (created_at, id);
                """)
    }

    /// The row's values for ``columns``, in order.
    static func values(_ job: Job) -> [DatabaseValue] {
        [
            job.id.databaseValue, job.kind.databaseValue, job.name.databaseValue, job.dedupKey.databaseValue, job.payload.databaseValue,
            job.revision.databaseValue, micros(job.dueAt).databaseValue, job.state.rawValue.databaseValue, Int64(job.attempts).databaseValue,
            job.leaseOwner.databaseValue, job.leaseUntil.map(micros).databaseValue, job.lastError.databaseValue,
            job.version.databaseValue, micros(job.createdAt).databaseValue, micros(job.updatedAt).databaseValue,
        ]
    }

    /// A row selected with ``columns`` as a job; a row no job could have written is an error, never a crash.
    static func decode(_ row: Row) throws -> Job {
        let damaged = StorageError(.backendFailure, "a job row holds values no job has")
        do {
            guard let state = JobState(rawValue: try row.decode(String.self, atIndex: 7)),
                let attempts = Int(exactly: try row.decode(Int64.self, atIndex: 8))
            else { throw damaged }
            return Job(
                id: try row.decode(atIndex: 0), kind: try row.decode(atIndex: 1), name: try row.decode(atIndex: 2),
                dedupKey: try row.decode(atIndex: 3), payload: try row.decode(atIndex: 4), revision: try row.decode(atIndex: 5),
                dueAt: ColumnType.timestamp(microseconds: try row.decode(atIndex: 6)), state: state, attempts: attempts,
                leaseOwner: try row.decode(String?.self, atIndex: 9),
                leaseUntil: try row.decode(Int64?.self, atIndex: 10).map { ColumnType.timestamp(microseconds: $0) },
                lastError: try row.decode(String?.self, atIndex: 11), version: try row.decode(atIndex: 12),
                createdAt: ColumnType.timestamp(microseconds: try row.decode(atIndex: 13)),
                updatedAt: ColumnType.timestamp(microseconds: try row.decode(atIndex: 14)))
        } catch {
            throw damaged
        }
    }

    /// Microseconds since 1970 for a time already kept to storage precision.
    static func micros(_ time: Timestamp) -> Int64 {
        ColumnType.microseconds(time) ?? 0
    }
}
