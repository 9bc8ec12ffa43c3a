import FormwrightCore
import FormwrightRuntime
import FormwrightStorage
import Testing

/// Every imported row goes through the submission pipeline; problems name their line and field.
@Suite struct ImportTests {
    static let customers = """
        id,name,region,code
        c1,Ada,east,A1
        c2,Bob,middle,A2
        c3,,west,A1
        c4,Cy,north,A4

        """

    @Test func validRowsAreWrittenAndBadOnesReported() async throws {
        let app = try ImportTestApp()
        let runtime = try await app.memoryRuntime()
        let report = try await runtime.importCSV(table: "customers", bytes: Array(Self.customers.utf8), allOrNothing: false)
        #expect(report.created == 2)
        #expect(
            report.rejections.map(\.description) == [
                "3: field 'region': Please choose one of: east, north, south, west.",
                "4: field 'name': This field is required.",
            ])
        #expect(
            report.rejections.first?.located(in: "data/customers.csv")
                == "data/customers.csv:3: field 'region': Please choose one of: east, north, south, west.")
        #expect(try await runtime.record(table: "customers", id: "c1")?.fields["name"] == .string("Ada"))
        #expect(try await runtime.record(table: "customers", id: "c4") != nil)
        #expect(try await runtime.record(table: "customers", id: "c2") == nil)
    }

    @Test func allOrNothingWritesNothingOnAnyProblem() async throws {
        let app = try ImportTestApp()
        let runtime = try await app.memoryRuntime()
        let report = try await runtime.importCSV(table: "customers", bytes: Array(Self.customers.utf8), allOrNothing: true)
        #expect(report.created == 0)
        #expect(report.rejections.map(\.line) == [3, 4])
        #expect(try await runtime.records(table: "customers", limit: 10, after: nil).records.isEmpty)
    }

    @Test func problemsFoundAgainstTheStoreAreReportedToo() async throws {
        let app = try ImportTestApp()
        let runtime = try await app.memoryRuntime()
        _ = try await runtime.importCSV(table: "customers", bytes: Array("id,name,code\nc1,Ada,A1\n".utf8), allOrNothing: true)
        let deals = "customer,title,fixed\nc1,ok,set by import\nnobody,lost,\nc1,\"dup code\",\n"
        let report = try await runtime.importCSV(table: "deals", bytes: Array(deals.utf8), allOrNothing: false)
        #expect(report.created == 2)
        #expect(report.rejections.map(\.description) == ["3: field 'customer': The chosen record does not exist (it may have been deleted)."])
        let again = try await runtime.importCSV(
            table: "customers", bytes: Array("id,name,code\nc1,Ann,B\nc9,Bo,A1\nc8,Cy,B\nc7,Di,B\n".utf8), allOrNothing: false)
        #expect(
            again.rejections.map(\.description) == [
                "2: field 'id': A record with id 'c1' already exists.",
                "3: field 'code': This value is already used by another record.",
                "5: field 'code': This value is already used by another record.",
            ])
        #expect(again.created == 1)
    }

    @Test func aBadHeaderOrSyntaxWritesNothing() async throws {
        let app = try ImportTestApp()
        let runtime = try await app.memoryRuntime()
        let header = try await runtime.importCSV(table: "customers", bytes: Array("name,regoin\nAda,east\n".utf8), allOrNothing: false)
        #expect(header.created == 0)
        #expect(header.rejections.map(\.description) == ["1: column 'regoin' is not a field of table 'customers'; did you mean 'region'?"])
        let syntax = try await runtime.importCSV(table: "customers", bytes: Array("name\nAda\n\"open\n".utf8), allOrNothing: false)
        #expect(syntax.rejections.map(\.line) == [3])
        let cells = try await runtime.importCSV(table: "customers", bytes: Array("name,region\nAda\nBob,east\n".utf8), allOrNothing: false)
        #expect(cells.created == 1)
        #expect(cells.rejections.map(\.description) == ["2: expected 2 cells, as in the header, but found 1"])
    }

    @Test func rowsWithIdsLetLinksResolveAndBadIdsAreRefused() async throws {
        let app = try ImportTestApp()
        let runtime = try await app.memoryRuntime()
        let rows = [
            ImportRow(line: 2, id: "north-1", values: ["name": .string("Ada")]),
            ImportRow(line: 3, id: "north-1", values: ["name": .string("Bob")]),
            ImportRow(line: 4, id: "bad id", values: ["name": .string("Cy")]),
        ]
        let report = try await runtime.importRows(table: "customers", rows: rows, allOrNothing: false)
        #expect(report.created == 1)
        #expect(report.rejections.map(\.line) == [3, 4])
        #expect(report.rejections.allSatisfy { $0.field == "id" })
    }
}
