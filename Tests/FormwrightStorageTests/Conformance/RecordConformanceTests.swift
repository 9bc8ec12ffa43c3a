import FormwrightCore
import FormwrightStorage
import Testing

/// Writing and reading single records: the same bodies run against every backend.
@Suite struct RecordConformanceTests {
    @Test(arguments: BackendFactory.all)
    func insertReadUpdateDelete(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let created = try await store.write(app: "crm") { transaction in
            try transaction.insert(
                table: "customers",
                fields: ["name": .string("Ada"), "visits": .int(3), "balance": .int(-1_050), "tags": .list([.string("vip")])],
                revision: "r1", now: Fixtures.now)
        }
        #expect(RecordID.isValid(created.id))
        #expect(created.version == 1)
        #expect(created.revision == "r1")
        #expect(created.createdAt == Timestamp(seconds: 1_800_000_000, nanos: 123_456_000))
        #expect(created.updatedAt == created.createdAt)
        #expect(created.fields["name"] == .string("Ada"))
        #expect(created.fields["email"] == .null)
        #expect(created.fields.count == Fixtures.customers.columns.count)

        let read = try await store.read(app: "crm") { try $0.record(table: "customers", id: created.id) }
        #expect(read == created)

        let updated = try await store.write(app: "crm") { transaction in
            try transaction.update(
                table: "customers", id: created.id, fields: ["visits": .int(4), "name": .null], expectedVersion: 1, revision: "r2",
                now: Fixtures.later)
        }
        #expect(updated.version == 2)
        #expect(updated.revision == "r2")
        #expect(updated.createdAt == created.createdAt)
        #expect(updated.updatedAt == Fixtures.later)
        #expect(updated.fields["visits"] == .int(4))
        #expect(updated.fields["name"] == .null)
        #expect(updated.fields["balance"] == .int(-1_050))
        let reread = try await store.read(app: "crm") { try $0.record(table: "customers", id: created.id) }
        #expect(reread == updated)

        try await store.write(app: "crm") { try $0.delete(table: "customers", id: created.id, expectedVersion: 2) }
        let gone = try await store.read(app: "crm") { try $0.record(table: "customers", id: created.id) }
        #expect(gone == nil)
        #expect(try await store.read(app: "crm") { try $0.count(table: "customers") } == 0)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func versionConflictsAndMissingRecords(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let record = try await Fixtures.insert(store, [["name": .string("Ada")]])[0]
        let conflict = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { transaction in
                try transaction.update(
                    table: "customers", id: record.id, fields: ["visits": .int(1)], expectedVersion: 7, revision: "r1", now: Fixtures.now)
            }
        }
        #expect(conflict?.code == .versionConflict)
        let staleDelete = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { try $0.delete(table: "customers", id: record.id, expectedVersion: 2) }
        }
        #expect(staleDelete?.code == .versionConflict)
        let missing = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { transaction in
                try transaction.update(table: "customers", id: "nope", fields: [:], expectedVersion: nil, revision: "r1", now: Fixtures.now)
            }
        }
        #expect(missing?.code == .notFound)
        let missingDelete = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { try $0.delete(table: "customers", id: "nope", expectedVersion: nil) }
        }
        #expect(missingDelete?.code == .notFound)
        let unchecked = try await store.write(app: "crm") { transaction in
            try transaction.update(table: "customers", id: record.id, fields: [:], expectedVersion: nil, revision: "r1", now: Fixtures.now)
        }
        #expect(unchecked.version == 2)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func uniqueFields(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let records = try await Fixtures.insert(
            store, [["email": .string("a@x.org")], ["email": .null], ["email": .null], ["email": .string("b@x.org")]])
        let duplicate = await #expect(throws: StorageError.self) {
            _ = try await Fixtures.insert(store, [["email": .string("a@x.org")]])
        }
        #expect(duplicate?.code == .uniqueViolation)
        #expect(duplicate?.field == "email")
        let onUpdate = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { transaction in
                try transaction.update(
                    table: "customers", id: records[3].id, fields: ["email": .string("a@x.org")], expectedVersion: 1, revision: "r1",
                    now: Fixtures.now)
            }
        }
        #expect(onUpdate?.code == .uniqueViolation)
        #expect(onUpdate?.field == "email")
        let same = try await store.write(app: "crm") { transaction in
            try transaction.update(
                table: "customers", id: records[0].id, fields: ["email": .string("a@x.org")], expectedVersion: 1, revision: "r1",
                now: Fixtures.now)
        }
        #expect(same.version == 2)
        let (taken, free, ownValue) = try await store.read(app: "crm") { transaction in
            (
                try transaction.exists(table: "customers", field: "email", value: .string("a@x.org"), excludingID: nil),
                try transaction.exists(table: "customers", field: "email", value: .null, excludingID: nil),
                try transaction.exists(table: "customers", field: "email", value: .string("a@x.org"), excludingID: records[0].id)
            )
        }
        #expect(taken)
        #expect(!free)
        #expect(!ownValue)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func thrownErrorRollsEverythingBack(_ factory: BackendFactory) async throws {
        struct Abandon: Error {}
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let kept = try await Fixtures.insert(store, [["name": .string("kept")]])[0]
        await #expect(throws: Abandon.self) {
            try await store.write(app: "crm") { transaction in
                _ = try transaction.insert(table: "customers", fields: ["name": .string("one")], revision: "r1", now: Fixtures.now)
                _ = try transaction.insert(table: "orders", fields: ["total": .int(5)], revision: "r1", now: Fixtures.now)
                _ = try transaction.update(
                    table: "customers", id: kept.id, fields: ["name": .string("changed")], expectedVersion: 1, revision: "r2", now: Fixtures.now)
                throw Abandon()
            }
        }
        let failing = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { transaction in
                try transaction.delete(table: "customers", id: kept.id, expectedVersion: 1)
                _ = try transaction.insert(table: "customers", fields: ["visits": .string("many")], revision: "r1", now: Fixtures.now)
            }
        }
        #expect(failing?.code == .invalidValue)
        let (customers, orders, stored) = try await store.read(app: "crm") { transaction in
            (
                try transaction.count(table: "customers"), try transaction.count(table: "orders"),
                try transaction.record(table: "customers", id: kept.id)
            )
        }
        #expect(customers == 1)
        #expect(orders == 0)
        #expect(stored == kept)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func valuesMustFitTheirColumns(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let wrong: [(String, Value)] = [
            ("visits", .string("3")), ("visits", .double(3)), ("score", .double(.nan)), ("score", .double(.infinity)),
            ("active", .int(1)), ("balance", .double(10.5)), ("born_on", .string("2024-02-30")), ("born_on", .string("24-01-01")),
            ("seen_at", .string("2024-01-01T00:00:00Z")), ("seen_at", .timestamp(Timestamp(seconds: 300_000_000_000))),
            ("tags", .list([.int(1)])), ("tags", .string("x")), ("name", .string("nul\u{0}inside")),
        ]
        for (field, value) in wrong {
            let error = await #expect(throws: StorageError.self, "\(field) = \(value)") {
                _ = try await Fixtures.insert(store, [[field: value]])
            }
            #expect(error?.code == .invalidValue, "\(field) = \(value)")
            #expect(error?.field == field)
        }
        let unknownField = await #expect(throws: StorageError.self) { _ = try await Fixtures.insert(store, [["nmae": .string("x")]]) }
        #expect(unknownField?.code == .unknownField)
        let unknownTable = await #expect(throws: StorageError.self) { _ = try await Fixtures.insert(store, table: "people", [[:]]) }
        #expect(unknownTable?.code == .unknownTable)
        #expect(try await store.read(app: "crm") { try $0.count(table: "customers") } == 0)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func everyTypeRoundTrips(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let fields: [String: Value] = [
            "name": .string("Zoë \"quoted\" 'single' 客户 🚀"), "email": .string("z@x.org"), "visits": .int(Int64.min),
            "score": .double(-0.000_123_4), "active": .bool(true), "balance": .int(Int64.max), "born_on": .string("1900-02-28"),
            "seen_at": .timestamp(Timestamp(seconds: -86_401, nanos: 999_999_999)),
            "tags": .list([.string("a,b"), .string("\"q\""), .string("line\nbreak"), .string("")]),
        ]
        let created = try await Fixtures.insert(store, [fields])[0]
        let read = try await store.read(app: "crm") { try $0.record(table: "customers", id: created.id) }
        var expected = fields
        expected["seen_at"] = .timestamp(Timestamp(seconds: -86_401, nanos: 999_999_000))
        #expect(read?.fields == expected)
        #expect(read == created)
        let matched = try await store.read(app: "crm") { transaction in
            try transaction.count(table: "customers", matching: ["tags": fields["tags"] ?? .null, "active": .bool(true)])
        }
        #expect(matched == 1)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func callerChosenIDs(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let seeded = try await store.write(app: "crm") { transaction in
            try transaction.insert(table: "customers", id: "seed-1", fields: [:], revision: "r1", now: Fixtures.now)
        }
        #expect(seeded.id == "seed-1")
        let again = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { try $0.insert(table: "customers", id: "seed-1", fields: [:], revision: "r1", now: Fixtures.now) }
        }
        #expect(again?.code == .alreadyExists)
        let bad = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") { try $0.insert(table: "customers", id: "a/b", fields: [:], revision: "r1", now: Fixtures.now) }
        }
        #expect(bad?.code == .invalidValue)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func concurrentWritesAreSerialised(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let counter = try await Fixtures.insert(store, [["visits": .int(0)]])[0]
        let counterID = counter.id
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    _ = try await store.write(app: "crm") { transaction in
                        guard let current = try transaction.record(table: "customers", id: counterID),
                            case .int(let visits) = current.fields["visits"]
                        else { throw StorageError.notFound(id: counterID, table: "customers") }
                        return try transaction.update(
                            table: "customers", id: counterID, fields: ["visits": .int(visits + 1)], expectedVersion: current.version,
                            revision: "r1", now: Fixtures.now)
                    }
                }
                group.addTask {
                    _ = try await store.read(app: "crm") { try $0.records(RecordQuery(table: "customers")) }
                }
            }
            try await group.waitForAll()
        }
        let final = try await store.read(app: "crm") { try $0.record(table: "customers", id: counterID) }
        #expect(final?.fields["visits"] == .int(40))
        #expect(final?.version == 41)
        try await store.close()
    }

    /// A decision on what a query saw (insert only when no order has this total yet) must hold
    /// when writers race: no two may both see none. Several rounds, so that a pooled backend has
    /// its connections open and the writers really overlap.
    @Test(arguments: BackendFactory.all)
    func decisionsOnCountsAreSerialised(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        for round in 0..<6 {
            let total = Value.int(Int64(round))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        _ = try await store.write(app: "crm") { transaction in
                            guard try transaction.count(table: "orders", matching: ["total": total]) == 0 else { return false }
                            // More work between the look and the insert widens the window a race needs.
                            _ = try transaction.records(RecordQuery(table: "customers", sort: .ascending("name")))
                            _ = try transaction.insert(table: "orders", fields: ["total": total], revision: "r1", now: Fixtures.now)
                            return true
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.read(app: "crm") { try $0.count(table: "orders", matching: ["total": total]) } == 1, "round \(round)")
        }
        try await store.close()
    }
}
