import FormwrightCore
import FormwrightStorage
import Testing

/// Record conditions evaluated by each backend: the same rows and conditions everywhere, and
/// every backend must return exactly the records the reference semantics select.
@Suite struct ConditionConformanceTests {
    static let names = ["b", "B", "a", "é", "e\u{301}", "ä", "abc", "Zoë", "客户经理", "🚀 launch", "", "a b", "ab", "naïve"]

    static func rows() -> [[String: Value]] {
        names.enumerated().map { index, name in
            let offset = Int64(index) - 6
            return [
                "name": index == 13 ? .null : .string(name), "visits": index % 4 == 0 ? .null : .int(offset),
                "score": index % 5 == 0 ? .null : .double(Double(offset) / 4), "active": index % 3 == 0 ? .null : .bool(index % 2 == 0),
                "balance": .int(offset * 1_050), "born_on": index % 6 == 0 ? .null : .string(["1999-12-31", "2000-01-01", "2024-02-29"][index % 3]),
                "seen_at": .timestamp(Timestamp(seconds: 1_700_000_000 + offset * 86_400)),
            ]
        }
    }

    /// Conditions covering every case, nested logic and empty values.
    static let conditions: [(String, RecordCondition)] = [
        ("true", .constant(true)),
        ("false", .constant(false)),
        ("empty all", .all([])),
        ("empty any", .any([])),
        ("name is a", .equals("name", .text("a"))),
        ("name is empty", .equals("name", .null)),
        ("not name is a", .not(.equals("name", .text("a")))),
        ("visits < 0", .compare("visits", .less, .integer(0))),
        ("visits <= 0", .compare("visits", .lessOrEqual, .integer(0))),
        ("visits > 2", .compare("visits", .greater, .integer(2))),
        ("not visits > 2", .not(.compare("visits", .greater, .integer(2)))),
        ("visits >= -1", .compare("visits", .greaterOrEqual, .integer(-1))),
        ("score < 0.5", .compare("score", .less, .real(0.5))),
        ("not score < 0.5 or visits empty", .any([.not(.compare("score", .less, .real(0.5))), .equals("visits", .null)])),
        ("unknown and false", .all([.compare("visits", .less, .integer(100)), .constant(false)])),
        ("unknown or true", .any([.compare("visits", .less, .integer(100)), .constant(true)])),
        ("not (unknown or false)", .not(.any([.compare("score", .greater, .real(0)), .constant(false)]))),
        ("active", .equals("active", .integer(1))),
        ("active > false", .compare("active", .greater, .integer(0))),
        ("balance >= 10.50", .compare("balance", .greaterOrEqual, .integer(1_050))),
        ("born before 2000", .compare("born_on", .less, .text("2000-01-01"))),
        ("seen after", .compare("seen_at", .greater, .integer(1_700_000_000_000_000))),
        ("text order", .compare("name", .greater, .text("a"))),
        ("text order beyond ascii", .compare("name", .greaterOrEqual, .text("é"))),
        ("name in", .oneOf("name", [.text("a"), .text("ab"), .null, .text("客户经理")])),
        ("not name in", .not(.oneOf("name", [.text("a"), .text("ab")]))),
        ("in nothing", .oneOf("visits", [])),
        ("not in only null", .not(.oneOf("visits", [.null]))),
        ("starts with a", .startsWith("name", "a")),
        ("starts with empty", .startsWith("name", "")),
        ("starts with emoji", .startsWith("name", "🚀")),
        ("starts with decomposed e", .startsWith("name", "e")),
        ("not starts with a", .not(.startsWith("name", "a"))),
        ("contains b", .contains("name", "b")),
        ("contains chinese", .contains("name", "经理")),
        ("contains empty", .contains("name", "")),
        ("contains combining mark", .contains("name", "\u{301}")),
        ("nested", .all([.any([.equals("active", .integer(1)), .compare("visits", .less, .integer(-3))]), .not(.equals("name", .text("B")))])),
    ]

