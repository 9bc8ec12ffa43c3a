import Foundation
import Testing

/// Two `formwright serve` processes on one PostgreSQL database serve the same app: what one
/// stores the other reads, unique values hold across both, and stale versions are refused.
@Suite struct SharedPostgresTests {
    static let token = "shared-admin-token-0123456789abcdef"
    static let database = ProcessInfo.processInfo.environment["FORMWRIGHT_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    @Test(.enabled(if: database != nil, "runs when FORMWRIGHT_POSTGRES_URL names a database"))
    func twoServersShareOneApp() async throws {
        let database = try #require(Self.database)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = "shared-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            formwright: 1
            app: \(app)
            tables:
              leads:
                fields:
                  code: { type: text, required: true, unique: true }
                  owner: { type: text }
            """.write(to: folder.appendingPathComponent("app.yaml"), atomically: true, encoding: .utf8)
        let arguments = [folder.path, "--store", database]
        let first = try ServerProcess(arguments: arguments, token: Self.token)
        let second = try ServerProcess(arguments: arguments, token: Self.token)
        defer {
            _ = first.stop()
            _ = second.stop()
        }
        let records = "api/v1/apps/\(app)/tables/leads/records"
        var ids: [String] = []
        for index in 0..<20 {
            let server = index.isMultiple(of: 2) ? first : second
            let created = try await server.request("POST", records, token: Self.token, body: "{\"code\":\"L\(index)\"}")
            #expect(created.status == 201)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(created.body.utf8)) as? [String: Any])
            ids.append(try #require(object["id"] as? String))
        }
        for server in [first, second] {
            let page = try await server.request("GET", "\(records)?limit=100", token: Self.token)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
            #expect((object["records"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ids)
        }
        let duplicate = try await second.request("POST", records, token: Self.token, body: "{\"code\":\"L0\"}")
        #expect(duplicate.status == 422)
        let patched = try await first.request("PATCH", "\(records)/\(ids[1])", token: Self.token, body: "{\"owner\":\"east-1\"}")
        #expect(patched.status == 200)
        let read = try await second.request("GET", "\(records)/\(ids[1])", token: Self.token)
        #expect(read.body.contains("\"owner\":\"east-1\""))
        #expect(read.body.contains("\"version\":2"))
    }
}
