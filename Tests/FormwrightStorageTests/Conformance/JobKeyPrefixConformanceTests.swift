import FormwrightCore
import FormwrightStorage
import Testing

/// `JobQuery.keyPrefix` on every backend: exactly the jobs whose dedup key begins with the
/// prefix, in list order, with the other filters and paging.
@Suite struct JobKeyPrefixConformanceTests {
    static let keys = [
        "deals:1:a", "deals:1", "deals:1:b", "deals:10:a", "deals:1;x", "deals:2:a", "deals:1:é", "x\u{10FFFF}a", "y", "x\u{10FFFF}",
        "deals:0:a",
    ]

    @Test(arguments: BackendFactory.all)
    func keyPrefixListsExactlyTheKeysThatBeginWithIt(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        for (index, key) in Self.keys.enumerated() {
            _ = try await JobFixtures.enqueue(store, [JobFixtures.job(key, name: index == 2 ? "notify" : "score")], now: JobFixtures.at(Int64(index)))
        }
        func keys(_ query: JobQuery) async throws -> [String] {
            try await store.read(app: "crm") { try $0.jobs(query) }.map(\.dedupKey)
        }
        #expect(try await keys(JobQuery(keyPrefix: "deals:1:")) == ["deals:1:é", "deals:1:b", "deals:1:a"])
        #expect(try await keys(JobQuery(keyPrefix: "deals:1")) == ["deals:1:é", "deals:1;x", "deals:10:a", "deals:1:b", "deals:1", "deals:1:a"])
        #expect(try await keys(JobQuery(keyPrefix: "x\u{10FFFF}")) == ["x\u{10FFFF}", "x\u{10FFFF}a"])
        #expect(try await keys(JobQuery(keyPrefix: "\u{10FFFF}")).isEmpty)
        #expect(try await keys(JobQuery(keyPrefix: "")).count == Self.keys.count)
        #expect(try await keys(JobQuery(name: "score", keyPrefix: "deals:1:")) == ["deals:1:é", "deals:1:a"])
        #expect(try await keys(JobQuery(states: [.failed], keyPrefix: "deals:1:")).isEmpty)

        var query = JobQuery(keyPrefix: "deals:", limit: 3)
        var pages: [[String]] = []
        for _ in 0..<5 {
            let page = try await store.read(app: "crm") { [query] in try $0.jobs(query) }
            if page.isEmpty { break }
            pages.append(page.map(\.dedupKey))
            query.after = page.last.map(JobQuery.Position.init)
        }
        #expect(pages == [["deals:0:a", "deals:1:é", "deals:2:a"], ["deals:1;x", "deals:10:a", "deals:1:b"], ["deals:1", "deals:1:a"]])
    }

    @Test(arguments: BackendFactory.all)
    func keyPrefixWithNULIsRefused(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let error = await #expect(throws: StorageError.self) {
            try await store.read(app: "crm") { try $0.jobs(JobQuery(keyPrefix: "a\u{0}")) }
        }
        #expect(error?.code == .invalidValue)
    }

    @Test func keyPrefixRangeEndsAtTheNextCharacter() {
        #expect(JobQuery(keyPrefix: "deals:7:").keyPrefixRange?.upper == "deals:7;")
        #expect(JobQuery(keyPrefix: "a\u{D7FF}").keyPrefixRange?.upper == "a\u{E000}")
        #expect(JobQuery(keyPrefix: "a\u{10FFFF}\u{10FFFF}").keyPrefixRange?.upper == "b")
        let unbounded = JobQuery(keyPrefix: "\u{10FFFF}").keyPrefixRange
        #expect(unbounded?.lower == "\u{10FFFF}" && unbounded?.upper == nil)
        #expect(JobQuery(keyPrefix: "").keyPrefixRange == nil)
    }
}
