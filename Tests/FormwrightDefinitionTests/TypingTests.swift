import FormwrightCore
import FormwrightDefinition
import Testing

/// Scalars are typed by the language, never by YAML 1.1's rules.
@Suite struct TypingTests {
    func load(_ text: String) -> LoadedApp {
        DefinitionLoader().load(bytes: Array(text.utf8), path: "app.yaml")
    }

    func defaults(_ fields: String) throws -> [String: FieldValue] {
        let loaded = load("formwright: 1\napp: typing\ntables:\n  t:\n    fields:\n\(fields)")
        let table = try #require(loaded.definition?.tables.first, "\(loaded.diagnostics.map(\.message))")
        var result: [String: FieldValue] = [:]
        for field in table.fields { result[field.name.value] = field.defaultValue?.value }
        return result
    }

    @Test func yamlOneOneWordsStayText() throws {
        let values = try defaults(
            """
                  answer: { type: text, default: no }
                  flag: { type: text, default: on }
                  code: { type: text, default: 012 }
                  hex: { type: text, default: 0x1F }
                  time: { type: text, default: 12:30 }
                  empty: { type: text, default: "" }
            """)
        #expect(values["answer"] == .literal(.string("no")))
        #expect(values["flag"] == .literal(.string("on")))
        #expect(values["code"] == .literal(.string("012")))
        #expect(values["hex"] == .literal(.string("0x1F")))
        #expect(values["time"] == .literal(.string("12:30")))
        #expect(values["empty"] == .literal(.string("")))
    }

    @Test func numbersMoneyDatesAndChoicesAreTypedByTheirField() throws {
        let values = try defaults(
            """
                  count: { type: integer, default: 012 }
                  score: { type: number, default: -0.25 }
                  price: { type: money, default: 1234.5 }
                  yen: { type: money, scale: 0, default: "1500" }
                  due: { type: date, default: 2026-02-28 }
                  at: { type: datetime, default: "2026-02-28T09:30:00+08:00" }
                  done: { type: boolean, default: false }
                  tags: { type: multichoice, options: [a, b, c], default: [a, c] }
                  since: { type: datetime, default: "= now" }
            """)
        #expect(values["count"] == .literal(.int(12)))
        #expect(values["score"] == .literal(.double(-0.25)))
        #expect(values["price"] == .literal(.int(123_450)))
        #expect(values["yen"] == .literal(.int(1500)))
        #expect(values["due"] == .literal(.string("2026-02-28")))
        #expect(values["at"] == .literal(.timestamp(Timestamp(seconds: 1_772_242_200))))
        #expect(values["done"] == .literal(.bool(false)))
        #expect(values["tags"] == .literal(.list([.string("a"), .string("c")])))
        guard case .expression(let source)? = values["since"] else {
            Issue.record("'= now' should be an expression")
            return
        }
        #expect(source.text == " now")
    }

    @Test func keepsPositionsOfEveryNode() throws {
        let loaded = load("formwright: 1\napp: pos\ntables:\n  things:\n    fields:\n      名前x: { type: text }\n      title: { type: text, label: { en: T, zh: 标题 } }\n")
        #expect(loaded.diagnostics.first?.range.start == SourceLocation(line: 6, column: 7, offset: 59))
        let ok = load("formwright: 1\napp: pos\ntables:\n  things:\n    fields:\n      title: { type: text, max_length: 5 }\n")
        let field = try #require(ok.definition?.tables.first?.fields.first)
        #expect(field.name.range.start == SourceLocation(line: 6, column: 7, offset: 59))
        #expect(field.maximumLength?.range.start.column == 40)
        #expect(field.maximumLength?.range.end.column == 41)
    }

    @Test func localizedTextResolvesByPreference() {
        let text = LocalizedText(translations: [("en", "Customers"), ("zh", "客户")])
        #expect(text.resolve(for: ["zh-CN", "en"]) == "客户")
        #expect(text.resolve(for: ["fr"]) == "Customers")
        #expect(text.resolve() == "Customers")
        #expect(LocalizedText("Same").resolve(for: ["zh"]) == "Same")
    }
}
