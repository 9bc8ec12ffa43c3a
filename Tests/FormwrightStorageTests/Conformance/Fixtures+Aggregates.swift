import FormwrightCore
import FormwrightStorage

/// The `sales` app the aggregate conformance tests group and measure.
extension Fixtures {
    static let deals = TableSchema(
        name: "deals",
        columns: [
            ColumnSchema(name: "region", type: .text),
            ColumnSchema(name: "owner", type: .text),
            ColumnSchema(name: "amount", type: .money(scale: 2)),
            ColumnSchema(name: "units", type: .integer),
            ColumnSchema(name: "score", type: .double),
            ColumnSchema(name: "closed_at", type: .timestamp),
            ColumnSchema(name: "due_on", type: .date),
            ColumnSchema(name: "won", type: .boolean),
            ColumnSchema(name: "tags", type: .textList),
        ])

    /// The instant `year-month-day hour:minute` UTC.
    static func utc(_ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64, _ minute: Int64) -> Timestamp {
        Timestamp(seconds: (CalendarDate.dayNumber(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60))
    }

    /// The stored form of an instant.
    static func micros(_ time: Timestamp) -> ColumnValue {
        .integer(ColumnType.microseconds(time) ?? 0)
    }

    /// Six deals around a daylight-saving change (Berlin leaves summer time on 2026-10-25 at
    /// 01:00 UTC) and a year boundary (2027-01-01 is a Friday of the ISO week that starts on
    /// Monday 2026-12-28), with empty values in every grouped and measured field.
    static let dealRows: [[String: Value]] = [
        [
            "region": .string("east"), "owner": .string("ann"), "amount": .int(123_450), "units": .int(3), "score": .double(0.5),
            "closed_at": .timestamp(utc(2026, 10, 24, 22, 30)), "due_on": .string("2025-12-31"), "won": .bool(true),
        ],
        [
            "region": .string("east"), "owner": .string("bob"), "amount": .int(100), "units": .int(1), "score": .double(1.5),
            "closed_at": .timestamp(utc(2026, 10, 25, 22, 30)), "due_on": .string("2026-01-01"), "won": .bool(false),
        ],
        [
            "region": .string("west"), "owner": .string("ann"), "amount": .int(5_000),
            "closed_at": .timestamp(utc(2026, 12, 31, 23, 30)), "due_on": .string("2026-03-15"), "won": .bool(true),
        ],
        ["owner": .string("bob"), "units": .int(7), "score": .double(2.25), "closed_at": .timestamp(utc(2027, 1, 3, 12, 0))],
        [
            "region": .string("West"), "owner": .string("éva"), "amount": .int(1), "units": .int(2), "score": .double(-1),
            "closed_at": .timestamp(utc(2027, 1, 3, 23, 30)), "due_on": .string("2026-03-15"), "won": .bool(false),
        ],
        ["region": .string("east"), "amount": .int(50), "units": .int(5), "score": .double(0.25), "won": .bool(true)],
    ]

    /// A backend with the `sales` app prepared and, unless told otherwise, the six deals in it.
    static func sales(_ factory: BackendFactory, _ folder: TemporaryFolder, rows: [[String: Value]] = dealRows) async throws
        -> any StorageBackend
    {
        let store = try await factory.make(folder)
        try await store.prepare(app: "sales", schema: [deals])
        try await store.write(app: "sales") { transaction in
            for row in rows { _ = try transaction.insert(table: "deals", fields: row, revision: "r1", now: now) }
        }
        return store
    }

    /// The answer to an aggregate query on the `sales` app.
    static func aggregate(_ store: any StorageBackend, _ query: AggregateQuery) async throws -> [AggregateRow] {
        try await store.read(app: "sales") { try $0.aggregate(query) }
    }
}
