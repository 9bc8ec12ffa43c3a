import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Testing

@Suite struct SubmissionPipelineTests {
    func create(_ values: [String: Value], format: SubmissionInput.Format = .json) throws -> Result<[String: Value], SubmissionRejected> {
        let app = try TestApp.definition()
        let table = try #require(app.table(named: "things"))
        return SubmissionPipeline(app: app).valuesForCreate(table: table, form: nil, input: SubmissionInput(values: values, format: format))
    }

    func problems(_ values: [String: Value], format: SubmissionInput.Format = .json) throws -> [String: FieldProblem] {
        guard case .failure(let rejected) = try create(values, format: format) else { return [:] }
        return Dictionary(rejected.errors.map { ($0.field, $0.problem) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func typesEveryFieldFromJSON() throws {
        let values = try create([
            "title": .string("Lamp"), "notes": .string("a\r\nb"), "count": .int(3), "score": .double(0.5), "price": .string("12.30"),
            "done": .bool(true), "due": .string("2026-02-28"), "at": .string("2026-02-28T09:30:00+08:00"), "stage": .string("won"),
            "tags": .list([.string("a"), .string("c")]), "email": .string("a@b.co"), "phone": .string("+86 (10) 1234-5678"),
            "site": .string("https://example.com/x"),
        ]).get()
        #expect(values["title"] == .string("Lamp"))
        #expect(values["notes"] == .string("a\nb"))
        #expect(values["count"] == .int(3))
        #expect(values["score"] == .double(0.5))
        #expect(values["price"] == .int(1230))
        #expect(values["done"] == .bool(true))
        #expect(values["due"] == .string("2026-02-28"))
        #expect(values["at"] == .timestamp(Timestamp(seconds: 1_772_242_200)))
        #expect(values["stage"] == .string("won"))
        #expect(values["tags"] == .list([.string("a"), .string("c")]))
    }

    @Test func typesEveryFieldFromAFormPost() throws {
        let values = try create(
            [
                "title": .string("Lamp"), "count": .string("7"), "score": .string("-0.25"), "price": .string("5"), "done": .string("true"),
                "due": .string(""), "at": .string("2026-02-28T09:30"), "tags": .list([.string("b")]), "email": .string(""),
            ], format: .form
        ).get()
        #expect(values["count"] == .int(7))
        #expect(values["score"] == .double(-0.25))
        #expect(values["price"] == .int(500))
        #expect(values["done"] == .bool(true))
        #expect(values["due"] == nil)
        #expect(values["at"] == .timestamp(Timestamp(seconds: 1_772_271_000)))
        #expect(values["tags"] == .list([.string("b")]))
        #expect(values["email"] == nil)
    }

    @Test func fillsLiteralDefaults() throws {
        let values = try create(["title": .string("Lamp")]).get()
        #expect(values["done"] == .bool(false))
        #expect(values["stage"] == .string("lead"))
    }

    @Test func reportsEveryFieldErrorAtOnce() throws {
        let found = try problems([
            "count": .double(2.5), "score": .int(2), "price": .string("1.234"), "done": .string("yes"), "due": .string("2019-12-31"),
            "at": .string("tomorrow"), "stage": .string("maybe"), "tags": .list([.string("z")]), "email": .string("nobody"),
            "phone": .string("call me"), "site": .string("ftp://x"), "notes": .int(4),
        ])
        #expect(found["title"] == .required)
        #expect(found["count"] == .notWholeNumber)
        #expect(found["score"] == .aboveMaximum("1"))
        #expect(found["price"] == .tooManyDecimals(scale: 2))
        #expect(found["done"] == .notBoolean)
        #expect(found["due"] == .belowMinimum("2020-01-01"))
        #expect(found["at"] == .notDateTime)
        #expect(found["stage"] == .notAnOption(options: ["lead", "won", "lost"]))
        #expect(found["tags"] == .notAnOption(options: ["a", "b", "c"]))
        #expect(found["email"] == .invalidEmail)
        #expect(found["phone"] == .invalidPhone)
        #expect(found["site"] == .invalidURL)
        #expect(found["notes"] == .notText)
        #expect(found.count == 13)
    }

    @Test func checksLengthsAndRanges() throws {
        #expect(try problems(["title": .string("x")])["title"] == .tooShort(minimum: 2))
        #expect(try problems(["title": .string("客户客户客户客户客户客户")])["title"] == .tooLong(maximum: 10))
        #expect(try problems(["title": .string("ok"), "count": .int(-1)])["count"] == .belowMinimum("0"))
        #expect(try problems(["title": .string("ok"), "price": .string("1000.01")])["price"] == .aboveMaximum("1000.00"))
        #expect(try problems(["title": .string("ok"), "count": .string("9223372036854775808")], format: .form)["count"] == .notWholeNumber)
    }

    @Test func refusesUnknownReadOnlyAndOffFormFields() throws {
        #expect(try problems(["title": .string("ok"), "titel": .string("x")])["titel"] == .unknownField(suggestion: "title"))
        #expect(try problems(["title": .string("ok"), "fixed": .string("x")])["fixed"] == .readOnly)
        let app = try TestApp.definition()
        let table = try #require(app.table(named: "things"))
        let form = try #require(app.form(named: "add_thing"))
        let result = SubmissionPipeline(app: app).valuesForCreate(
            table: table, form: form, input: SubmissionInput(values: ["title": .string("ok"), "notes": .string("x")], format: .json))
        guard case .failure(let rejected) = result else {
            Issue.record("a field not on the form must be refused")
            return
        }
        #expect(rejected.errors == [FieldError(field: "notes", problem: .unknownField(suggestion: nil))])
    }

    @Test func wordsErrorsInEnglishAndChinese() {
        #expect(FieldProblem.required.message(for: ["zh-CN", "en"]) == "此项为必填项。")
        #expect(FieldProblem.required.message(for: ["en-GB"]) == "This field is required.")
        #expect(FieldProblem.required.message(for: ["fr"]) == "This field is required.")
        #expect(FieldProblem.tooLong(maximum: 5).message(for: []) == "Please enter at most 5 characters.")
    }
}
