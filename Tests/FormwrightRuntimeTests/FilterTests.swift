import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Testing

/// The `filter` of the records API: checked like any expression, run by the backend or per record, paged.
@Suite struct FilterTests {
    static func seeded() async throws -> AppRuntime {
        let runtime = try await SalesApp.runtime()
        for index in 0..<25 {
            var values: [String: Value] = ["title": .string("Deal \(index)"), "quantity": .int(Int64(index + 1))]
            if index % 5 == 0 { values["sentiment"] = .double(-0.5) }
            _ = try await runtime.create(table: "deals", input: SalesApp.json(values))
        }
        _ = try await runtime.create(table: "customers", input: SalesApp.json(["name": .string("Secret customer")]))
        return runtime
    }

    @Test func aFilterNarrowsAndPages() async throws {
        let runtime = try await Self.seeded()
        let first = try await runtime.records(table: "deals", filter: "risk == 'high'", limit: 3, after: nil)
        #expect(first.records.map { $0.fields["title"] } == [.string("Deal 0"), .string("Deal 5"), .string("Deal 10")])
        let next = try #require(first.next)
        let second = try await runtime.records(table: "deals", filter: "risk == 'high'", limit: 3, after: next)
        #expect(second.records.map { $0.fields["title"] } == [.string("Deal 15"), .string("Deal 20")])
        #expect(second.next == nil)
        let guarded = try await runtime.records(table: "deals", filter: "record.sentiment != null && record.quantity > 10", limit: 50, after: nil)
        #expect(guarded.records.count == 3)
    }

    @Test func aFilterCannotReachOtherTablesOrRecords() async throws {
        let runtime = try await Self.seeded()
        for filter in ["customers.exists(c, c.name == 'Secret customer')", "name == 'Secret customer'", "record.name == 'x'"] {
            await #expect(throws: RuntimeError.self) {
                _ = try await runtime.records(table: "deals", filter: filter, limit: 10, after: nil)
            }
        }
        // The only row in scope is the one being tested: every result is a record of the table asked for.
        let all = try await runtime.records(table: "deals", filter: "true", limit: 100, after: nil)
        #expect(all.records.count == 25)
        #expect(all.records.allSatisfy { $0.fields["title"] != nil && $0.fields["name"] == nil })
    }

    @Test func aBadFilterIsABadRequestNamingItsPosition() async throws {
        let runtime = try await Self.seeded()
        do {
            _ = try await runtime.records(table: "deals", filter: "quantity > 1 && chanel == 'email'", limit: 10, after: nil)
            Issue.record("the filter was accepted")
        } catch let error as RuntimeError {
            #expect(error.kind == .badRequest)
            #expect(error.message.contains("did you mean 'channel'?"))
            #expect(error.message.contains("at character 17"))
        }
        await #expect(throws: RuntimeError.self) {
            _ = try await runtime.records(table: "deals", filter: "quantity + 1", limit: 10, after: nil)
        }
    }

    @Test func aRecordTheFilterFailsOnDoesNotMatch() async throws {
        let runtime = try await Self.seeded()
        // Twenty deals have no sentiment: `<` fails on them, in the backend and in memory alike.
        for filter in ["sentiment < 0.0", "sentiment < 0.0 && size(title) > 0", "!(sentiment >= 0.0)"] {
            let page = try await runtime.records(table: "deals", filter: filter, limit: 50, after: nil)
            #expect(page.records.map { $0.fields["title"] } == [0, 5, 10, 15, 20].map { .string("Deal \($0)") }, "\(filter)")
        }
        let divided = try await runtime.records(table: "deals", filter: "100 / (quantity - 3) > 0", limit: 50, after: nil)
        #expect(divided.records.count == 22)
        let included = try await runtime.records(table: "deals", filter: "sentiment == null || sentiment < 0.0", limit: 50, after: nil)
        #expect(included.records.count == 25)
    }
}
