import FormwrightCore
import FormwrightSQLite
import FormwrightStorage
import Foundation
import GRDB
import Testing

/// What only a file-backed store can show: reopening, the file's settings, opening errors.
@Suite struct SQLiteFileTests {
    @Test func reopeningKeepsRecordsAndSchema() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("nested/deeper/data.sqlite")
        let first = try await SQLiteStorage(path: path)
        try await first.prepare(app: "crm", schema: SQLiteFixtures.schema)
        let created = try await SQLiteFixtures.insert(
            first, [["name": .string("Ada"), "seen_at": .timestamp(Timestamp(seconds: -5, nanos: 7_000))]])[0]
        try await first.close()

        let second = try await SQLiteStorage(path: path)
        #expect(second.description == "sqlite:\(path)")
        let read = try await second.read(app: "crm") { try $0.record(table: "customers", id: created.id) }
        #expect(read == created)
        let duplicate = await #expect(throws: StorageError.self) {
            _ = try await second.write(app: "crm") {
                try $0.insert(table: "customers", id: created.id, fields: [:], revision: "r", now: SQLiteFixtures.now)
            }
        }
        #expect(duplicate?.code == .alreadyExists)
        try await second.close()
    }

    @Test func usesWALWithFullSync() async throws {
        let folder = try TemporaryFolder()
        let store = try await SQLiteStorage(path: folder.path("data.sqlite"))
        try await store.prepare(app: "crm", schema: SQLiteFixtures.schema)
        _ = try await SQLiteFixtures.insert(store, [[:]])
        #expect(FileManager.default.fileExists(atPath: folder.path("data.sqlite-wal")))
        try await store.close()
    }

    @Test func openingSomethingElseFailsWithContext() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("not-a-database.sqlite")
        try Data(repeating: 0x41, count: 4_096).write(to: URL(fileURLWithPath: path))
        let error = await #expect(throws: StorageError.self) { _ = try await SQLiteStorage(path: path) }
        #expect(error?.code == .unavailable)
        #expect(error?.message.hasPrefix("opening store 'sqlite:\(path)': ") == true)
    }

    @Test func openingUnderAFileFails() async throws {
        let folder = try TemporaryFolder()
        let blocker = folder.path("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let error = await #expect(throws: StorageError.self) { _ = try await SQLiteStorage(path: blocker + "/data.sqlite") }
        #expect(error?.code == .unavailable)
    }

    @Test func readOnlyStoresNeverWrite() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("data.sqlite")
        let missing = await #expect(throws: StorageError.self) { _ = try await SQLiteStorage(path: path, readOnly: true) }
        #expect(missing?.code == .unavailable)
        #expect(!FileManager.default.fileExists(atPath: path))

        let writer = try await SQLiteStorage(path: path)
        try await writer.prepare(app: "crm", schema: SQLiteFixtures.schema)
        let created = try await SQLiteFixtures.insert(writer, [["name": .string("Ada")]])[0]
        try await writer.close()

        let reader = try await SQLiteStorage(path: path, readOnly: true)
        let read = try await reader.read(app: "crm") { try $0.record(table: "customers", id: created.id) }
        #expect(read == created)
        let write = await #expect(throws: StorageError.self) { _ = try await SQLiteFixtures.insert(reader, [[:]]) }
        #expect(write?.code == .readOnly)
        let prepare = await #expect(throws: StorageError.self) { try await reader.prepare(app: "crm", schema: SQLiteFixtures.schema) }
        #expect(prepare?.code == .readOnly)
        try await reader.close()
    }

    @Test func fileLayoutIsAsDocumented() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("data.sqlite")
        let store = try await SQLiteStorage(path: path)
        try await store.prepare(app: "crm", schema: SQLiteFixtures.schema)
        _ = try await SQLiteFixtures.insert(
            store, [["email": .string("a@x.org"), "seen_at": .timestamp(Timestamp(seconds: -1, nanos: 250_000_000))]])
        try await store.close()

        let queue = try DatabaseQueue(path: path)
        try await queue.read { db in
            #expect(try db.tableExists("crm__customers"))
            #expect(try db.tableExists("crm__orders"))
            let columns = try db.columns(in: "crm__customers").map(\.name)
            #expect(columns.prefix(5) == ["id", "version", "created_at", "updated_at", "revision"])
            #expect(columns.contains("f_email") && columns.contains("f_tags"))
            let unique = try db.indexes(on: "crm__customers").filter(\.isUnique).map(\.columns)
            #expect(unique.contains(["f_email"]))
            #expect(try Int64.fetchOne(db, sql: "SELECT f_seen_at FROM crm__customers") == -750_000)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            let recorded = try String.fetchAll(
                db, sql: "SELECT column_name FROM _formwright_columns WHERE app = 'crm' AND table_key = 'orders' ORDER BY position")
            #expect(recorded == ["customer", "total"])
        }
        try queue.close()
    }

    @Test func damagedFilesGiveErrorsNotCrashes() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("data.sqlite")
        let schema = [TableSchema(name: "flags", columns: [ColumnSchema(name: "on", type: .boolean)])]
        let store = try await SQLiteStorage(path: path)
        try await store.prepare(app: "crm", schema: schema)
        let record = try await store.write(app: "crm") {
            try $0.insert(table: "flags", fields: ["on": .bool(true)], revision: "r", now: SQLiteFixtures.now)
        }
        try await store.close()

        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: "UPDATE crm__flags SET f_on = 7")
            try db.execute(sql: "INSERT INTO _formwright_tables VALUES ('other', 't', 't', 0, 1)")
            try db.execute(sql: "INSERT INTO _formwright_columns VALUES ('other', 't', 'c', 'c', 0, 'blob', NULL, NULL, 0, 1, 0)")
        }
        try queue.close()

        let reopened = try await SQLiteStorage(path: path)
        let badValue = await #expect(throws: StorageError.self) {
            try await reopened.read(app: "crm") { try $0.record(table: "flags", id: record.id) }
        }
        #expect(badValue?.code == .backendFailure)
        let badSchema = await #expect(throws: StorageError.self) {
            try await reopened.read(app: "other") { try $0.count(table: "t") }
        }
        #expect(badSchema?.code == .backendFailure)
        try await reopened.close()
    }
}
