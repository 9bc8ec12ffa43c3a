import FormwrightCore
import Foundation
import Testing

@Suite struct AppSchemaTests {
    @Test func isDraft202012WithAnIdAndATitle() throws {
        let document = try AppSchema.document()
        #expect(document.member("$schema") == .string(SchemaCompiler.draft202012))
        #expect(document.member("$id")?.nonEmptyString != nil)
        #expect(document.member("title")?.nonEmptyString != nil)
    }

    @Test func compilesWithEveryKeywordSupported() throws {
        #expect(throws: Never.self) { try AppSchema.validator() }
    }

    @Test func everyReferenceResolves() throws {
        let document = try AppSchema.document()
        var references: [(String, String)] = []
        Self.walk(document, at: "") { value, path in
            if case .map(let map) = value, case .string(let target)? = map[.string("$ref")] { references.append((target, path)) }
        }
        #expect(!references.isEmpty)
        for (target, path) in references {
            #expect(target.hasPrefix("#/$defs/"), "\(path): \(target)")
            let name = String(target.dropFirst("#/$defs/".count))
            #expect(document.member("$defs")?.member(name) != nil, "\(path): '\(target)' does not resolve")
        }
    }

    /// Editors that apply draft-07 rules ignore every keyword beside a `$ref`; keeping only annotations there means
    /// they check exactly what the 2020-12 rules check.
    @Test func referencesCarryOnlyAnnotationsBesideThem() throws {
        let document = try AppSchema.document()
        Self.walk(document, at: "") { value, path in
            guard case .map(let map) = value, map[.string("$ref")] != nil else { return }
            for key in map.keys {
                guard case .string(let keyword) = key else { continue }
                #expect(keyword == "$ref" || SchemaCompiler.annotationKeywords.contains(keyword), "'\(keyword)' beside '$ref' at \(path)")
            }
        }
    }

    @Test func everyDefinitionIsUsed() throws {
        let document = try AppSchema.document()
        var targets: Set<String> = []
        Self.walk(document, at: "") { value, _ in
            if case .map(let map) = value, case .string(let target)? = map[.string("$ref")] { targets.insert(target) }
        }
        guard case .map(let definitions)? = document.member("$defs") else {
            Issue.record("the schema has no $defs")
            return
        }
        for key in definitions.keys {
            guard case .string(let name) = key else { continue }
            #expect(targets.contains("#/$defs/\(name)"), "definition '\(name)' is never used")
        }
    }

    /// Editors show `description` on hover, so every key a person can write, and every definition, must have one.
    /// Boolean schemas (`scale: false` under a conditional) forbid a key rather than describe it, and are exempt.
    @Test func everyPropertyAndDefinitionIsDescribed() throws {
        let document = try AppSchema.document()
        var described: [String] = []
        var undescribed: [String] = []
        func inspect(_ schema: Value, at path: String) {
            if case .bool = schema { return }
            if schema.member("description")?.nonEmptyString != nil { described.append(path) } else { undescribed.append(path) }
        }
        inspect(document, at: "")
        Self.walk(document, at: "") { value, path in
            guard case .map(let map) = value else { return }
            for group in ["properties", "$defs"] {
                guard case .map(let members)? = map[.string(group)] else { continue }
                for (key, member) in members.entries {
                    guard case .string(let name) = key else { continue }
                    inspect(member, at: JSONPointer.appending(name, to: JSONPointer.appending(group, to: path)))
                }
            }
        }
        #expect(undescribed.isEmpty, "no description at \(undescribed)")
        #expect(described.count > 60)
    }

    @Test func acceptsTheDesignSketch() throws {
        let validator = try AppSchema.validator()
        #expect(validator.validate(SketchApp.document) == [])
    }

    @Test func acceptsEveryKeyOfTablesAndForms() throws {
        let validator = try AppSchema.validator()
        #expect(validator.validate(Self.everyKeyApp) == [])
    }

    @Test(arguments: InvalidAppExample.all)
    func rejectsEachInvalidExampleAtItsMistake(example: InvalidAppExample) throws {
        let violations = try AppSchema.validator().validate(example.document)
        #expect(violations.map(\.path) == [example.path], "\(violations)")
    }

