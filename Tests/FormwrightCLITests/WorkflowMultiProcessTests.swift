import FormwrightCore
import FormwrightStorage
import Foundation
import Testing

/// Two `formwright serve` processes on one PostgreSQL database run the workflows of one app
/// together: every run is carried out, no run is worked on by both at once, and each run's
/// record is written exactly once.
@Suite struct WorkflowMultiProcessTests {
    @Test(.enabled(if: WorkflowFixture.database != nil, "runs when FORMWRIGHT_POSTGRES_URL names a database"))
    func twoServersShareTheRunsOfOneApp() async throws {
        let fixture = try WorkflowFixture(store: "postgres")
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        // Each call takes a while, so runs overlap and both servers find work waiting.
        let service = QuoteService(delay: .milliseconds(300))
        try await service.run { url in
            // Each server reaches the service under a path of its own, so the service can tell
            // which server made a call.
            let first = try await ServerProcess.start(
                arguments: fixture.arguments, token: WorkflowFixture.token, environment: WorkflowFixture.environment(service: url + "/first"))
            defer { first.kill() }
            let second = try await ServerProcess.start(
                arguments: fixture.arguments, token: WorkflowFixture.token, environment: WorkflowFixture.environment(service: url + "/second"))
            defer { second.kill() }
            var orders: [String] = []
            for index in 0..<30 {
                orders.append(try await fixture.createOrder("item-\(index)", on: index.isMultiple(of: 2) ? first : second))
            }
            try await fixture.withStore { storage in
                var jobs: [Job] = []
                let finished = try await WorkflowFixture.poll(seconds: 180) {
                    jobs = try await fixture.jobs(in: storage)
                    return jobs.count == orders.count && jobs.allSatisfy { $0.state == .succeeded || $0.state == .failed }
                }
                #expect(finished, "runs not finished: \(jobs.filter { $0.state != .succeeded }.map { "\($0.id) \($0.state)" })")
                #expect(jobs.count == orders.count)
                for job in jobs {
                    #expect(job.state == .succeeded, "\(job.id): \(job.lastError ?? "")")
                }
                for order in orders {
                    #expect(try await fixture.receipts(of: order, in: storage) == 1, "order \(order)")
                    let record = try #require(try await storage.read(app: fixture.app) { try $0.record(table: "orders", id: order) })
                    #expect(record.version == 2, "order \(order)")
                }
                let requests = service.requests
                #expect(Set(requests.map(\.key)) == Set(jobs.map { "\($0.id):price" }))
                for (key, most) in service.mostInFlight {
                    #expect(most == 1, "'\(key)' was in flight \(most) times at once")
                }
                let paths = Set(requests.map(\.path))
                #expect(paths.contains("/first/quote"), "the first server made no call: \(paths)")
                #expect(paths.contains("/second/quote"), "the second server made no call: \(paths)")
                first.signalStop()
                second.signalStop()
                #expect(try await first.exitStatus() == 0)
                #expect(try await second.exitStatus() == 0)
            }
        }
    }
}
