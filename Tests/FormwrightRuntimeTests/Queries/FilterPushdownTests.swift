import FormwrightCore
import FormwrightStorage
import Testing

@testable import FormwrightRuntime

/// A filter gives the same records, in the same order and pages, whether the backend evaluates it
/// or every record is read and the filter evaluated in memory — on every backend.
@Suite struct FilterPushdownTests {
    static let filters = [
        "channel == 'email'",
        "channel != 'email'",
        "channel == null",
        "channel != null && score < 0.0",
        "score < 0.0",
        "!(score < 0.0)",
        "score >= 0.5 || channel == 'visit'",
        "score == 0.0",
        "channel in ['phone', 'visit']",
        "channel in ['phone', null]",
        "visits > 2.0",
        "visits > 2.5",
        "2 <= visits && visits <= 4",
        "amount > 12.5",
        "amount == 0.01",
        "amount < 0.005",
        "amount >= 100 && amount != null",
        "active == true",
        "active == false || active == null",
        "active != true",
        "channel == 'email' && active",
        "!(channel == 'phone') || active",
        "due_on < timestamp('2024-03-01T00:00:00+08:00')",
        "due_on >= timestamp('2024-02-29T00:00:00+08:00') && due_on <= timestamp('2024-03-02T00:00:00+08:00')",
        "due_on > now",
        "seen_at >= timestamp('2024-05-01T10:00:00.000001Z')",
        "seen_at < timestamp('2024-05-01T10:00:00.0000005Z')",
        "seen_at < now - duration('1h')",
        "name.startsWith('Z')",
        "name.contains('é')",
        "name.startsWith('E\u{301}')",
        "record.name > 'Zo'",
        "name < 'é' && name >= 'Zoe'",
        "owner.contains('@example') && owner.startsWith('owner1')",
        "'vip' in tags",
        "band == 'low'",
        "size(name) > 4 && channel == 'email'",
        "visits / (visits - 3) > 0",
        "score == null ? false : score > 0.1",
        "channel == user.channel",
        "channel == user.region",
        "true",
        "false",
    ]

    static let sorts: [String?] = [nil, "name", "-amount", "due_on", "-seen_at", "visits", "-id", "updated_at", "-active", "score"]

    static let user = Value.map(ValueMap([(.string("channel"), .string("visit"))]))

    /// Every id the filter gives, page after page of three.
    static func allPages(
        _ runtime: AppRuntime, filter: String, sort: String?, strategy: AppRuntime.FilterStrategy
    ) async throws -> [String] {
        var ids: [String] = []
        var after: String?
        var pages = 0
        repeat {
            let page = try await runtime.records(
                table: "contacts", filter: filter, sort: sort, limit: 3, after: after, user: user, strategy: strategy)
            ids += page.records.map(\.id)
            after = page.next
            pages += 1
        } while after != nil && pages < 100
        return ids
    }

    @Test(arguments: FilterApp.backends)
    func pushdownAgreesWithEvaluation(backend: String) async throws {
        let store = try await FilterApp.open(backend)
        do {
            try await FilterApp.seed(store.runtime)
            for (index, filter) in Self.filters.enumerated() {
                let sort = Self.sorts[index % Self.sorts.count]
                let pushed = try await Self.allPages(store.runtime, filter: filter, sort: sort, strategy: .pushdown)
                let evaluated = try await Self.allPages(store.runtime, filter: filter, sort: sort, strategy: .inMemory)
                #expect(pushed == evaluated, "\(filter), sorted by \(sort ?? "default"), on \(backend)")
            }
            // The reference itself is right: the seeds cycle channels by 5 and scores by 7.
            #expect(try await Self.allPages(store.runtime, filter: "channel == 'email'", sort: nil, strategy: .pushdown).count == 8)
            #expect(try await Self.allPages(store.runtime, filter: "score < 0.0", sort: nil, strategy: .pushdown).count == 6)
            #expect(try await Self.allPages(store.runtime, filter: "true", sort: nil, strategy: .pushdown).count == 40)
        } catch {
            try await store.close()
            throw error
        }
        try await store.close()
    }
}
