import FormwrightCore
import FormwrightRuntime
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// `GET` and `POST …/records.csv`: a table's records out and in as CSV over the API.
@Suite struct CSVAPITests {
    static let customers = "/api/v1/apps/customer-sentiment/tables/customers/records.csv"

    static func headers(_ contentType: String) -> HTTPFields {
        [.authorization: "Bearer \(ServerHarness.token)", .contentType: contentType]
    }

    static func count(_ harness: ServerHarness) async throws -> Int {
        try await harness.runtime.storage.read(app: "customer-sentiment") { try $0.count(table: "customers") }
    }

    @Test func importsValidRowsAndReportsTheOthersByLine() async throws {
        let harness = try await ServerHarness()
        let csv = "name,region\nAda,east\nBo,nowhere\n,west\n"
        try await harness.test { client in
            try await client.execute(uri: Self.customers, method: .post, headers: Self.headers("text/csv"), body: ByteBuffer(string: csv)) {
                response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.hasPrefix(#"{"created":1,"rejections":[{"line":3,"field":"region","message":"#), "\(response.text)")
                #expect(response.text.contains(#"{"line":4,"field":"name","message":"#), "\(response.text)")
            }
        }
        #expect(try await Self.count(harness) == 1)
    }

    @Test func allOrNothingWritesNothingWhenARowIsRefused() async throws {
        let harness = try await ServerHarness()
        let csv = "name,region\nAda,east\nBo,nowhere\n"
        try await harness.test { client in
            try await client.execute(
                uri: "\(Self.customers)?all_or_nothing=true", method: .post, headers: Self.headers("text/csv; charset=utf-8"),
                body: ByteBuffer(string: csv)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.hasPrefix(#"{"created":0,"rejections":[{"line":3,"field":"region""#), "\(response.text)")
            }
            try await client.execute(
                uri: "\(Self.customers)?all_or_nothing=true", method: .post, headers: Self.headers("text/csv"),
                body: ByteBuffer(string: "name,region\nAda,east\nBo,west\n")
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"created":2,"rejections":[]}"#)
            }
        }
        #expect(try await Self.count(harness) == 2)
    }

    @Test func exportsTheFilteredRecordsAsCSV() async throws {
        let harness = try await ServerHarness()
        for (name, region) in [("Ada", "east"), ("=SUM(A1)", "east"), ("Cy", "west")] {
            _ = try await harness.runtime.create(
                table: "customers", input: SubmissionInput(values: ["name": .string(name), "region": .string(region)], format: .json))
        }
        let filter = "region == 'east'".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        try await harness.test { client in
            try await client.execute(uri: "\(Self.customers)?filter=\(filter)", method: .get, headers: ServerHarness.admin) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"customers.csv\"")
                let lines = response.text.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
                #expect(lines.first == "id,name,region,pod")
                #expect(lines.count == 3, "\(response.text)")
                #expect(lines.contains { $0.hasSuffix(",'=SUM(A1),east,") }, "\(response.text)")
                #expect(!response.text.contains("Cy"))
            }
        }
    }

    @Test func refusesOtherMediaTypesStrangersAndBadFlags() async throws {
        let harness = try await ServerHarness()
        try await harness.test { client in
            try await client.execute(uri: Self.customers, method: .post, headers: Self.headers("application/json"), body: ByteBuffer(string: "{}")) {
                response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.text.contains("send the file as CSV with 'Content-Type: text/csv'"))
            }
            try await client.execute(uri: Self.customers, method: .get, headers: [:]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(
                uri: "\(Self.customers)?all_or_nothing=yes", method: .post, headers: Self.headers("text/csv"), body: ByteBuffer(string: "name\nA\n")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("'all_or_nothing' is true or false, not 'yes'"))
            }
        }
        #expect(try await Self.count(harness) == 0)
    }
}
