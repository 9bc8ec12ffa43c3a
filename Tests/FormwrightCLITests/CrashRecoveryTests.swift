import Foundation
import Testing

/// Nothing acknowledged is lost: concurrent submissions over HTTP while the server is killed
/// with SIGKILL at random moments, several times; after a restart every submission that was
/// answered 2xx is stored exactly once, and nothing is stored twice.
@Suite(.serialized) struct CrashRecoveryTests {
    static let token = "crash-admin-token-0123456789abcdef"

    /// Stores to crash: a SQLite file, and PostgreSQL when a database is named.
    static var stores: [String] {
        var stores = ["sqlite"]
        if let url = ProcessInfo.processInfo.environment["FORMWRIGHT_POSTGRES_URL"], !url.isEmpty { stores.append(url) }
        return stores
    }

    @Test(arguments: stores)
    func acknowledgedSubmissionsSurviveSIGKILL(store kind: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = "crash-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("app"), withIntermediateDirectories: true)
        try """
            formwright: 1
            app: \(app)
            tables:
              notes:
                fields:
                  marker: { type: text, required: true, unique: true }
            forms:
              note:
                table: notes
                public: true
                fields: [marker]
            """.write(to: folder.appendingPathComponent("app/app.yaml"), atomically: true, encoding: .utf8)
        let store = kind == "sqlite" ? "sqlite:\(folder.path)/data.sqlite" : kind
        let arguments = [folder.appendingPathComponent("app").path, "--store", store]
        var acknowledged: [String: String] = [:]
        for round in 0..<3 {
            let server = try ServerProcess(arguments: arguments, token: Self.token)
            let killAfter = Double.random(in: 0.1...0.6)
            let firstAnswer = AsyncStream<Void>.makeStream()
            let results = await withTaskGroup(of: [(String, String)].self) { group in
                for worker in 0..<6 {
                    group.addTask {
                        // A worker that stops also wakes the killer, so a dead server cannot hang the test.
                        defer { firstAnswer.continuation.yield() }
                        var done: [(String, String)] = []
                        for index in 0..<10_000 {
                            let marker = "r\(round)-w\(worker)-\(index)"
                            guard let answer = try? await server.request(
                                "POST", "api/v1/apps/\(app)/forms/note/submissions", token: nil, body: "{\"marker\":\"\(marker)\"}")
                            else { break }
                            guard answer.status == 201,
                                let object = try? JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any],
                                let id = object["id"] as? String
                            else { break }
                            done.append((marker, id))
                            firstAnswer.continuation.yield()
                        }
                        return done
                    }
                }
                // Kill at a random moment once submissions are flowing, however loaded the machine is.
                var answers = firstAnswer.stream.makeAsyncIterator()
                _ = await answers.next()
                try? await Task.sleep(for: .seconds(killAfter))
                server.kill()
                firstAnswer.continuation.finish()
                var all: [(String, String)] = []
                for await part in group { all += part }
                return all
            }
            #expect(!results.isEmpty, "round \(round): no submission was acknowledged before the kill")
            for (marker, id) in results { acknowledged[marker] = id }
        }

        let server = try ServerProcess(arguments: arguments, token: Self.token)
        defer { _ = server.stop() }
        var stored: [String: [String]] = [:]
        var after: String?
        repeat {
            let query = "api/v1/apps/\(app)/tables/notes/records?limit=1000" + (after.map { "&after=\($0)" } ?? "")
            let page = try await server.request("GET", query, token: Self.token)
            #expect(page.status == 200)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
            for record in object["records"] as? [[String: Any]] ?? [] {
                if let marker = record["marker"] as? String, let id = record["id"] as? String { stored[marker, default: []].append(id) }
            }
            after = object["next"] as? String
        } while after != nil
        #expect(acknowledged.count > 0)
        for (marker, id) in acknowledged {
            #expect(stored[marker] == [id], "acknowledged '\(marker)' is stored as \(stored[marker] ?? [])")
        }
        #expect(stored.values.allSatisfy { $0.count == 1 })
    }
}
