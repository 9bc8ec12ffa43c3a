import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Testing

/// Each expression key at work on writes: defaults, computed fields, rules, and runtime failures.
@Suite struct ExpressionWriteTests {
    @Test func equalsDefaultsAreEvaluatedOnCreate() async throws {
        let runtime = try await SalesApp.runtime()
        let before = Timestamp.now
        let record = try await runtime.create(table: "deals", input: SalesApp.json(["title": .string("Pumps"), "quantity": .int(2)]))
        guard case .timestamp(let opened)? = record.fields["opened_at"] else {
            Issue.record("opened_at is \(String(describing: record.fields["opened_at"]))")
            return
        }
        #expect(opened.seconds >= before.seconds - 1 && opened.seconds <= Timestamp.now.seconds + 1)
        // A date default is the day, in the app's time zone, of the moment computed.
        guard case .string(let due)? = record.fields["due_on"] else {
            Issue.record("due_on is \(String(describing: record.fields["due_on"]))")
            return
        }
        #expect(CalendarDate(due) != nil)
        // A value given explicitly wins over the default.
        let given = try await runtime.create(
            table: "deals", input: SalesApp.json(["title": .string("Valves"), "quantity": .int(1), "due_on": .string("2026-03-01")]))
        #expect(given.fields["due_on"] == .string("2026-03-01"))
    }

    @Test func computedFieldsAreStoredInDependencyOrder() async throws {
        let runtime = try await SalesApp.runtime()
        let record = try await runtime.create(
            table: "deals",
            input: SalesApp.json(["title": .string("Pumps"), "quantity": .int(4), "amount": .string("10.00"), "sentiment": .double(-0.5)]))
        #expect(record.fields["risk"] == .string("high"))
        // 'summary' reads 'risk', written after it: the order follows dependencies, not the file.
        #expect(record.fields["summary"] == .string("Pumps (high)"))
        // Money computed as a double of whole units is stored in minor units.
        #expect(record.fields["unit_price"] == .int(250))
        #expect(record.fields["ratio"] == .int(25))
    }

    @Test func computedFieldsAreRecomputedOnUpdate() async throws {
        let runtime = try await SalesApp.runtime()
        let created = try await runtime.create(table: "deals", input: SalesApp.json(["title": .string("Pumps"), "quantity": .int(2)]))
        #expect(created.fields["risk"] == .string("unknown"))
        let updated = try await runtime.update(
            table: "deals", id: created.id, input: SalesApp.json(["sentiment": .double(0.4)]), expectedVersion: created.version)
        #expect(updated.fields["risk"] == .string("low"))
        #expect(updated.fields["summary"] == .string("Pumps (low)"))
        #expect(updated.fields["title"] == .string("Pumps"))
    }

    @Test func inputCannotSetAComputedField() async throws {
        let runtime = try await SalesApp.runtime()
        let errors = await SalesApp.rejection {
            _ = try await runtime.create(table: "deals", input: SalesApp.json(["title": .string("X"), "quantity": .int(1), "risk": .string("low")]))
        }
        #expect(errors == [FieldError(field: "risk", problem: .computed)])
    }

    @Test func aFailedTableRuleIsAFieldIndependentErrorWithItsHolesFilled() async throws {
        let runtime = try await SalesApp.runtime()
        let errors = await SalesApp.rejection {
            _ = try await runtime.create(
                table: "deals", input: SalesApp.json(["title": .string("Mill"), "quantity": .int(1), "amount": .string("2000000")]))
        }
        #expect(errors.count == 1)
        #expect(errors.first?.field == "")
        #expect(errors.first?.problem.message(for: ["en"]) == "Mill: an amount of 2000000 is over the limit")
        #expect(errors.first?.problem.message(for: ["zh-CN"]) == "Mill：金额 2000000 超过上限")
        #expect(try await runtime.records(table: "deals", limit: 10, after: nil).records.isEmpty)
    }

    @Test func aRuleIsCheckedOnUpdateAgainstTheMergedRecord() async throws {
        let runtime = try await SalesApp.runtime()
        let created = try await runtime.create(table: "deals", input: SalesApp.json(["title": .string("Mill"), "quantity": .int(1)]))
        let errors = await SalesApp.rejection {
            _ = try await runtime.update(table: "deals", id: created.id, input: SalesApp.json(["amount": .int(5_000_000)]), expectedVersion: nil)
        }
        #expect(errors.map(\.field) == [""])
        #expect(try await runtime.record(table: "deals", id: created.id)?.version == 1)
    }

    @Test func anExpressionThatFailsRefusesTheWriteInsteadOfStoringEmpty() async throws {
        let runtime = try await SalesApp.runtime()
        let errors = await SalesApp.rejection {
            _ = try await runtime.create(table: "deals", input: SalesApp.json(["title": .string("Zero"), "quantity": .int(0)]))
        }
        #expect(errors.count == 1)
        #expect(errors.first?.field == "ratio")
        if case .expressionFailed(let detail)? = errors.first?.problem {
            #expect(detail.contains("division by zero"))
        } else {
            Issue.record("expected an expression failure, got \(errors)")
        }
        #expect(try await runtime.records(table: "deals", limit: 10, after: nil).records.isEmpty)
    }
}
