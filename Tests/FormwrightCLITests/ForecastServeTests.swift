import Foundation
import Testing

/// An app with a `forecasts:` section checks clean and serves its tables as before: the section is read and checked, not yet run.
@Suite struct ForecastServeTests {
    static let token = "forecast-admin-token-0123456789abcdef"

    static let app = """
        formwright: 1
        app: forecast-serve
        tables:
          opportunities:
            fields:
              region:         { type: choice, options: [east, west] }
              amount:         { type: money }
              expected_close: { type: date }
              probability:    { type: number, min: 0, max: 1 }
          subsidies:
            fields:
              region: { type: choice, options: [east, west] }
              week:   { type: date }
              level:  { type: number }
        forecasts:
          weekly_revenue:
            target: { table: opportunities, measure: amount, date: expected_close, by: [region] }
            period: week
            horizon: 4
            baseline: weighted_pipeline
            drivers:
              subsidy: { table: subsidies, value: level, weight: 0.1, bounds: [0, 0.3], sign: positive }
            scenarios:
              east_up: [{ driver: subsidy, where: "region == 'east'", scale: 1.2 }]

        """

    @Test func anAppWithForecastsChecksCleanAndServes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-forecast-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let appFolder = folder.appendingPathComponent("forecast-serve")
        try FileManager.default.createDirectory(at: appFolder, withIntermediateDirectories: true)
        try Self.app.write(to: appFolder.appendingPathComponent("app.yaml"), atomically: true, encoding: .utf8)

        let check = try await CommandRunner.run(["check", appFolder.path])
        #expect(check.status == 0, "\(check.standardOutput) \(check.standardError)")
        #expect(!(check.standardOutput + check.standardError).contains("warning"), "\(check.standardOutput) \(check.standardError)")

        let server = try ServerProcess(arguments: [appFolder.path, "--store", "sqlite:\(folder.path)/data.sqlite"], token: Self.token)
        defer { _ = server.stop() }
        let created = try await server.request(
            "POST", "api/v1/apps/forecast-serve/tables/opportunities/records", token: Self.token,
            body: #"{"region":"east","amount":"1200.50","expected_close":"2026-12-03","probability":0.4}"#)
        #expect(created.status == 201, "\(created.body)")
        let sums = try await server.request(
            "GET", "api/v1/apps/forecast-serve/tables/opportunities/aggregate?group=region&measure=sum(amount)", token: Self.token)
        #expect(sums.status == 200)
        #expect(sums.body.contains(#""region":"east""#) && sums.body.contains("1200.5"), "\(sums.body)")
    }
}
