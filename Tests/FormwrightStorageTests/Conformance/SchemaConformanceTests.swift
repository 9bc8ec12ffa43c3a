import FormwrightCore
import FormwrightStorage
import Testing

/// Apps kept apart, hostile names, and schemas that grow: the same bodies run against every backend.
@Suite struct SchemaConformanceTests {
    @Test(arguments: BackendFactory.all)
    func appsWithTheSameTableNameStayApart(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await factory.make(folder)
        let notes = TableSchema(name: "notes", columns: [ColumnSchema(name: "text", type: .text, isUnique: true)])
        try await store.prepare(app: "east-pod", schema: [notes])
        try await store.prepare(app: "west-pod", schema: [notes, TableSchema(name: "extra", columns: [])])
        let east = try await store.write(app: "east-pod") {
            try $0.insert(table: "notes", fields: ["text": .string("same")], revision: "e", now: Fixtures.now)
        }
        let west = try await store.write(app: "west-pod") {
            try $0.insert(table: "notes", fields: ["text": .string("same")], revision: "w", now: Fixtures.now)
        }
        let eastView = try await store.read(app: "east-pod") { transaction in
            (try transaction.count(table: "notes"), try transaction.record(table: "notes", id: west.id))
        }
        #expect(eastView.0 == 1)
        #expect(eastView.1 == nil)
        let westPage = try await store.read(app: "west-pod") { try $0.records(RecordQuery(table: "notes")) }
        #expect(westPage.records.map(\.id) == [west.id])
        #expect(west.id != east.id)
        let unknown = await #expect(throws: StorageError.self) {
            try await store.read(app: "east-pod") { try $0.count(table: "extra") }
        }
        #expect(unknown?.code == .unknownTable)
        let neverPrepared = await #expect(throws: StorageError.self) {
            try await store.read(app: "north-pod") { try $0.count(table: "notes") }
        }
        #expect(neverPrepared?.code == .unknownTable)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func hostileIdentifiersAreQuoted(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await factory.make(folder)
        let hostile = "x\"; DROP TABLE y; --"
        let victim = TableSchema(name: "y", columns: [ColumnSchema(name: "v", type: .integer)])
        let schema = [
            victim,
            TableSchema(
                name: hostile,
                columns: [
                    ColumnSchema(name: hostile, type: .text, isUnique: true), ColumnSchema(name: "it's", type: .integer),
                    ColumnSchema(name: "id", type: .text), ColumnSchema(name: "version", type: .text), ColumnSchema(name: "[a]`b`", type: .date),
                    ColumnSchema(name: "link", type: .link(table: hostile)),
                ]),
        ]
        try await store.prepare(app: "crm", schema: schema)
        try await store.prepare(app: "crm", schema: schema)
        _ = try await store.write(app: "crm") { try $0.insert(table: "y", fields: ["v": .int(1)], revision: "r", now: Fixtures.now) }
        let record = try await store.write(app: "crm") { transaction in
            try transaction.insert(
                table: hostile,
                fields: [
                    hostile: .string("'); DELETE FROM y; --"), "it's": .int(2), "id": .string("not the id"), "version": .string("v"),
                    "[a]`b`": .string("2020-01-01"),
                ],
                revision: "r", now: Fixtures.now)
        }
        #expect(record.fields["id"] == .string("not the id"))
        #expect(record.version == 1)
        let duplicate = await #expect(throws: StorageError.self) {
            try await store.write(app: "crm") {
                try $0.insert(table: hostile, fields: [hostile: .string("'); DELETE FROM y; --")], revision: "r", now: Fixtures.now)
            }
        }
        #expect(duplicate?.code == .uniqueViolation)
        #expect(duplicate?.field == hostile)
        let page = try await store.read(app: "crm") { transaction in
            try transaction.records(RecordQuery(table: hostile, filters: ["it's": .int(2)], sort: .descending(hostile), limit: 5))
        }
        #expect(page.records == [record])
        #expect(try await store.read(app: "crm") { try $0.count(table: "y") } == 1)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func prepareAddsFieldsAndRefusesTypeChanges(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await factory.make(folder)
        let first = TableSchema(name: "deals", columns: [ColumnSchema(name: "title", type: .text), ColumnSchema(name: "code", type: .text)])
        try await store.prepare(app: "crm", schema: [first])
        let old = try await store.write(app: "crm") {
            try $0.insert(table: "deals", fields: ["title": .string("a"), "code": .string("x")], revision: "r1", now: Fixtures.now)
        }
        _ = try await store.write(app: "crm") { try $0.insert(table: "deals", fields: ["code": .string("x")], revision: "r1", now: Fixtures.now) }

        var grown = first
        grown.columns.append(ColumnSchema(name: "amount", type: .money(scale: 2)))
        try await store.prepare(app: "crm", schema: [grown])
        let reread = try await store.read(app: "crm") { try $0.record(table: "deals", id: old.id) }
        #expect(reread?.fields["amount"] == .null)
        #expect(reread?.fields["title"] == .string("a"))

        var retyped = grown
        retyped.columns[2] = ColumnSchema(name: "amount", type: .money(scale: 3))
        let typeChange = await #expect(throws: StorageError.self) { try await store.prepare(app: "crm", schema: [retyped]) }
        #expect(typeChange?.code == .incompatibleSchema)
        #expect(typeChange?.field == "amount")

        var unique = grown
        unique.columns[1].isUnique = true
        let duplicates = await #expect(throws: StorageError.self) { try await store.prepare(app: "crm", schema: [unique]) }
        #expect(duplicates?.code == .incompatibleSchema)
        _ = try await store.write(app: "crm") { try $0.insert(table: "deals", fields: ["amount": .int(1)], revision: "r1", now: Fixtures.now) }

        let shrunk = TableSchema(name: "deals", columns: [ColumnSchema(name: "code", type: .text)])
        try await store.prepare(app: "crm", schema: [shrunk])
        let narrow = try await store.read(app: "crm") { try $0.record(table: "deals", id: old.id) }
        #expect(narrow?.fields == ["code": .string("x")])
        try await store.prepare(app: "crm", schema: [grown])
        let restored = try await store.read(app: "crm") { try $0.record(table: "deals", id: old.id) }
        #expect(restored?.fields["title"] == .string("a"))
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func refusesSchemasNoBackendCanStore(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await factory.make(folder)
        let cases: [(String, [TableSchema])] = [
            ("Crm", []), ("my_app", []), ("", []),
            ("crm", [TableSchema(name: "a", columns: []), TableSchema(name: "A", columns: [])]),
            ("crm", [TableSchema(name: "a", columns: [ColumnSchema(name: "n", type: .text), ColumnSchema(name: "N", type: .integer)])]),
            ("crm", [TableSchema(name: "", columns: [])]),
            ("crm", [TableSchema(name: "a", columns: [ColumnSchema(name: "m", type: .money(scale: 19))])]),
            ("crm", [TableSchema(name: "a", columns: [ColumnSchema(name: "l", type: .link(table: "missing"))])]),
        ]
        for (app, schema) in cases {
            let error = await #expect(throws: StorageError.self) { try await store.prepare(app: app, schema: schema) }
            #expect(error?.code == .invalidSchema, "\(app) \(schema)")
        }
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func closedStoresRefuseWork(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        try await store.close()
        let error = await #expect(throws: StorageError.self) { try await store.read(app: "crm") { try $0.count(table: "customers") } }
        #expect(error?.code == .closed)
        try await store.close()
    }
}
