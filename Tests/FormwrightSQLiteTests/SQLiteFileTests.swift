import FormwrightCore
import FormwrightSQLite
import FormwrightStorage
import Foundation
import Testing

/// What only a file-backed store can show: reopening, the file's settings, opening errors.
@Suite struct SQLiteFileTests {
    @Test func reopeningKeepsRecordsAndSchema() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("nested/deeper/data.sqlite")
        let first = try await SQLiteStorage(path: path)
        try await first.prepare(app: "crm", schema: Fixtures.schema)
        let created = try await Fixtures.insert(first, [["name": .string("Ada"), "seen_at": .timestamp(Timestamp(seconds: -5, nanos: 7_000))]])[0]
        try await first.close()

        let second = try await SQLiteStorage(path: path)
        let read = try await second.read(app: "crm") { try $0.record(table: "customers", id: created.id) }
        #expect(read == created)
        let duplicate = await #expect(throws: StorageError.self) {
            _ = try await second.write(app: "crm") {
                try $0.insert(table: "customers", id: created.id, fields: [:], revision: "r", now: Fixtures.now)
            }
        }
        #expect(duplicate?.code == .alreadyExists)
        try await second.close()
    }

    @Test func usesWALWithFullSync() async throws {
        let folder = try TemporaryFolder()
        let store = try await SQLiteStorage(path: folder.path("data.sqlite"))
        try await store.prepare(app: "crm", schema: Fixtures.schema)
        _ = try await Fixtures.insert(store, [[:]])
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
}