    @Test func everyInvalidExampleHasItsFixtureFile() throws {
        let folder = try PackageRoot.url(of: "Tests/FormwrightDefinitionTests/\(InvalidAppExample.folder)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files == InvalidAppExample.all.map { "\($0.name).yaml" }.sorted())
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(text.hasPrefix("# Wrong key: "), "\(file) does not say which key is wrong")
            #expect(text.contains("# yaml-language-server: $schema=../../../../schemas/formwright-app.schema.json"), "\(file)")
        }
    }

    @Test(arguments: [
        ("app name too long", Value.string(String(repeating: "a", count: 64)), "/app"),
        ("app name starting with a digit", .string("1app"), "/app"),
        ("app name with an underscore", .string("my_app"), "/app"),
    ])
    func checksTheAppName(reason: String, name: Value, path: String) throws {
        let app = SketchApp.document.setting("app", to: name)
        #expect(try AppSchema.validator().validate(app).map(\.path) == [path], "\(reason)")
    }

    @Test(arguments: [
        ("formwright version 2", ["formwright"], Value.int(2), "/formwright"),
        (
            "table name with a dash", ["tables"], .object(["sales-calls": .object(["fields": .object(["a": .object(["type": .string("text")])])])]),
            "/tables/sales-calls"
        ),
        ("table without fields", ["tables", "feedback"], .object(["label": .string("Feedback")]), "/tables/feedback"),
        ("table with no fields at all", ["tables", "feedback", "fields"], .object([:]), "/tables/feedback/fields"),
        (
            "field name with capitals", ["tables", "feedback", "fields"], .object(["Email": .object(["type": .string("email")])]),
            "/tables/feedback/fields/Email"
        ),
        ("field without type", ["tables", "feedback", "fields", "email"], .object(["required": .bool(true)]), "/tables/feedback/fields/email"),
        ("required as text", ["tables", "feedback", "fields", "email", "required"], .string("yes"), "/tables/feedback/fields/email/required"),
        ("negative max_length", ["tables", "feedback", "fields", "message", "max_length"], .int(-1), "/tables/feedback/fields/message/max_length"),
        (
            "fractional max_length", ["tables", "feedback", "fields", "message", "max_length"], .double(2.5),
            "/tables/feedback/fields/message/max_length"
        ),
        ("rule without message", ["tables", "conversations", "rules", "0"], .object(["check": .string("true")]), "/tables/conversations/rules/0"),
        ("empty check", ["tables", "conversations", "rules", "0", "check"], .string(""), "/tables/conversations/rules/0/check"),
        ("empty options", ["tables", "customers", "fields", "region", "options"], .list([]), "/tables/customers/fields/region/options"),
        (
            "option without value", ["tables", "customers", "fields", "region", "options", "0"], .object(["label": .string("East")]),
            "/tables/customers/fields/region/options/0"
        ),
        (
            "options on a text field", ["tables", "customers", "fields", "pod"], .object(["type": .string("text"), "options": .strings("a")]),
            "/tables/customers/fields/pod/options"
        ),
        (
            "table on a text field", ["tables", "customers", "fields", "pod"], .object(["type": .string("text"), "table": .string("customers")]),
            "/tables/customers/fields/pod/table"
        ),
        ("empty language map", ["title"], .object([:]), "/title"),
        ("language text not a string", ["title", "en"], .int(1), "/title"),
        ("form without fields", ["forms", "feedback", "fields"], .list([]), "/forms/feedback/fields"),
        ("form field entry with no key", ["forms", "log_conversation", "fields", "2"], .object([:]), "/forms/log_conversation/fields/2"),
        (
            "unknown form field change", ["forms", "log_conversation", "fields", "2", "transcript", "hieght"], .int(6),
            "/forms/log_conversation/fields/2"
        ),
        ("too many rows", ["forms", "log_conversation", "fields", "2", "transcript", "rows"], .int(51), "/forms/log_conversation/fields/2"),
        ("public as text", ["forms", "feedback", "public"], .string("yes"), "/forms/feedback/public"),
        ("integrations as a list", ["integrations"], .list([]), "/integrations"),
        ("unknown integration kind", ["integrations", "sentiment_model", "kind"], .string("grpc"), "/integrations/sentiment_model/kind"),
        ("timeout without a unit", ["integrations", "sentiment_model", "timeout"], .string("5"), "/integrations/sentiment_model/timeout"),
        ("no retry at all", ["workflows", "score_sentiment", "retry", "attempts"], .int(0), "/workflows/score_sentiment/retry/attempts"),
        (
            "step with two actions", ["workflows", "score_sentiment", "steps", "1", "fail"], .object(["message": .string("stop")]),
            "/workflows/score_sentiment/steps/1"
        ),
        (
            "trigger naming a table wrongly", ["workflows", "score_sentiment", "on", "created"], .string("Conversations"),
            "/workflows/score_sentiment/on/created"
        ),
        ("template as text", ["template"], .string("true"), "/template"),
        ("forecast period misspelt", ["forecasts", "weekly_revenue", "period"], .string("weak"), "/forecasts/weekly_revenue/period"),
        ("forecast horizon beyond two years", ["forecasts", "weekly_revenue", "horizon"], .int(105), "/forecasts/weekly_revenue/horizon"),
        ("unknown combination", ["forecasts", "weekly_revenue", "combine"], .string("multiplicative"), "/forecasts/weekly_revenue/combine"),
        (
            "unknown backtest metric", ["forecasts", "weekly_revenue", "backtest", "metrics", "0"], .string("rmse"),
            "/forecasts/weekly_revenue/backtest/metrics/0"
        ),
        (
            "driver weight as text", ["forecasts", "weekly_revenue", "drivers", "subsidy", "weight"], .string("0.1"),
            "/forecasts/weekly_revenue/drivers/subsidy/weight"
        ),
    ])
    func rejectsOneMistakeInTheSketch(reason: String, path: [String], replacement: Value, reported: String) throws {
        let app = SketchApp.document.replacing(at: path, with: replacement)
        #expect(app != SketchApp.document, "\(reason): the path leads nowhere")
        #expect(try AppSchema.validator().validate(app).map(\.path) == [reported], "\(reason)")
    }

