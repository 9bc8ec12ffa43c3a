import FormwrightCore
import FormwrightStorage
import Testing

/// Random operations applied to the reference backend and to every other backend side by side;
/// every outcome — record, page or error code — must be the same.
@Suite struct DifferentialTests {
    /// A small seeded generator, so a failure replays exactly.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// What one operation gave: a value, or the code of the error it threw.
    enum Outcome: Equatable {
        case record(StoredRecord?)
        case records([StoredRecord])
        case number(Int)
        case failed(StorageError.Code)
    }

    static let pools: [String: [Value]] = [
        "name": [.null, .string(""), .string("a"), .string("B"), .string("é"), .string("e\u{301}"), .string("z")],
        "email": [.null, .string("a@x"), .string("b@x"), .string("c@x")],
        "visits": [.null, .int(-1), .int(0), .int(1), .int(Int64.max)],
        "score": [.null, .double(-1.5), .double(0), .double(2.25)],
        "active": [.null, .bool(true), .bool(false)],
        "balance": [.null, .int(-100), .int(0), .int(99)],
        "born_on": [.null, .string("1969-12-31"), .string("2024-02-29")],
        "seen_at": [
            .null, .timestamp(Timestamp(seconds: -1, nanos: 999_999_999)), .timestamp(Timestamp(seconds: 0)),
            .timestamp(Timestamp(seconds: 5, nanos: 1)),
        ],
        "tags": [.null, .list([]), .list([.string("a")]), .list([.string("a"), .string("b")])],
    ]

    static func pick<T>(_ items: [T], _ random: inout SplitMix) -> T {
        items[Int(random.next(upperBound: UInt64(items.count)))]
    }

    static func randomFields(_ random: inout SplitMix) -> [String: Value] {
        var fields: [String: Value] = [:]
        for (name, pool) in pools.sorted(by: { $0.key < $1.key }) where random.next(upperBound: UInt64(3)) == 0 {
            fields[name] = pick(pool, &random)
        }
        return fields
    }

    static func run(_ store: any StorageBackend, _ body: @escaping @Sendable (any WriteTransaction) throws -> Outcome) async -> Outcome {
        do {
            return try await store.write(app: "crm", body)
        } catch let error as StorageError {
            return .failed(error.code)
        } catch {
            return .failed(.backendFailure)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64], BackendFactory.others)
    func backendsAgreeOnRandomWork(_ seed: UInt64, _ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let reference = try await Fixtures.prepared(.memory, folder)
        let other = try await Fixtures.prepared(factory, folder)
        var random = SplitMix(state: seed)
        var ids: [String] = []
        for step in 0..<250 {
            let choice = random.next(upperBound: UInt64(10))
            let now = Timestamp(seconds: Int64(step) - 100, nanos: Int32(random.next(upperBound: UInt64(1_000_000_000))))
            let operation: @Sendable (any WriteTransaction) throws -> Outcome
            switch choice {
            case 0...3:
                let id = "r\(step)"
                ids.append(id)
                let fields = Self.randomFields(&random)
                operation = { .record(try $0.insert(table: "customers", id: id, fields: fields, revision: "v\(step)", now: now)) }
            case 4...5:
                let id = ids.isEmpty ? "none" : Self.pick(ids, &random)
                let fields = Self.randomFields(&random)
                let expected: Int64? = random.next(upperBound: UInt64(3)) == 0 ? nil : Int64(random.next(upperBound: UInt64(3))) + 1
                operation = {
                    .record(try $0.update(table: "customers", id: id, fields: fields, expectedVersion: expected, revision: "v\(step)", now: now))
                }
            case 6:
                let id = ids.isEmpty ? "none" : Self.pick(ids, &random)
                let expected: Int64? = random.next(upperBound: UInt64(2)) == 0 ? nil : Int64(random.next(upperBound: UInt64(3))) + 1
                operation = { transaction in
                    try transaction.delete(table: "customers", id: id, expectedVersion: expected)
                    return .record(nil)
                }
            case 7:
                let (name, pool) = Self.pick(Self.pools.sorted { $0.key < $1.key }, &random)
                let value = Self.pick(pool, &random)
                operation = { .number(try $0.count(table: "customers", matching: [name: value])) }
            default:
                let keys: [RecordSort.Key] = [.id, .createdAt, .updatedAt] + Self.pools.keys.sorted().map { .field($0) }
                let sort = RecordSort(key: Self.pick(keys, &random), descending: random.next(upperBound: UInt64(2)) == 0)
                var filters: [String: Value] = [:]
                if random.next(upperBound: UInt64(2)) == 0 { filters["active"] = Self.pick(Self.pools["active"] ?? [], &random) }
                let limit = Int(random.next(upperBound: UInt64(6))) + 1
                operation = { [filters] transaction in
                    var query = RecordQuery(table: "customers", filters: filters, sort: sort, limit: limit)
                    var records: [StoredRecord] = []
                    while true {
                        let page = try transaction.records(query)
                        records += page.records
                        guard let next = page.next else { return .records(records) }
                        query.after = next
                    }
                }
            }
            let expected = await Self.run(reference, operation)
            let found = await Self.run(other, operation)
            #expect(found == expected, "\(factory.name), seed \(seed), step \(step)")
            if found != expected { break }
        }
        try await other.close()
    }
}
