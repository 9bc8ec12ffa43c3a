import Foundation
import Testing

/// The built `formwright serve` with `--log-format json --metrics-public`: JSON lines on standard
/// error, and `/metrics` showing the work of the background workflow worker.
@Suite struct ServeMetricsTests {
    static let token = "metrics-admin-token-0123456789abcdef"

    /// At the default level a run's end is logged but not its steps; `--log-level debug` adds them.
    @Test(arguments: [nil, "debug"])
    func servesMetricsAndWritesJSONLogs(level: String?) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("stderr.log")
        let arguments = ["apps/customer-sentiment", "--store", "memory:", "--log-format", "json", "--metrics-public"] + (level.map { ["--log-level", $0] } ?? [])
        let server = try ServerProcess(arguments: arguments, token: Self.token, errorLog: log)

        let customer = try await server.request(
            "POST", "api/v1/apps/customer-sentiment/tables/customers/records", token: Self.token, body: "{\"name\":\"Acme\",\"region\":\"east\"}")
        #expect(customer.status == 201)
        let customerID = try #require(try JSONSerialization.jsonObject(with: Data(customer.body.utf8)) as? [String: Any])["id"] as? String
        let submission = "{\"customer\":\"\(try #require(customerID))\",\"channel\":\"phone\",\"transcript\":\"They liked the demo a lot.\"}"
        let created = try await server.request(
            "POST", "api/v1/apps/customer-sentiment/forms/log_conversation/submissions", token: Self.token, body: submission)
        #expect(created.status == 201)

        // The worker runs in the background; wait (generously) until the run is counted.
        let finished = #"formwright_workflow_runs_finished_total{app="customer-sentiment",workflow="score_sentiment",outcome="succeeded"} 1"#
        var metrics = ""
        let deadline = Date().addingTimeInterval(120)
        while !metrics.contains(finished), Date() < deadline {
            let answer = try await server.request("GET", "metrics", token: nil)
            #expect(answer.status == 200)
            metrics = answer.body
            if !metrics.contains(finished) { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(metrics.contains(finished), "\(metrics)")
        // A scrape reads the store before the counters, so only a scrape begun after the run was counted must show it stored.
        metrics = try await server.request("GET", "metrics", token: nil).body
        #expect(metrics.contains(#"formwright_workflow_executions{app="customer-sentiment",state="succeeded"} 1"#), "\(metrics)")
        let submissions = #"formwright_http_requests_total{method="POST",route="/api/v1/apps/{app}/forms/{form}/submissions",status="201"} 1"#
        #expect(metrics.contains(submissions), "\(metrics)")
        #expect(server.stop() == 0)

        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            #expect(object["time"] is String && object["level"] is String && object["label"] is String && object["message"] is String, "\(line)")
        }
        let seedNote = #""level":"notice","label":"formwright.serve","message":"loaded "#
        #expect(lines.contains { $0.contains(seedNote) && $0.contains("from its seed file") }, "\(lines)")
        #expect(lines.contains { $0.contains(#""level":"info","label":"formwright.workflows","message":"workflow run succeeded""#) }, "\(lines)")
        let step = #""level":"debug","label":"formwright.workflows","message":"workflow step succeeded""#
        #expect(lines.contains { $0.contains(step) && $0.contains(#""step":"save""#) } == (level == "debug"), "\(lines)")
    }

    @Test func refusesAnUnknownLogFormatBeforeServing() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-log-format-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("data.sqlite")
        let output = try await CommandRunner.run(["serve", "clean", "--store", "sqlite:\(store.path)", "--port", "0", "--log-format", "xml"])
        #expect(output.status == 64)
        #expect(output.standardError.contains("Error: The value 'xml' is invalid for '--log-format <log-format>'. Please provide one of 'text' and 'json'."))
        #expect(output.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: store.path), "nothing is written")
    }
}