    /// The ids a condition selects by the reference semantics, computed here from the rows.
    static func expected(_ condition: RecordCondition, _ records: [StoredRecord]) throws -> Set<String> {
        let types = Dictionary(uniqueKeysWithValues: Fixtures.customers.columns.map { ($0.name, $0.type) })
        var ids: Set<String> = []
        for record in records {
            let stored = try types.mapValues { _ in ColumnValue.null }.merging(
                try record.fields.compactMap { name, value in try types[name].map { (name, try $0.encode(value, field: name, table: "t")) } },
                uniquingKeysWith: { $1 })
            if condition.evaluate({ stored[$0] ?? .null }) == true { ids.insert(record.id) }
        }
        return ids
    }

    @Test(arguments: BackendFactory.all)
    func selectsWhatTheReferenceSemanticsSelect(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let records = try await Fixtures.insert(store, Self.rows())
        for (label, condition) in Self.conditions {
            let query = RecordQuery(table: "customers", condition: condition, sort: .ascending("visits"), limit: 3)
            let found = try await Fixtures.allPages(store, query).map(\.id)
            #expect(Set(found) == (try Self.expected(condition, records)), "\(label)")
            #expect(found.count == Set(found).count, "\(label): a record repeated across pages")
        }
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func handWorkedConditions(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        _ = try await Fixtures.insert(store, Self.rows())
        func names(_ condition: RecordCondition) async throws -> [String] {
            let query = RecordQuery(table: "customers", condition: condition, sort: .ascending("name"), limit: 50)
            return try await Fixtures.allPages(store, query).compactMap { record in
                if case .string(let name) = record.fields["name"] { return name }
                return nil
            }
        }
        #expect(try await names(.startsWith("name", "a")) == ["a", "a b", "ab", "abc"])
        #expect(try await names(.contains("name", "\u{301}")) == ["e\u{301}"])
        #expect(try await names(.compare("name", .greater, .text("z"))) == ["ä", "é", "客户经理", "🚀 launch"])
        #expect(try await names(.all([.compare("visits", .greaterOrEqual, .integer(5))])) == ["a b"])
        // Empty visits make `visits < 100` unknown, so its negation selects nothing for them either.
        let notBelow = try await Fixtures.allPages(store, RecordQuery(table: "customers", condition: .not(.compare("visits", .less, .integer(100))), limit: 50))
        #expect(notBelow.isEmpty)
        try await store.close()
    }

    @Test(arguments: BackendFactory.all)
    func refusesConditionsThatDoNotFitTheTable(_ factory: BackendFactory) async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.prepared(factory, folder)
        let cases: [(RecordCondition, StorageError.Code, String)] = [
            (.equals("nickname", .text("a")), .unknownField, "unknown field 'nickname' in table 'customers'"),
            (.equals("tags", .text("a")), .invalidQuery, "field 'tags' of table 'customers' holds a list and cannot be tested by a condition"),
            (.compare("visits", .less, .text("3")), .invalidQuery, "the condition compares field 'visits' of table 'customers' with a value of another type"),
            (.startsWith("visits", "1"), .invalidQuery, "field 'visits' of table 'customers' is not text, so it cannot be searched for text"),
            (.oneOf("visits", (0..<1_001).map { .integer(Int64($0)) }), .invalidQuery, "the condition holds more than 1000 parts"),
            (Self.nested(40), .invalidQuery, "the condition nests deeper than 32 levels"),
        ]
        for (condition, code, message) in cases {
            let error = await #expect(throws: StorageError.self) {
                try await store.read(app: "crm") { try $0.records(RecordQuery(table: "customers", condition: condition)) }
            }
            #expect(error?.code == code)
            #expect(error?.message == message)
        }
        try await store.close()
    }

    static func nested(_ depth: Int) -> RecordCondition {
        (0..<depth).reduce(RecordCondition.constant(true)) { inner, _ in .not(inner) }
    }
}
