import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Testing

/// Aggregates through the runtime: terms parsed and checked against the table, values shown as
/// the app shows them, periods in the app's time zone (Asia/Shanghai, UTC+8).
@Suite struct AggregateTests {
    static func seeded() async throws -> AppRuntime {
        let runtime = try await SalesApp.runtime()
        let deals: [[String: Value]] = [
            [
                "title": .string("Alpha"), "channel": .string("phone"), "amount": .string("1234.50"), "quantity": .int(3),
                "opened_at": .string("2026-11-22T20:00:00Z"),
            ],
            [
                "title": .string("Beta"), "channel": .string("phone"), "amount": .string("0.25"), "quantity": .int(1),
                "opened_at": .string("2026-11-22T15:00:00Z"),
            ],
            ["title": .string("Gamma"), "channel": .string("email"), "quantity": .int(2), "opened_at": .string("2026-11-24T01:00:00Z")],
            ["title": .string("Delta"), "amount": .string("10"), "quantity": .int(5), "opened_at": .string("2026-11-25T00:00:00Z")],
        ]
        for deal in deals { _ = try await runtime.create(table: "deals", input: SalesApp.json(deal)) }
        return runtime
    }

    @Test func groupsByAChoiceAndTheWeekInTheAppsZone() async throws {
        let runtime = try await Self.seeded()
        let result = try await runtime.aggregate(
            table: "deals", groupBy: ["channel", "week( opened_at )"],
            measures: ["count", "sum(amount)", "avg(amount)", "min(quantity)", "max(opened_at)"])
        #expect(result.timeZone == "Asia/Shanghai")
        // 2026-11-22T20:00Z is Monday 04:00 in Shanghai (week of 2026-11-23); 15:00Z is still Sunday (week of 2026-11-16).
        #expect(
            JSONWriter.write(result.json) == """
                {"time_zone":"Asia/Shanghai","groups":[\
                {"channel":null,"week(opened_at)":"2026-11-23","count":1,"sum(amount)":"10.00","avg(amount)":"10.00","min(quantity)":5,"max(opened_at)":"2026-11-25T00:00:00Z"},\
                {"channel":"email","week(opened_at)":"2026-11-23","count":1,"sum(amount)":null,"avg(amount)":null,"min(quantity)":2,"max(opened_at)":"2026-11-24T01:00:00Z"},\
                {"channel":"phone","week(opened_at)":"2026-11-16","count":1,"sum(amount)":"0.25","avg(amount)":"0.25","min(quantity)":1,"max(opened_at)":"2026-11-22T15:00:00Z"},\
                {"channel":"phone","week(opened_at)":"2026-11-23","count":1,"sum(amount)":"1234.50","avg(amount)":"1234.50","min(quantity)":3,"max(opened_at)":"2026-11-22T20:00:00Z"}]}
                """)
    }

    @Test func measuresTheWholeTableWhenNotGrouped() async throws {
        let runtime = try await Self.seeded()
        let result = try await runtime.aggregate(table: "deals", groupBy: [], measures: ["sum(amount)", "avg(quantity)", "avg(amount)"])
        #expect(JSONWriter.write(.list(result.groups)) == #"[{"sum(amount)":"1244.75","avg(quantity)":2.75,"avg(amount)":"414.92"}]"#)
        let counted = try await runtime.aggregate(table: "deals", groupBy: ["month(opened_at)"], measures: [])
        #expect(JSONWriter.write(.list(counted.groups)) == #"[{"month(opened_at)":"2026-11-01","count":4}]"#)
    }

    @Test func badTermsAreBadRequestsThatSayWhatToWrite() async throws {
        let runtime = try await Self.seeded()
        let cases: [([String], [String], String)] = [
            (["chanel"], [], "unknown field 'chanel' in table 'deals'; did you mean 'channel'?"),
            (["year(opened_at)"], [], "unknown group 'year(opened_at)'; group by a field, day(field), week(field) or month(field)"),
            (["week(title)"], [], "field 'title' of table 'deals' is not a date or datetime, so it has no week"),
            (["week(opend_at)"], [], "unknown field 'opend_at' in table 'deals'; did you mean 'opened_at'?"),
            ([], ["sum(title)"], "field 'title' of table 'deals' is not an integer, number or money field, so it has no sum"),
            ([], ["median(amount)"], "unknown measure 'median(amount)'; measure count, sum(field), avg(field), min(field) or max(field)"),
            ([], ["amount"], "unknown measure 'amount'; measure count, sum(field), avg(field), min(field) or max(field)"),
            ([], ["sum(amount"], "cannot read measure 'sum(amount'; write a field or function(field), such as count or sum(amount)"),
            ([], ["sum()"], "cannot read measure 'sum()'; write a field or function(field), such as count or sum(amount)"),
            (["channel"], ["count", "count"], "'count' is named twice; each group and measure once"),
        ]
        for (groups, measures, message) in cases {
            let error = await #expect(throws: RuntimeError.self, "\(groups) \(measures)") {
                _ = try await runtime.aggregate(table: "deals", groupBy: groups, measures: measures)
            }
            #expect(error?.kind == .badRequest)
            #expect(error?.message == message)
        }
        let many = (0..<AggregateSpec.maximumTerms).map { "min(quantity)" + String(repeating: " ", count: $0) }
        let tooMany = await #expect(throws: RuntimeError.self) {
            _ = try await runtime.aggregate(table: "deals", groupBy: ["channel"], measures: many)
        }
        #expect(tooMany?.message == "an aggregate takes at most 32 groups and measures together")
        let missing = await #expect(throws: RuntimeError.self) { _ = try await runtime.aggregate(table: "nope", groupBy: [], measures: []) }
        #expect(missing?.kind == .notFound)
        #expect(AggregateSpec.terms(" region, ,week(opened_at) ") == [" region", "week(opened_at) "])
    }

    @Test func aMultichoiceFieldIsNeitherAGroupNorAnExtreme() async throws {
        let runtime = try await TestApp.runtime()
        for (groups, measures, message) in [
            (["tags"], [], "field 'tags' of table 'things' holds a list of choices and cannot be grouped by"),
            ([], ["max(tags)"], "field 'tags' of table 'things' holds a list of choices and has no max"),
        ] {
            let error = await #expect(throws: RuntimeError.self) {
                _ = try await runtime.aggregate(table: "things", groupBy: groups, measures: measures)
            }
            #expect(error?.message == message)
        }
    }
}
