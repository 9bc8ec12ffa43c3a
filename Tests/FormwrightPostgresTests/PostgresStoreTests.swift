import FormwrightCore
import FormwrightPostgres
import FormwrightStorage
import Foundation
import Testing

/// What only PostgreSQL needs checking: the schema kept in the database, several processes on
/// one app, PostgreSQL's identifier limit. The shared conformance suite covers the rest.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured))
struct PostgresStoreTests {
    static let people = TableSchema(
        name: "people", columns: [ColumnSchema(name: "name", type: .text), ColumnSchema(name: "email", type: .text, isUnique: true)])
    static let now = Timestamp(seconds: 1_800_000_000)

    @Test func aReopenedStoreKnowsItsSchema() async throws {
        let app = PostgresTestDatabase.freshApp("reopen")
        let first = try await PostgresTestDatabase.open()
        try await first.prepare(app: app, schema: [Self.people])
        let created = try await first.write(app: app) {
            try $0.insert(table: "people", fields: ["name": .string("Ada")], revision: "r1", now: Self.now)
        }
        try await first.close()

        let second = try await PostgresTestDatabase.open()
        let read = try await second.read(app: app) { try $0.record(table: "people", id: created.id) }
        #expect(read == created)
        try await second.drop(app: app)
        let gone = await #expect(throws: StorageError.self) { try await second.read(app: app) { try $0.count(table: "people") } }
        #expect(gone?.code == .unknownTable)
        try await second.close()
    }

    @Test func twoStoresOnOneAppSerialiseTheirWrites() async throws {
        let app = PostgresTestDatabase.freshApp("two")
        let stores = [try await PostgresTestDatabase.open(), try await PostgresTestDatabase.open()]
        try await stores[0].prepare(app: app, schema: [Self.people])
        try await stores[1].prepare(app: app, schema: [Self.people])
        let counter = try await stores[0].write(app: app) {
            try $0.insert(table: "people", fields: ["name": .string("0")], revision: "r1", now: Self.now)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                let store = stores[index % 2]
                group.addTask {
                    _ = try await store.write(app: app) { transaction in
                        guard let current = try transaction.record(table: "people", id: counter.id), case .string(let text) = current.fields["name"],
                            let number = Int(text)
                        else { throw StorageError.notFound(id: counter.id, table: "people") }
                        return try transaction.update(
                            table: "people", id: counter.id, fields: ["name": .string(String(number + 1))], expectedVersion: current.version,
                            revision: "r1", now: Self.now)
                    }
                }
            }
            try await group.waitForAll()
        }
        let final = try await stores[1].read(app: app) { try $0.record(table: "people", id: counter.id) }
        #expect(final?.fields["name"] == .string("20"))
        #expect(final?.version == 21)
        try await stores[0].drop(app: app)
        for store in stores { try await store.close() }
    }

    @Test func racingInsertsOfOneUniqueValueNameTheField() async throws {
        let app = PostgresTestDatabase.freshApp("race")
        let store = try await PostgresTestDatabase.open()
        try await store.prepare(app: app, schema: [Self.people])
        let outcomes = await withTaskGroup(of: StorageError.Code?.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do {
                        _ = try await store.write(app: app) {
                            try $0.insert(table: "people", fields: ["email": .string("same@x.org")], revision: "r1", now: Self.now)
                        }
                        return nil
                    } catch let error as StorageError {
                        return error.field == "email" ? error.code : .backendFailure
                    } catch {
                        return .backendFailure
                    }
                }
            }
            var codes: [StorageError.Code?] = []
            for await code in group { codes.append(code) }
            return codes
        }
        #expect(outcomes.filter { $0 == nil }.count == 1)
        #expect(outcomes.filter { $0 == .uniqueViolation }.count == 7)
        try await store.drop(app: app)
        try await store.close()
    }

    @Test func namesPastTheIdentifierLimitAreRefused() async throws {
        let app = PostgresTestDatabase.freshApp("long")
        let store = try await PostgresTestDatabase.open()
        let longField = String(repeating: "f", count: 62)
        let error = await #expect(throws: StorageError.self) {
            try await store.prepare(app: app, schema: [TableSchema(name: "t", columns: [ColumnSchema(name: longField, type: .text)])])
        }
        #expect(error?.code == .invalidSchema)
        #expect(error?.field == longField)
        let longTable = String(repeating: "t", count: 64)
        let tableError = await #expect(throws: StorageError.self) {
            try await store.prepare(app: app, schema: [TableSchema(name: longTable, columns: [])])
        }
        #expect(tableError?.code == .invalidSchema)
        // 61 bytes of field name make a 63-byte column: the longest that fits, with a unique index.
        let longest = String(repeating: "é", count: 30) + "x"
        try await store.prepare(
            app: app,
            schema: [TableSchema(name: longTable.dropLast().description, columns: [ColumnSchema(name: longest, type: .text, isUnique: true)])])
        let record = try await store.write(app: app) {
            try $0.insert(table: String(longTable.dropLast()), fields: [longest: .string("v")], revision: "r", now: Self.now)
        }
        #expect(record.fields[longest] == .string("v"))
        try await store.drop(app: app)
        try await store.close()
    }

    @Test func waitingTooLongForAConnectionFailsClearly() async throws {
        var configuration = PostgresStorage.Configuration(address: try PostgresAddress(parsing: PostgresTestDatabase.url ?? ""))
        let app = PostgresTestDatabase.freshApp("wait")
        // The app is made through a store without the short wait: on a busy machine a first connection may take seconds.
        let preparing = try await PostgresStorage(configuration: configuration)
        try await preparing.prepare(app: app, schema: [Self.people])
        try await preparing.close()
        configuration.maximumConnections = 1
        configuration.connectionWait = .seconds(3)
        let store = try await PostgresStorage(configuration: configuration)
        for attempt in 1...5 {
            do {
                _ = try await store.read(app: app) { try $0.count(table: "people") }
                break
            } catch let error as StorageError where error.code == .unavailable && attempt < 5 {
                continue  // the one connection was still being opened
            }
        }
        // The only connection is held by a slow transaction (its body runs on the store's own thread).
        async let slow = store.read(app: app) { transaction in
            Thread.sleep(forTimeInterval: 6)
            return try transaction.count(table: "people")
        }
        try await Task.sleep(for: .milliseconds(500))
        let error = await #expect(throws: StorageError.self) { try await store.read(app: app) { try $0.count(table: "people") } }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("no database connection within") == true)
        #expect(try await slow == 0)
        try await store.drop(app: app)
        try await store.close()
    }
}
