import FormwrightCore
import FormwrightStorage
import Foundation
import Testing

/// Workflows through the real `formwright serve`: a server killed with SIGKILL in the middle of a
/// call, and one stopped with SIGTERM there, leave the run to a restarted server, which finishes
/// it with every record write made once and the call made again only after the crash.
@Suite(.serialized) struct WorkflowCrashTests {
    @Test(arguments: WorkflowFixture.stores)
    func aRunKilledDuringACallFinishesOnceAfterARestart(store kind: String) async throws {
        let fixture = try WorkflowFixture(store: kind)
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let service = QuoteService(holdsFirst: true)
        try await service.run { url in
            // A short lease, so the restarted server takes the dead one's run over within seconds.
            let arguments = fixture.arguments + ["--workflow-lease", "2"]
            let environment = WorkflowFixture.environment(service: url)
            let errorLog = fixture.folder.appendingPathComponent("serve-stderr.txt")
            let first = try await ServerProcess.start(arguments: arguments, token: WorkflowFixture.token, errorLog: errorLog, environment: environment)
            defer { first.kill() }
            let order = try await fixture.createOrder("pen", on: first)
            let called = try await WorkflowFixture.poll(seconds: 120) { !service.requests.isEmpty }
            try #require(called, "the first server never called the service")
            first.kill()
            // The lease is shorter than the integration's timeout (2m), so the server warned at start.
            let warning = "warning: integration 'pricing' of app '\(fixture.app)' may take 120s, not less than --workflow-lease 2"
            #expect(try String(contentsOf: errorLog, encoding: .utf8).contains(warning))

            let second = try await ServerProcess.start(arguments: arguments, token: WorkflowFixture.token, environment: environment)
            defer { second.kill() }
            try await fixture.withStore { storage in
                let job = try await Self.finishedRun(fixture, storage)
                #expect(job.state == .succeeded, "\(job.lastError ?? "")")
                let record = try #require(try await storage.read(app: fixture.app) { try $0.record(table: "orders", id: order) })
                // Created at version 1; the `mark` update, made once, is the only other write.
                #expect(record.version == 2)
                #expect(record.fields["touches"] == .int(1))
                #expect(try await fixture.receipts(of: order, in: storage) == 1)
                #expect(service.requests.map(\.key) == ["\(job.id):price", "\(job.id):price"])
            }
        }
    }

    @Test(arguments: WorkflowFixture.stores)
    func aRunStoppedDuringACallIsHandedBackAndFinishedByTheNextServer(store kind: String) async throws {
        let fixture = try WorkflowFixture(store: kind)
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let service = QuoteService(holdsFirst: true)
        let errorLog = fixture.folder.appendingPathComponent("serve-stderr.txt")
        try await service.run { url in
            // The default lease: a run left to run out its lease would wait 6 minutes, far past the
            // test's patience, so finishing shows the run was handed back.
            let environment = WorkflowFixture.environment(service: url)
            let first = try await ServerProcess.start(
                arguments: fixture.arguments, token: WorkflowFixture.token, errorLog: errorLog, environment: environment)
            defer { first.kill() }
            let order = try await fixture.createOrder("pen", on: first)
            let called = try await WorkflowFixture.poll(seconds: 120) { !service.requests.isEmpty }
            try #require(called, "the server never called the service")
            first.signalStop()
            let stopping = try await WorkflowFixture.poll(seconds: 60) {
                (try? String(contentsOf: errorLog, encoding: .utf8))?.contains("stopping: waiting for the workflow step") == true
            }
            #expect(stopping, "the server did not say it was stopping")
            service.release()
            #expect(try await first.exitStatus() == 0)

            try await fixture.withStore { storage in
                let handedBack = try #require(try await fixture.jobs(in: storage).first)
                #expect(handedBack.state == .pending)
                #expect(handedBack.leaseOwner == nil)
                #expect(handedBack.dueAt <= Timestamp.now)
                #expect(try await fixture.receipts(of: order, in: storage) == 0)

                let second = try await ServerProcess.start(arguments: fixture.arguments, token: WorkflowFixture.token, environment: environment)
                defer { second.kill() }
                let job = try await Self.finishedRun(fixture, storage)
                #expect(job.state == .succeeded, "\(job.lastError ?? "")")
                #expect(service.requests.map(\.key) == ["\(job.id):price"])
                let record = try #require(try await storage.read(app: fixture.app) { try $0.record(table: "orders", id: order) })
                #expect(record.version == 2)
                #expect(try await fixture.receipts(of: order, in: storage) == 1)
                second.signalStop()
                #expect(try await second.exitStatus() == 0)
            }
        }
    }

    @Test func refusesAWorkflowLeaseOutOfRange() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-lease-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for lease in ["0", "86401"] {
            let output = try await CommandRunner.run([
                "serve", "clean", "--store", "sqlite:\(folder.path)/data.sqlite", "--port", "0", "--workflow-lease", lease,
            ])
            #expect(output.status == 64)
            #expect(output.standardError.contains("--workflow-lease takes 1 to 86400 seconds, not \(lease)"), "\(output.standardError)")
            #expect(!FileManager.default.fileExists(atPath: folder.path))
        }
    }

    @Test func serveHelpExplainsTheWorkflowLease() async throws {
        let output = try await CommandRunner.run(["serve", "--help"])
        #expect(output.status == 0)
        let help = output.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("--workflow-lease <seconds> How long a workflow run stays claimed by this process (1 to 86400)"), "\(help)")
        #expect(help.contains("else a slow call may be made twice. (default: 360)"), "\(help)")
    }

    /// The app's only run, once it has succeeded or failed (at most two minutes).
    static func finishedRun(_ fixture: WorkflowFixture, _ storage: any StorageBackend) async throws -> Job {
        var last: Job?
        _ = try await WorkflowFixture.poll(seconds: 120) {
            last = try await fixture.jobs(in: storage).first
            return last?.state == .succeeded || last?.state == .failed
        }
        let jobs = try await fixture.jobs(in: storage)
        #expect(jobs.count == 1)
        return try #require(last)
    }
}
