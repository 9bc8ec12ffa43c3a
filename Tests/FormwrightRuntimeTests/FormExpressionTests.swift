import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Testing

/// Form conditions and form rules on submissions, and live-form evaluation of drafts.
@Suite struct FormExpressionTests {
    @Test func aHiddenFieldIsNeitherRequiredNorStored() async throws {
        let runtime = try await SalesApp.runtime()
        let record = try await runtime.submit(
            form: "log_deal",
            input: SalesApp.json(["title": .string("Pumps"), "quantity": .int(1), "channel": .string("phone"), "follow_up_on": .string("2026-05-01")])
        )
        #expect(record.fields["follow_up_on"] == .null)
    }

    @Test func requiredIfMakesAVisibleFieldRequired() async throws {
        let runtime = try await SalesApp.runtime()
        let errors = await SalesApp.rejection {
            _ = try await runtime.submit(
                form: "log_deal", input: SalesApp.json(["title": .string("Pumps"), "quantity": .int(1), "channel": .string("meeting")]))
        }
        #expect(errors == [FieldError(field: "follow_up_on", problem: .required)])
        let record = try await runtime.submit(
            form: "log_deal",
            input: SalesApp.json([
                "title": .string("Pumps"), "quantity": .int(1), "channel": .string("meeting"), "follow_up_on": .string("2026-05-01"),
            ]))
        #expect(record.fields["follow_up_on"] == .string("2026-05-01"))
    }

    @Test func conditionsSeeComputedFields() async throws {
        let runtime = try await SalesApp.runtime()
        // 'risk' is computed from 'sentiment'; 'sentiment' is required on a visit while the risk is unknown.
        let errors = await SalesApp.rejection {
            _ = try await runtime.submit(
                form: "log_deal", input: SalesApp.json(["title": .string("Pumps"), "quantity": .int(1), "channel": .string("visit")]))
        }
        #expect(errors == [FieldError(field: "sentiment", problem: .required)])
        let record = try await runtime.submit(
            form: "log_deal",
            input: SalesApp.json(["title": .string("Pumps"), "quantity": .int(1), "channel": .string("visit"), "sentiment": .double(0.3)]))
        #expect(record.fields["risk"] == .string("low"))
    }

    @Test func readOnlyIfRefusesAValue() async throws {
        let runtime = try await SalesApp.runtime()
        let errors = await SalesApp.rejection {
            _ = try await runtime.submit(
                form: "log_deal",
                input: SalesApp.json(["title": .string("Pumps"), "quantity": .int(1), "channel": .string("email"), "amount": .string("5.00")]))
        }
        #expect(errors == [FieldError(field: "amount", problem: .readOnly)])
    }

    @Test func formRulesAddToTableRules() async throws {
        let runtime = try await SalesApp.runtime()
        let errors = await SalesApp.rejection {
            _ = try await runtime.submit(form: "log_deal", input: SalesApp.json(["title": .string("Ab"), "quantity": .int(1)]))
        }
        #expect(errors.map(\.field) == [""])
        #expect(errors.first?.problem.message(for: []) == "The title needs at least 3 characters, not 2.")
    }

    @Test func aDraftIsEvaluatedWithoutWriting() async throws {
        let runtime = try await SalesApp.runtime()
        let evaluation = try runtime.evaluate(
            form: "log_deal", draft: SalesApp.json(["title": .string("Pumps"), "channel": .string("meeting"), "sentiment": .double(0.5)]))
        let follow = try #require(evaluation.fields.first { $0.name == "follow_up_on" })
        #expect(follow.isVisible && follow.isRequired && !follow.isReadOnly)
        let amount = try #require(evaluation.fields.first { $0.name == "amount" })
        #expect(amount.isVisible && !amount.isRequired && !amount.isReadOnly)
        #expect(evaluation.fields.map(\.name) == ["title", "quantity", "channel", "amount", "sentiment", "follow_up_on"])
        #expect(evaluation.computed["risk"] == .string("low"))
        #expect(Set(evaluation.errors.map(\.field)) == ["quantity", "follow_up_on"])
        #expect(try await runtime.records(table: "deals", limit: 10, after: nil).records.isEmpty)

        let json = evaluation.json(locales: ["en"])
        guard case .map(let object) = json else {
            Issue.record("not an object: \(json)")
            return
        }
        #expect(object.keys == [.string("fields"), .string("computed"), .string("errors")])
        guard case .list(let states)? = object[.string("fields")], case .map(let first)? = states.first else {
            Issue.record("fields is not a list of objects: \(json)")
            return
        }
        #expect(first.keys == [.string("name"), .string("visible"), .string("required"), .string("readonly")])
        #expect(
            object[.string("computed")]
                == .map(
                    ValueMap([
                        (.string("risk"), .string("low")), (.string("summary"), .string("Pumps (low)")),
                        (.string("unit_price"), .string("0.00")),
                    ])))
        guard case .list(let problems)? = object[.string("errors")], case .map(let problem)? = problems.first else {
            Issue.record("errors is not a list of objects: \(json)")
            return
        }
        #expect(problem.keys == [.string("field"), .string("message")])
    }

    @Test func aDraftShowsRuleMessagesAndHidesFields() async throws {
        let runtime = try await SalesApp.runtime()
        let evaluation = try runtime.evaluate(
            form: "log_deal", draft: SalesApp.json(["title": .string("Ab"), "quantity": .int(2), "channel": .string("email")]))
        #expect(evaluation.fields.first { $0.name == "follow_up_on" }?.isVisible == false)
        #expect(evaluation.fields.first { $0.name == "amount" }?.isReadOnly == true)
        #expect(evaluation.errors.map(\.field) == [""])
        #expect(evaluation.computed["summary"] == .string("Ab (unknown)"))
        #expect(evaluation.computed["unit_price"] == .string("0.00"))
    }

    @Test func unknownFormIsNotFound() async throws {
        let runtime = try await SalesApp.runtime()
        #expect(throws: RuntimeError.self) { try runtime.evaluate(form: "nope", draft: SalesApp.json([:])) }
    }
}
