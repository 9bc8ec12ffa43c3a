import FormwrightCore
import FormwrightRuntime
import FormwrightStorage
import Testing

@Suite struct AppRuntimeTests {
    @Test func createsReadsUpdatesAndDeletes() async throws {
        let runtime = try await TestApp.runtime()
        let customer = try await runtime.create(table: "customers", input: SubmissionInput(values: ["name": .string("Acme")], format: .json))
        let record = try await runtime.submit(
            form: "add_thing", input: SubmissionInput(values: ["title": .string("Lamp"), "customer": .string(customer.id)], format: .json))
        #expect(record.version == 1)
        #expect(record.fields["customer"] == .string(customer.id))
        #expect(record.revision == runtime.definition.revision)
        let updated = try await runtime.update(
            table: "things", id: record.id, input: SubmissionInput(values: ["count": .int(4)], format: .json), expectedVersion: 1)
        #expect(updated.version == 2)
        #expect(updated.fields["title"] == .string("Lamp"))
        do {
            _ = try await runtime.update(table: "things", id: record.id, input: SubmissionInput(values: ["count": .int(5)], format: .json), expectedVersion: 1)
            Issue.record("a stale version must be refused")
        } catch let error as RuntimeError {
            #expect(error.kind == .versionConflict)
        }
        try await runtime.delete(table: "things", id: record.id, expectedVersion: 2)
        #expect(try await runtime.record(table: "things", id: record.id) == nil)
    }

    @Test func refusesAMissingLinkAndADuplicateWithoutWriting() async throws {
        let runtime = try await TestApp.runtime()
        _ = try await runtime.create(table: "customers", input: SubmissionInput(values: ["name": .string("A"), "code": .string("AB-123")], format: .json))
        do {
            _ = try await runtime.create(table: "customers", input: SubmissionInput(values: ["name": .string("B"), "code": .string("AB-123")], format: .json))
            Issue.record("a duplicate unique value must be refused")
        } catch let rejected as SubmissionRejected {
            #expect(rejected.errors == [FieldError(field: "code", problem: .duplicate)])
        }
        do {
            _ = try await runtime.submit(form: "add_thing", input: SubmissionInput(values: ["title": .string("Lamp"), "customer": .string("nope")], format: .json))
            Issue.record("a link to a missing record must be refused")
        } catch let rejected as SubmissionRejected {
            #expect(rejected.errors == [FieldError(field: "customer", problem: .missingLink)])
        }
        #expect(try await runtime.records(table: "things", limit: 10, after: nil).records.isEmpty)
        #expect(try await runtime.records(table: "customers", limit: 10, after: nil).records.count == 1)
    }

    @Test func checksPatternsWithTheLinearEngine() async throws {
        let runtime = try await TestApp.runtime()
        do {
            _ = try await runtime.create(table: "customers", input: SubmissionInput(values: ["name": .string("A"), "code": .string("ab-1")], format: .json))
            Issue.record("a value not matching the pattern must be refused")
        } catch let rejected as SubmissionRejected {
            #expect(rejected.errors == [FieldError(field: "code", problem: .patternMismatch)])
        }
    }

    @Test func pagesRecordsInCreationOrder() async throws {
        let runtime = try await TestApp.runtime()
        for index in 0..<5 {
            _ = try await runtime.create(table: "customers", input: SubmissionInput(values: ["name": .string("c\(index)")], format: .json))
        }
        let first = try await runtime.records(table: "customers", limit: 2, after: nil)
        let second = try await runtime.records(table: "customers", limit: 2, after: first.next)
        let third = try await runtime.records(table: "customers", limit: 2, after: second.next)
        let names = (first.records + second.records + third.records).map { $0.fields["name"] }
        #expect(names == (0..<5).map { Value.string("c\($0)") })
        #expect(third.next == nil)
        await #expect(throws: RuntimeError.self) { _ = try await runtime.records(table: "customers", limit: 0, after: nil) }
    }

    @Test func presentsRecordsAsFlatJSON() async throws {
        let runtime = try await TestApp.runtime()
        let record = try await runtime.create(
            table: "things", input: SubmissionInput(values: ["title": .string("Lamp"), "price": .string("12.3"), "at": .string("2026-01-01T00:00:00Z")], format: .json))
        let table = try #require(runtime.definition.table(named: "things"))
        let json = JSONWriter.write(RecordPresenter(table: table).object(record))
        #expect(json.hasPrefix("{\"id\":\"\(record.id)\",\"title\":\"Lamp\","))
        #expect(json.contains("\"price\":\"12.30\""))
        #expect(json.contains("\"at\":\"2026-01-01T00:00:00Z\""))
        #expect(json.contains("\"version\":1"))
    }
}
