import FormwrightCore
import FormwrightStorage
import Testing

/// Grouping and measuring records in the backend: the same bodies run against every backend
/// and compare with answers worked out by hand.
@Suite struct AggregateConformanceTests {
    private static func row(_ keys: [ColumnValue], _ values: [ColumnValue]) -> AggregateRow {
        AggregateRow(keys: keys, values: values)
    }

    @Test(arguments: BackendFactory.all)
    func groupsByAFieldWithEveryMeasure(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.sales(factory, folder)
        let query = AggregateQuery(
            table: "deals", groups: [.field("region")],
            measures: [.count, .sum("amount"), .average("units"), .minimum("due_on"), .maximum("score"), .minimum("won"), .sum("score")])
        // Empty key first, then text by UTF-8 bytes: "West" < "east" < "west".
        #expect(
            try await Fixtures.aggregate(store, query) == [
                Self.row([.null], [.integer(1), .null, .real(7), .null, .real(2.25), .null, .real(2.25)]),
                Self.row([.text("West")], [.integer(1), .integer(1), .real(2), .text("2026-03-15"), .real(-1), .integer(0), .real(-1)]),
                Self.row(
                    [.text("east")], [.integer(3), .integer(123_600), .real(3), .text("2025-12-31"), .real(1.5), .integer(0), .real(2.25)]),
                Self.row([.text("west")], [.integer(1), .integer(5_000), .null, .text("2026-03-15"), .null, .integer(1), .null]),
            ])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func groupsByTwoFields(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.sales(factory, folder)
        let query = AggregateQuery(table: "deals", groups: [.field("region"), .field("owner")], measures: [.count, .sum("units")])
        #expect(
            try await Fixtures.aggregate(store, query) == [
                Self.row([.null, .text("bob")], [.integer(1), .integer(7)]),
                Self.row([.text("West"), .text("éva")], [.integer(1), .integer(2)]),
                Self.row([.text("east"), .null], [.integer(1), .integer(5)]),
                Self.row([.text("east"), .text("ann")], [.integer(1), .integer(3)]),
                Self.row([.text("east"), .text("bob")], [.integer(1), .integer(1)]),
                Self.row([.text("west"), .text("ann")], [.integer(1), .null]),
            ])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func groupsTimestampsByPeriodsOfATimeZone(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.sales(factory, folder)
        func counts(_ period: DatePeriod, _ zone: String) async throws -> [AggregateRow] {
            try await Fixtures.aggregate(
                store, AggregateQuery(table: "deals", groups: [.period("closed_at", period)], measures: [.count], timeZone: zone))
        }
        func rows(_ expected: [(String?, Int64)]) -> [AggregateRow] {
            expected.map { Self.row([$0.0.map(ColumnValue.text) ?? .null], [.integer($0.1)]) }
        }
        // 22:30 UTC is 00:30 the next day in summer time (UTC+2) but 23:30 the same day after the change (UTC+1).
        #expect(
            try await counts(.day, "Europe/Berlin") == rows([(nil, 1), ("2026-10-25", 2), ("2027-01-01", 1), ("2027-01-03", 1), ("2027-01-04", 1)]))
        #expect(try await counts(.week, "Europe/Berlin") == rows([(nil, 1), ("2026-10-19", 2), ("2026-12-28", 2), ("2027-01-04", 1)]))
        #expect(try await counts(.month, "Europe/Berlin") == rows([(nil, 1), ("2026-10-01", 2), ("2027-01-01", 3)]))
        #expect(try await counts(.week, "America/New_York") == rows([(nil, 1), ("2026-10-19", 2), ("2026-12-28", 3)]))
        #expect(
            try await counts(.day, "UTC") == rows([(nil, 1), ("2026-10-24", 1), ("2026-10-25", 1), ("2026-12-31", 1), ("2027-01-03", 2)]))
        #expect(try await counts(.month, "UTC") == rows([(nil, 1), ("2026-10-01", 2), ("2026-12-01", 1), ("2027-01-01", 2)]))
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func groupsDatesByPeriodsWithOtherKeys(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.sales(factory, folder)
        let byMonth = AggregateQuery(table: "deals", groups: [.period("due_on", .month)], measures: [.count, .sum("amount")], timeZone: "Asia/Tokyo")
        #expect(
            try await Fixtures.aggregate(store, byMonth) == [
                Self.row([.null], [.integer(2), .integer(50)]),
                Self.row([.text("2025-12-01")], [.integer(1), .integer(123_450)]),
                Self.row([.text("2026-01-01")], [.integer(1), .integer(100)]),
                Self.row([.text("2026-03-01")], [.integer(2), .integer(5_001)]),
            ])
        // 2025-12-31 and 2026-01-01 share the ISO week 2026-W01, which starts on Monday 2025-12-29.
        let byWeekAndRegion = AggregateQuery(table: "deals", groups: [.period("due_on", .week), .field("region")], measures: [.count])
        #expect(
            try await Fixtures.aggregate(store, byWeekAndRegion) == [
                Self.row([.null, .null], [.integer(1)]),
                Self.row([.null, .text("east")], [.integer(1)]),
                Self.row([.text("2025-12-29"), .text("east")], [.integer(2)]),
                Self.row([.text("2026-03-09"), .text("West")], [.integer(1)]),
                Self.row([.text("2026-03-09"), .text("west")], [.integer(1)]),
            ])
        let byDay = AggregateQuery(table: "deals", groups: [.period("due_on", .day)], measures: [.maximum("closed_at")])
        #expect(
            try await Fixtures.aggregate(store, byDay) == [
                Self.row([.null], [Fixtures.micros(Fixtures.utc(2027, 1, 3, 12, 0))]),
                Self.row([.text("2025-12-31")], [Fixtures.micros(Fixtures.utc(2026, 10, 24, 22, 30))]),
                Self.row([.text("2026-01-01")], [Fixtures.micros(Fixtures.utc(2026, 10, 25, 22, 30))]),
                Self.row([.text("2026-03-15")], [Fixtures.micros(Fixtures.utc(2027, 1, 3, 23, 30))]),
            ])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func measuresTheWholeTableAsOneGroup(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.sales(factory, folder)
        let query = AggregateQuery(
            table: "deals", measures: [.count, .sum("amount"), .average("score"), .minimum("closed_at"), .maximum("closed_at"), .maximum("owner")])
        #expect(
            try await Fixtures.aggregate(store, query) == [
                Self.row(
                    [],
                    [
                        .integer(6), .integer(128_601), .real(0.7), Fixtures.micros(Fixtures.utc(2026, 10, 24, 22, 30)),
                        Fixtures.micros(Fixtures.utc(2027, 1, 3, 23, 30)), .text("éva"),
                    ])
            ])
        let average = AggregateQuery(table: "deals", groups: [.field("won")], measures: [.average("amount"), .minimum("amount")])
        #expect(
            try await Fixtures.aggregate(store, average) == [
                Self.row([.null], [.null, .null]),
                Self.row([.integer(0)], [.real(50.5), .integer(1)]),
                Self.row([.integer(1)], [.real(42_833.333_333_333_336), .integer(50)]),
            ])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func emptyTablesGiveOneGroupWithoutKeysAndNoneWithKeys(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.sales(factory, folder, rows: [])
        let whole = AggregateQuery(table: "deals", measures: [.count, .sum("amount"), .average("units"), .minimum("region")])
        #expect(try await Fixtures.aggregate(store, whole) == [Self.row([], [.integer(0), .null, .null, .null])])
        let grouped = AggregateQuery(table: "deals", groups: [.field("region")], measures: [.count])
        #expect(try await Fixtures.aggregate(store, grouped) == [])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func conditionsChooseTheRecords(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.sales(factory, folder)
        let won = AggregateQuery(
            table: "deals", condition: .equals("won", .integer(1)), groups: [.field("region")], measures: [.count, .sum("amount")])
        #expect(
            try await Fixtures.aggregate(store, won) == [
                Self.row([.text("east")], [.integer(2), .integer(123_500)]),
                Self.row([.text("west")], [.integer(1), .integer(5_000)]),
            ])
        // An empty amount makes the comparison unknown: that record is left out, not counted.
        let large = AggregateQuery(
            table: "deals", condition: .not(.compare("amount", .less, .integer(100))), groups: [.period("closed_at", .month)],
            measures: [.count], timeZone: "Europe/Berlin")
        #expect(
            try await Fixtures.aggregate(store, large) == [
                Self.row([.text("2026-10-01")], [.integer(2)]),
                Self.row([.text("2027-01-01")], [.integer(1)]),
            ])
        let none = AggregateQuery(table: "deals", condition: .constant(false), measures: [.count, .maximum("units")])
        #expect(try await Fixtures.aggregate(store, none) == [Self.row([], [.integer(0), .null])])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func integerSumsAreExactToTheLastBitAndOverflowIsAnError(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.sales(
            factory, folder,
            rows: [
                ["region": .string("full"), "units": .int(Int64.max - 1), "amount": .int(Int64.min)],
                ["region": .string("full"), "units": .int(1)],
                ["region": .string("over"), "units": .int(Int64.max)],
                ["region": .string("over"), "units": .int(1)],
            ])
        let fits = AggregateQuery(
            table: "deals", condition: .equals("region", .text("full")), measures: [.sum("units"), .sum("amount"), .average("units")])
        #expect(
            try await Fixtures.aggregate(store, fits) == [Self.row([], [.integer(Int64.max), .integer(Int64.min), .real(4.611_686_018_427_388e18)])])
        let overflow = AggregateQuery(table: "deals", groups: [.field("region")], measures: [.count, .sum("units")])
        let error = await #expect(throws: StorageError.self) { try await Fixtures.aggregate(store, overflow) }
        #expect(error?.code == .invalidQuery)
        #expect(error?.field == "units")
        #expect(error?.message.contains("does not fit a 64-bit integer") == true)
        let under = AggregateQuery(table: "deals", measures: [.sum("amount")])
        #expect(try await Fixtures.aggregate(store, under) == [Self.row([], [.integer(Int64.min)])])
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func badQueriesAreRefusedBeforeReading(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.sales(factory, folder)
        let cases: [(AggregateQuery, StorageError.Code, String?)] = [
            (AggregateQuery(table: "deals", groups: [.period("closed_at", .week)], measures: [.count], timeZone: "Mars/Olympus"), .invalidQuery, nil),
            (AggregateQuery(table: "deals", measures: [.count], timeZone: "GMT+5"), .invalidQuery, nil),
            (AggregateQuery(table: "deals", groups: [.period("region", .month)], measures: [.count]), .invalidQuery, "region"),
            (AggregateQuery(table: "deals", groups: [.period("units", .day)], measures: [.count]), .invalidQuery, "units"),
            (AggregateQuery(table: "deals", groups: [.field("tags")], measures: [.count]), .invalidQuery, "tags"),
            (AggregateQuery(table: "deals", measures: [.sum("region")]), .invalidQuery, "region"),
            (AggregateQuery(table: "deals", measures: [.sum("won")]), .invalidQuery, "won"),
            (AggregateQuery(table: "deals", measures: [.average("closed_at")]), .invalidQuery, "closed_at"),
            (AggregateQuery(table: "deals", measures: [.maximum("tags")]), .invalidQuery, "tags"),
            (AggregateQuery(table: "deals", groups: [.field("regoin")], measures: [.count]), .unknownField, "regoin"),
            (AggregateQuery(table: "deals", measures: [.minimum("nope")]), .unknownField, "nope"),
            (AggregateQuery(table: "deals", condition: .equals("nope", .null), measures: [.count]), .unknownField, "nope"),
            (AggregateQuery(table: "dealz", measures: [.count]), .unknownTable, nil),
        ]
        for (query, code, field) in cases {
            let error = await #expect(throws: StorageError.self, "\(query)") { try await Fixtures.aggregate(store, query) }
            #expect(error?.code == code, "\(query)")
            #expect(error?.field == field, "\(query)")
        }
        let zone = await #expect(throws: StorageError.self) {
            try await Fixtures.aggregate(store, AggregateQuery(table: "deals", measures: [.count], timeZone: "Mars/Olympus"))
        }
        #expect(zone?.message.contains("unknown time zone 'Mars/Olympus'") == true)
        // A refused query inside a write leaves the transaction usable.
        let count = try await store.write(app: "sales") { transaction in
            _ = try? transaction.aggregate(AggregateQuery(table: "deals", measures: [.sum("region")]))
            _ = try transaction.insert(table: "deals", fields: ["region": .string("north")], revision: "r1", now: Fixtures.now)
            return try transaction.aggregate(AggregateQuery(table: "deals", condition: .equals("region", .text("north")), measures: [.count]))
        }
        #expect(count == [Self.row([], [.integer(1)])])
        #expect(try await store.read(app: "sales") { try $0.count(table: "deals") } == 7)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func moreGroupsThanTheLimitIsAnError(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let limit = AggregateQuery.maximumGroups
        let store = try await Fixtures.sales(factory, folder, rows: (0...limit).map { ["units": .int(Int64($0))] })
        let error = await #expect(throws: StorageError.self) {
            try await Fixtures.aggregate(store, AggregateQuery(table: "deals", groups: [.field("units")], measures: [.count]))
        }
        #expect(error?.code == .invalidQuery)
        #expect(error?.message.contains("more than \(limit) groups") == true)
        let atLimit = AggregateQuery(
            table: "deals", condition: .compare("units", .greater, .integer(0)), groups: [.field("units")], measures: [.count])
        let rows = try await Fixtures.aggregate(store, atLimit)
        #expect(rows.count == limit)
        #expect(rows.first == Self.row([.integer(1)], [.integer(1)]))
        #expect(rows.last == Self.row([.integer(Int64(limit))], [.integer(1)]))
        // A query may set a limit of its own, above or below the default.
        var wider = AggregateQuery(table: "deals", groups: [.field("units")], measures: [.count])
        wider.groupLimit = limit + 1
        #expect(try await Fixtures.aggregate(store, wider).count == limit + 1)
        wider.groupLimit = 3
        let narrow = await #expect(throws: StorageError.self) { try await Fixtures.aggregate(store, wider) }
        #expect(narrow?.message.contains("more than 3 groups") == true)
        try await store.close()
    }
}
