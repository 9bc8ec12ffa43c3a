import FormwrightCore
import FormwrightStorage
import Testing

@testable import FormwrightRuntime

/// Which filters the backend evaluates whole, which in part, and which not at all.
@Suite struct FilterTranslatorTests {
    /// 2024-05-01T10:00:00Z, as `now`.
    static let now = Timestamp(seconds: 1_714_557_600)

    static func translate(_ filter: String, user: Value = .map(ValueMap())) throws -> FilterTranslation {
        let runtime = AppRuntime(definition: try FilterApp.definition(), storage: MemoryStorage())
        let table = try runtime.table("contacts")
        let program = try AppRuntime.compileFilter(filter, table: table)
        return FilterTranslator(table: table, program: program, values: runtime.pipeline.values, context: EvaluationContext(now: now, user: user))
            .translate()
    }

    static func full(_ condition: RecordCondition) -> FilterTranslation { FilterTranslation(condition: condition, isComplete: true) }

    @Test(arguments: [
        ("channel == 'email'", RecordCondition.equals("channel", .text("email"))),
        ("channel != 'email'", .not(.equals("channel", .text("email")))),
        ("score == null", .equals("score", .null)),
        ("null != record.score", .not(.equals("score", .null))),
        ("visits < 3", .compare("visits", .less, .integer(3))),
        ("3 < visits", .compare("visits", .greater, .integer(3))),
        ("3 >= visits", .compare("visits", .lessOrEqual, .integer(3))),
        ("visits <= 2.0", .compare("visits", .lessOrEqual, .integer(2))),
        ("score > 1", .compare("score", .greater, .real(1))),
        ("amount >= 12.5", .compare("amount", .greaterOrEqual, .integer(1250))),
        ("amount < 100", .compare("amount", .less, .integer(10_000))),
        ("channel == 'email' && active", .all([.equals("channel", .text("email")), .compare("active", .greater, .integer(0))])),
        ("!active", .not(.compare("active", .greater, .integer(0)))),
        ("active == false", .equals("active", .integer(0))),
        ("channel in ['phone', 'visit', 'phone']", .oneOf("channel", [.text("phone"), .text("visit")])),
        ("channel in ['phone', null]", .any([.equals("channel", .null), .oneOf("channel", [.text("phone")])])),
        ("name.startsWith('Zo')", .startsWith("name", "Zo")),
        ("record.owner.contains('@example')", .contains("owner", "@example")),
        ("due_on < timestamp('2024-03-01T00:00:00+08:00')", .compare("due_on", .less, .text("2024-03-01"))),
        ("seen_at >= timestamp('2024-05-01T10:00:00.000001Z')", .compare("seen_at", .greaterOrEqual, .integer(1_714_557_600_000_001))),
        ("seen_at < now - duration('1h')", .compare("seen_at", .less, .integer(1_714_554_000_000_000))),
        ("band == 'low'", .equals("band", .text("low"))),
        ("true", .constant(true)),
        ("1 > 2", .constant(false)),
        (
            "channel == 'email' && (score < 0.0 || visits > 2)",
            .all([.equals("channel", .text("email")), .any([.compare("score", .less, .real(0)), .compare("visits", .greater, .integer(2))])])
        ),
    ])
    func translatesWhole(filter: String, condition: RecordCondition) throws {
        #expect(try Self.translate(filter) == Self.full(condition))
    }

    @Test func constantsComeFromUserAndNowOnce() throws {
        let user = Value.map(ValueMap([(.string("channel"), .string("visit")), (.string("limit"), .int(4))]))
        #expect(
            try Self.translate("channel == user.channel && visits < user.limit + 1", user: user)
                == Self.full(.all([.equals("channel", .text("visit")), .compare("visits", .less, .integer(5))])))
    }

    @Test(arguments: [
        // An `&&` chain sends what it can; the rest is evaluated on what the backend returns.
        ("channel == 'email' && size(name) > 3", RecordCondition.equals("channel", .text("email"))),
        ("size(name) > 3 && visits > 1 && 'vip' in tags", .compare("visits", .greater, .integer(1))),
        ("amount < 0.005 && active", .compare("active", .greater, .integer(0))),
    ])
    func translatesPart(filter: String, condition: RecordCondition) throws {
        #expect(try Self.translate(filter) == FilterTranslation(condition: condition, isComplete: false))
    }

    @Test(arguments: [
        "size(name) > 3",
        "channel == 'email' || size(name) > 3",
        "'vip' in tags",
        "tags == ['vip']",
        "score == null ? false : score > 0.5",
        "visits < score",
        // Constants that do not convert exactly stay in memory.
        "visits > 2.5",
        "score > 9007199254740993",
        "amount == 0.005",
        "amount > 1e300",
        "seen_at < timestamp('2024-05-01T10:00:00.0000005Z')",
        "due_on < timestamp('2024-03-01T00:00:00Z')",
        "due_on > now",
        // A constant whose evaluation fails, as `user.region` for a caller without one.
        "channel == user.region",
        "'Zoë'.startsWith(name)",
    ])
    func translatesNothing(filter: String) throws {
        #expect(try Self.translate(filter) == FilterTranslation(condition: nil, isComplete: false))
    }
}
