import FormwrightStorage
import Testing

@Suite struct StoreURLTests {
    @Test func parsesSQLiteAndMemory() throws {
        #expect(try StoreURL(parsing: "memory:") == .memory)
        #expect(try StoreURL(parsing: "sqlite:data.sqlite") == .sqlite(path: "data.sqlite"))
        #expect(try StoreURL(parsing: "sqlite:/var/lib/app/data.sqlite") == .sqlite(path: "/var/lib/app/data.sqlite"))
        #expect(try StoreURL(parsing: "sqlite:with space/ünï.sqlite").description == "sqlite:with space/ünï.sqlite")
        #expect(StoreURL.default.description == "sqlite:.formwright/data.sqlite")
    }

    @Test func parsesSQLiteParameters() throws {
        let both = try StoreURL(parsing: "sqlite:data.sqlite?mode=ro&max_size=10MB")
        #expect(both == .sqlite(path: "data.sqlite", options: SQLiteOptions(readOnly: true, maximumSize: 10_000_000)))
        #expect(both.description == "sqlite:data.sqlite?mode=ro&max_size=10000000")
        #expect(try StoreURL(parsing: "sqlite:a.sqlite?max_size=64KiB") == .sqlite(path: "a.sqlite", options: SQLiteOptions(maximumSize: 65_536)))
        #expect(try StoreURL(parsing: "sqlite:a.sqlite?max_size=2GiB&mode=rw") == .sqlite(path: "a.sqlite", options: SQLiteOptions(maximumSize: 2_147_483_648)))
        #expect(try StoreURL(parsing: "sqlite:a.sqlite?max_size=4096") == .sqlite(path: "a.sqlite", options: SQLiteOptions(maximumSize: 4_096)))
        #expect(try StoreURL(parsing: "sqlite:a.sqlite?mode=rw") == .sqlite(path: "a.sqlite"))
    }

    @Test(arguments: [
        "sqlite:a?max_size=0", "sqlite:a?max_size=10TB", "sqlite:a?max_size=9999999999GB", "sqlite:a?max_size=-1", "sqlite:a?max_size=1.5MB",
        "sqlite:a?max_size=", "sqlite:a?mode=", "sqlite:a?mode=rwc", "sqlite:a?", "sqlite:a?mode", "sqlite:?mode=ro", "sqlite:a?journal=wal",
    ])
    func refusesBadSQLiteParameters(_ text: String) {
        let error = #expect(throws: StorageError.self) { try StoreURL(parsing: text) }
        #expect(error?.code == .invalidStoreURL)
        #expect(error?.message.hasPrefix("store URL '\(text)' ") == true)
    }

    @Test func resolvesRelativePaths() {
        #expect(StoreURL.default.filePath(relativeTo: "/home/ada/app") == "/home/ada/app/.formwright/data.sqlite")
        #expect(StoreURL.sqlite(path: "/abs.sqlite").filePath(relativeTo: "/home") == "/abs.sqlite")
        #expect(StoreURL.sqlite(path: "x.sqlite").filePath(relativeTo: "/") == "/x.sqlite")
        #expect(StoreURL.memory.filePath(relativeTo: "/home") == nil)
    }

    @Test(arguments: ["", "sqlite:", "sqlite://host/db", "memory:x", "mysql://x", "data.sqlite", "SQLITE:x", "sqlite:a\u{0}b"])
    func refusesBadURLs(_ text: String) {
        let error = #expect(throws: StorageError.self) { try StoreURL(parsing: text) }
        #expect(error?.code == .invalidStoreURL)
    }

    @Test func parsesPostgresURLs() throws {
        let full = try StoreURL(parsing: "postgres://ada:s3cret@db.example.org:6543/crm")
        #expect(full == .postgres(PostgresAddress(user: "ada", password: "s3cret", host: "db.example.org", port: 6543, database: "crm")))
        #expect(full.description == "postgres://ada:***@db.example.org:6543/crm")

        let defaults = try StoreURL(parsing: "postgresql://ada@localhost/crm")
        #expect(defaults == .postgres(PostgresAddress(user: "ada", password: nil, host: "localhost", port: 5432, database: "crm")))
        #expect(defaults.description == "postgres://ada@localhost:5432/crm")

        let escaped = try PostgresAddress(parsing: "postgres://ad%40m:p%3Aw%2Fd@[::1]:5433/my%20db?sslmode=disable")
        #expect(escaped.user == "ad@m")
        #expect(escaped.password == "p:w/d")
        #expect(escaped.host == "::1")
        #expect(escaped.port == 5433)
        #expect(escaped.database == "my db")
        #expect(escaped.tls == .disable)
        #expect(escaped.description == "postgres://ad%40m:***@[::1]:5433/my%20db?sslmode=disable")

        // A password holding an unescaped '@' still ends at the last '@' of the authority.
        let atSign = try PostgresAddress(parsing: "postgres://ada:p@ss@db/crm?sslmode=require")
        #expect(atSign.password == "p@ss")
        #expect(atSign.host == "db")
        #expect(atSign.tls == .require)
        #expect(try PostgresAddress(parsing: "postgres://ada@db/crm?sslmode=verify-full").tls == .verifyFull)
    }

    @Test(arguments: [
        "postgres://", "postgres://db/crm", "postgres://ada:pw@/crm", "postgres://ada:pw@db", "postgres://ada:pw@db/",
        "postgres://ada:pw@db:0/crm", "postgres://ada:pw@db:99999/crm", "postgres://ada:pw@db:port/crm", "postgres://ada:pw@db/crm?x=1",
        "postgres://ada:pw@db/crm?sslmode=verify-ca", "postgres://ada:p%zzw@db/crm", "postgres://ada:pw@[::1/crm", "postgres://:pw@db/crm",
        "postgres://ada:pw@db/a/b",
    ])
    func refusesBadPostgresURLs(_ text: String) {
        let error = #expect(throws: StorageError.self) { try StoreURL(parsing: text) }
        #expect(error?.code == .invalidStoreURL)
        #expect(error?.message.contains("write 'postgres://user:password@host:port/database'") == true)
        #expect(error?.message.contains(":pw@") == false, "the password is hidden: \(error?.message ?? "")")
    }
}
