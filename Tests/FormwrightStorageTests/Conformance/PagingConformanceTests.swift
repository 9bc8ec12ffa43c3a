import FormwrightCore
import FormwrightStorage
import Testing

/// Sorting, filtering and keyset paging: the same bodies run against every backend.
@Suite struct PagingConformanceTests {
    /// The expected order of `records` by the stored form of `field`, ties by id, as the
    /// reference defines it.
    static func expectedOrder(_ records: [StoredRecord], field: String, type: ColumnType, descending: Bool) throws -> [String] {
        let keyed = try records.map { (value: try type.encode($0.fields[field] ?? .null, field: field, table: "t"), id: $0.id) }
        let ascending = keyed.sorted { left, right in
            left.value != right.value ? left.value < right.value : left.id.utf8.lexicographicallyPrecedes(right.id.utf8)
        }
        return (descending ? ascending.reversed() : ascending).map(\.id)
    }

    @Test(arguments: BackendFactory.all)
    func pagesCrossTiesWithoutGapsOrRepeats(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let rows: [[String: Value]] = (0..<23).map { index in
            ["visits": index % 5 == 0 ? .null : .int(Int64(index % 3)), "name": .string("n\(index)")]
        }
        let records = try await Fixtures.insert(store, rows)
        for descending in [false, true] {
            for limit in [1, 4, 7, 23, 50] {
                let query = RecordQuery(table: "customers", sort: RecordSort(key: .field("visits"), descending: descending), limit: limit)
                let ids = try await Fixtures.allPages(store, query).map(\.id)
                #expect(ids == (try Self.expectedOrder(records, field: "visits", type: .integer, descending: descending)), "limit \(limit)")
            }
        }
        let byID = try await Fixtures.allPages(store, RecordQuery(table: "customers", limit: 5)).map(\.id)
        #expect(byID == records.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let lastPage = try await store.read(app: "crm") { try $0.records(RecordQuery(table: "customers", limit: 23)) }
        #expect(lastPage.records.count == 23)
        #expect(lastPage.next == nil)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func sortsEveryColumnType(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let texts = ["b", "B", "a", "é", "e\u{301}", "ä", "z", "Zoë", "客户", "🚀", "", "a b", "ab"]
        let stamps: [Timestamp] = [
            Timestamp(seconds: -1), Timestamp(seconds: -1, nanos: 500_000_000), Timestamp(seconds: 0), Timestamp(seconds: -2_208_988_800),
            Timestamp(seconds: 1_700_000_000, nanos: 1_000), Timestamp(seconds: -62_135_596_800), Timestamp(seconds: 253_402_300_799),
        ]
        var rows: [[String: Value]] = []
        for (index, text) in texts.enumerated() {
            let offset = Int64(index) - 6
            rows.append([
                "name": .string(text), "visits": .int(offset * 1_000_000_007), "score": .double(Double(offset) / 3),
                "active": index.isMultiple(of: 3) ? .null : .bool(index.isMultiple(of: 2)), "balance": .int(offset * -99),
                "born_on": .string(["1969-12-31", "0001-01-01", "2024-02-29", "9999-12-31"][index % 4]),
                "seen_at": .timestamp(stamps[index % stamps.count]),
            ])
        }
        let records = try await Fixtures.insert(store, rows)
        let types: [(String, ColumnType)] = [
            ("name", .text), ("visits", .integer), ("score", .double), ("active", .boolean), ("balance", .money(scale: 2)),
            ("born_on", .date), ("seen_at", .timestamp),
        ]
        for (field, type) in types {
            for descending in [false, true] {
                let query = RecordQuery(table: "customers", sort: RecordSort(key: .field(field), descending: descending), limit: 3)
                let ids = try await Fixtures.allPages(store, query).map(\.id)
                #expect(ids == (try Self.expectedOrder(records, field: field, type: type, descending: descending)), "\(field) \(descending)")
            }
        }
        let names = try await Fixtures.allPages(store, RecordQuery(table: "customers", sort: .ascending("name"), limit: 4))
        #expect(names.first?.fields["name"] == .string(""))
        #expect(names.last?.fields["name"] == .string("🚀"))
        let seen = try await Fixtures.allPages(store, RecordQuery(table: "customers", sort: .ascending("seen_at"), limit: 4))
        #expect(seen.first?.fields["seen_at"] == .timestamp(Timestamp(seconds: -62_135_596_800)))
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func sortsByFixedProperties(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        var ids: [String] = []
        for second in [30, 10, 20] as [Int64] {
            let record = try await store.write(app: "crm") { transaction in
                try transaction.insert(table: "customers", fields: [:], revision: "r1", now: Timestamp(seconds: second))
            }
            ids.append(record.id)
        }
        let created = try await Fixtures.allPages(store, RecordQuery(table: "customers", sort: RecordSort(key: .createdAt), limit: 2))
        #expect(created.map(\.id) == [ids[1], ids[2], ids[0]])
        let middle = ids[1]
        _ = try await store.write(app: "crm") { transaction in
            try transaction.update(table: "customers", id: middle, fields: [:], expectedVersion: 1, revision: "r2", now: Timestamp(seconds: 99))
        }
        let updated = try await Fixtures.allPages(
            store, RecordQuery(table: "customers", sort: RecordSort(key: .updatedAt, descending: true), limit: 2))
        #expect(updated.map(\.id) == [ids[1], ids[0], ids[2]])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func filtersCombineWithPaging(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let rows: [[String: Value]] = (0..<12).map { index in
            ["active": index % 3 == 0 ? .null : .bool(index.isMultiple(of: 2)), "born_on": .string("2024-01-0\(index % 2 + 1)")]
        }
        let records = try await Fixtures.insert(store, rows)
        let query = RecordQuery(table: "customers", filters: ["active": .bool(true), "born_on": .string("2024-01-01")], limit: 1)
        let found = try await Fixtures.allPages(store, query)
        let expected = records.filter { $0.fields["active"] == .bool(true) && $0.fields["born_on"] == .string("2024-01-01") }
        #expect(Set(found.map(\.id)) == Set(expected.map(\.id)))
        #expect(found.count == expected.count)
        let empties = try await store.read(app: "crm") { try $0.count(table: "customers", matching: ["active": .null]) }
        #expect(empties == 4)
        let badFilter = await #expect(throws: StorageError.self) {
            try await store.read(app: "crm") { try $0.count(table: "customers", matching: ["active": .string("yes")]) }
        }
        #expect(badFilter?.code == .invalidValue)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func refusesBadQueries(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        _ = try await Fixtures.insert(store, [[:], [:], [:]])
        let first = try await store.read(app: "crm") { try $0.records(RecordQuery(table: "customers", sort: .ascending("name"), limit: 1)) }
        let cursor = try #require(first.next)
        let cases: [(RecordQuery, StorageError.Code)] = [
            (RecordQuery(table: "customers", limit: 0), .invalidQuery),
            (RecordQuery(table: "customers", limit: RecordQuery.maximumLimit + 1), .invalidQuery),
            (RecordQuery(table: "customers", sort: .ascending("tags")), .invalidQuery),
            (RecordQuery(table: "customers", sort: .ascending("nmae")), .unknownField),
            (RecordQuery(table: "customers", sort: .descending("name"), after: cursor), .invalidCursor),
            (RecordQuery(table: "customers", sort: .ascending("visits"), after: cursor), .invalidCursor),
            (RecordQuery(table: "customers", after: "not a cursor!"), .invalidCursor),
            (RecordQuery(table: "customers", after: String(cursor.dropLast(3))), .invalidCursor),
            (RecordQuery(table: "clients"), .unknownTable),
        ]
        for (query, code) in cases {
            let error = await #expect(throws: StorageError.self) { try await store.read(app: "crm") { try $0.records(query) } }
            #expect(error?.code == code, "\(query)")
        }
        let second = try await store.read(app: "crm") {
            try $0.records(RecordQuery(table: "customers", filters: ["visits": .null], sort: .ascending("name"), limit: 1, after: cursor))
        }
        #expect(second.records.count == 1)
        #expect(second.records.first?.id != first.records.first?.id)
        try await store.close()
    }
}
