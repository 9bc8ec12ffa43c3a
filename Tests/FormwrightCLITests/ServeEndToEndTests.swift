import Foundation
import Testing

/// The built `formwright serve` over real HTTP on a temporary SQLite file: submit, stop, start, read back.
@Suite struct ServeEndToEndTests {
    static let token = "e2e-admin-token-0123456789abcdef0123"

    @Test func aSubmissionSurvivesARestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = "sqlite:\(folder.path)/data.sqlite"
        let first = try ServerProcess(arguments: ["apps/customer-sentiment", "--store", store], token: Self.token)
        let health = try await first.request("GET", "healthz", token: nil)
        #expect(health.status == 200)
        #expect(try await Self.customerCount(first) == 4, "the seed data is loaded on first serve")
        let created = try await first.request(
            "POST", "api/v1/apps/customer-sentiment/forms/feedback/submissions", token: nil, body: "{\"message\":\"Survives restarts\"}")
        #expect(created.status == 201)
        let id = try #require(try JSONSerialization.jsonObject(with: Data(created.body.utf8)) as? [String: Any])["id"] as? String
        #expect(first.stop() == 0)

        let second = try ServerProcess(arguments: ["apps/customer-sentiment", "--store", store], token: Self.token)
        let read = try await second.request("GET", "api/v1/apps/customer-sentiment/tables/feedback/records/\(try #require(id))", token: Self.token)
        #expect(read.status == 200)
        #expect(read.body.contains("\"message\":\"Survives restarts\""))
        #expect(try await Self.customerCount(second) == 4, "the seed data is loaded only once")
        let anonymous = try await second.request("GET", "api/v1/apps/customer-sentiment/tables/feedback/records", token: nil)
        #expect(anonymous.status == 401)
        #expect(second.stop(interrupt: true) == 0)
    }

    static func customerCount(_ server: ServerProcess) async throws -> Int {
        let page = try await server.request("GET", "api/v1/apps/customer-sentiment/tables/customers/records", token: token)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
        return (object["records"] as? [Any])?.count ?? -1
    }

    @Test func theReadmeTourRuns() async throws {
        let server = try ServerProcess(arguments: ["apps/customer-sentiment", "--store", "memory:"], token: Self.token)
        defer { _ = server.stop() }
        let tour = Process()
        tour.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tour.arguments = ["bash", "examples/requests/tour.sh"]
        tour.currentDirectoryURL = CommandRunner.packageRoot
        tour.environment = ["BASE": server.baseURL.absoluteString, "TOKEN": Self.token, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let pipe = Pipe()
        tour.standardOutput = pipe
        try tour.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        tour.waitUntilExit()
        #expect(tour.terminationStatus == 0)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 11, "\(output)")
        #expect(lines.first?.hasPrefix("{\"id\":\"") == true)
        #expect(lines.dropFirst().first?.contains("\"name\":\"Acme Trading 客户\"") == true)
        #expect(lines.dropFirst(2).first?.contains("\"record\":{") == true)
        #expect(lines.dropFirst(3).first?.hasPrefix("{\"records\":[{") == true)
        #expect(lines.dropFirst(4).first?.contains("{\"name\":\"follow_up_on\",\"visible\":true,\"required\":true") == true, "\(output)")
        #expect(lines.dropFirst(5).first?.contains("\"region\":\"east\"") == true)
        #expect(lines.dropFirst(5).first?.contains("\"region\":\"west\"") == false)
        #expect(lines.dropFirst(6).first?.hasPrefix("{\"records\":[") == true, "\(output)")
        #expect(lines.dropFirst(7).first?.hasPrefix("{\"time_zone\":\"Asia/Shanghai\",\"groups\":[{\"channel\":") == true, "\(output)")
        #expect(lines.dropFirst(8).first?.hasPrefix("{\"executions\":[{\"id\":\"") == true, "\(output)")
        #expect(lines.dropFirst(8).first?.contains("\"workflow\":\"score_sentiment\"") == true)
        #expect(lines.dropFirst(9).first?.hasPrefix("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Customer sentiment\"") == true)
        #expect(lines.last?.contains("此项为必填项。") == true)
    }

    @Test func refusesAnAppWithErrorsAndExitsOne() async throws {
        let output = try await CommandRunner.run(["serve", "broken", "--store", "memory:", "--port", "0"])
        #expect(output.status == 1)
        #expect(output.standardError.contains("did you mean 'required'?"))
    }

    @Test func refusesABadStoreURL() async throws {
        let output = try await CommandRunner.run(["serve", "clean", "--store", "mysql://x", "--port", "0"])
        #expect(output.status == 1)
        #expect(output.standardError.hasPrefix("error: "))
    }
}