    /// Calls `visit` with every value of `value` and its JSON pointer, depth first.
    private static func walk(_ value: Value, at path: String, _ visit: (Value, String) -> Void) {
        visit(value, path)
        switch value {
        case .map(let map):
            for (key, member) in map.entries {
                if case .string(let name) = key { walk(member, at: JSONPointer.appending(name, to: path), visit) }
            }
        case .list(let items):
            for (index, item) in items.enumerated() { walk(item, at: JSONPointer.appending(index, to: path), visit) }
        default:
            break
        }
    }

    /// An app that uses every key of tables, fields, forms and form field changes at least once.
    static let everyKeyApp: Value = .object([
        "formwright": .int(1),
        "app": .string("pod-workbench-east"),
        "title": .string("East pod workbench"),
        "description": .object(["en": .string("Deals and calls of the east pod."), "zh-Hant": .string("東區銷售小組"), "en-GB": .string("Deals")]),
        "timezone": .string("Asia/Shanghai"),
        "extends": .string("../pod-workbench"),
        "with": .object(["region": .string("east")]),
        "template": .bool(false),
        "parameters": .object([
            "region": .object([
                "type": .string("choice"), "options": .list([.string("east"), .string("west")]), "default": .string("east"),
                "label": .string("Region"), "check": .string("value != 'west'"),
            ])
        ]),
        "dashboards": .object([
            "overview": .object([
                "title": .string("Overview"), "description": .string("Deals at a glance."),
                "tiles": .list([
                    .object([
                        "kind": .string("kpi"), "title": .string("Won"), "table": .string("deals"), "measure": .string("sum(amount)"),
                        "filter": .string("signed == true"), "date": .string("closed_on"), "period": .string("week"), "last": .int(4),
                        "compare": .string("previous"),
                    ]),
                    .object(["kind": .string("kpi"), "table": .string("deals"), "measure": .object(["ratio": .list([.string("amount"), .string("seats")])])]),
                    .object([
                        "kind": .string("line"), "table": .string("deals"), "measure": .string("avg(amount)"), "by": .string("week(closed_on)"),
                        "split": .string("stage"), "last": .int(12),
                    ]),
                    .object(["kind": .string("bar"), "table": .string("deals"), "measure": .string("count"), "by": .string("stage")]),
                    .object([
                        "kind": .string("table"), "table": .string("deals"), "columns": .list([.string("code"), .string("amount")]),
                        "sort": .string("-amount"), "limit": .int(5),
                    ]),
                ]),
            ])
        ]),
        "access": .object(["roles": .list([])]),
        "tables": .object([
            "accounts": .object(["fields": .object(["name": .object(["type": .string("text")])])]),
            "deals": .object([
                "label": .object(["en": .string("Deals")]),
                "description": .string("One row per opportunity."),
                "fields": .object([
                    "code": .object([
                        "type": .string("text"), "label": .string("Code"), "help": .string("Two letters, a dash, four digits."),
                        "placeholder": .string("DE-1234"), "required": .bool(true), "unique": .bool(true),
                        "min_length": .int(7), "max_length": .int(7), "pattern": .string("[A-Z]{2}-[0-9]{4}"),
                    ]),
                    "amount": .object(["type": .string("money"), "scale": .int(0), "min": .int(0), "default": .int(0)]),
                    "probability": .object(["type": .string("number"), "min": .double(0), "max": .double(1), "default": .double(0.5)]),
                    "expected": .object(["type": .string("money"), "compute": .string("amount * probability"), "readonly": .bool(true)]),
                    "seats": .object(["type": .string("integer"), "min": .int(1)]),
                    "signed": .object(["type": .string("boolean"), "default": .bool(false)]),
                    "close_on": .object(["type": .string("date"), "min": .string("2024-01-01"), "max": .string("2030-12-31")]),
                    "logged_at": .object(["type": .string("datetime"), "default": .string("= now")]),
                    "stage": .object([
                        "type": .string("choice"),
                        "options": .list([
                            .object(["value": .string("open"), "label": .object(["en": .string("Open"), "zh": .string("进行中")])]),
                            .object(["value": .string("won")]),
                            .string("lost"),
                        ]),
                        "default": .string("open"),
                    ]),
                    "channels": .object(["type": .string("multichoice"), "options": .strings("email", "phone"), "default": .strings("email")]),
                    "contact_email": .object(["type": .string("email")]),
                    "contact_phone": .object(["type": .string("phone")]),
                    "website": .object(["type": .string("url"), "default": .null]),
                    "notes": .object(["type": .string("longtext")]),
                    "account": .object(["type": .string("link"), "table": .string("accounts")]),
                ]),
                "rules": .list([
                    .object([
                        "check": .string("stage != 'won' || signed"),
                        "message": .object(["en": .string("A won deal of {{ amount }} must be signed."), "zh": .string("赢单必须签约")]),
                    ])
                ]),
            ]),
        ]),
        "forms": .object([
            "new_deal": .object([
                "table": .string("deals"),
                "title": .string("New deal"),
                "description": .object(["en": .string("Log a deal as soon as it is qualified.")]),
                "submit_label": .string("Save deal"),
                "public": .bool(false),
                "fields": .list([
                    .string("code"),
                    .object([
                        "notes": .object([
                            "label": .string("Notes"), "help": .string("Anything the next person should know."),
                            "placeholder": .string("Met at the fair"), "rows": .int(4), "required": .bool(false),
                            "readonly": .bool(false), "default": .string("= 'first contact'"),
                            "visible_if": .string("stage == 'open'"), "required_if": .string("amount > 10000"),
                            "readonly_if": .string("signed"),
                        ])
                    ]),
                    .object(["stage": .object(["default": .string("open")])]),
                ]),
                "rules": .list([.object(["check": .string("amount >= 0"), "message": .string("Amount can't be negative.")])]),
            ])
        ]),
    ])
}
