import FormwrightCore
@testable import FormwrightRuntime
import FormwrightStorage
import Testing

/// The bell that wakes an idle workflow service after this process's writes.
@Suite struct WorkBellTests {
    static let clock = ContinuousClock()

    @Test func aRingBeforeTheWaitEndsItAtOnce() async {
        let bell = WorkBell()
        bell.ring()
        let started = Self.clock.now
        await bell.wait(upTo: .seconds(120))
        #expect(started.duration(to: Self.clock.now) < .seconds(60))
    }

    @Test func aRingDuringTheWaitEndsIt() async {
        let bell = WorkBell()
        let started = Self.clock.now
        let ringer = Task {
            try? await Task.sleep(for: .milliseconds(200))
            bell.ring()
        }
        await bell.wait(upTo: .seconds(120))
        #expect(started.duration(to: Self.clock.now) < .seconds(60))
        await ringer.value
    }

    @Test func withoutARingTheWaitLastsItsTimeoutAndARingIsUsedOnce() async {
        let bell = WorkBell()
        bell.ring()
        await bell.wait(upTo: .seconds(120))
        let started = Self.clock.now
        await bell.wait(upTo: .milliseconds(300))
        #expect(started.duration(to: Self.clock.now) >= .milliseconds(300))
    }

    @Test func anIdleServiceStartsARunRightAfterTheWriteThatEnqueuedIt() async throws {
        let definition = try WorkflowTestApp.definition(app: "workflows")
        let bell = WorkBell()
        let storage = MemoryStorage()
        let runtime = AppRuntime(definition: definition, storage: storage, workBell: bell)
        try await runtime.prepare()
        let stop = StopSignal()
        let service = WorkflowService(
            storage: storage, definitions: DefinitionRegistry(definition), transport: ScriptedService { _, _ in WorkflowTestApp.okResponse },
            owner: "bell-test", stop: stop, bell: bell
        ) { ["workflows"] }
        // Polling alone would start the run only after two minutes.
        let running = Task { await service.run(idle: .seconds(120)) }
        try await Task.sleep(for: .milliseconds(300))
        let started = Self.clock.now
        _ = try await runtime.create(table: "conversations", input: SubmissionInput(values: ["transcript": .string("Great, thanks")], format: .json))
        var states: [JobState] = []
        while started.duration(to: Self.clock.now) < .seconds(60) {
            states = try await storage.read(app: "workflows") { try $0.jobs(JobQuery(limit: 10)) }.map(\.state)
            if states == [.succeeded] { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        stop.stop()
        bell.ring()
        await running.value
        #expect(states == [.succeeded])
    }
}
