import FormwrightCore
import FormwrightDefinition
import Testing

@testable import FormwrightRuntime

@Suite struct RetryScheduleTests {
    static func schedule(attempts: Int = 5, _ backoff: RetryPolicy.Backoff, initial: Int64, max: Int64) -> RetrySchedule {
        RetrySchedule(policy: RetryPolicy(attempts: attempts, backoff: backoff, initial: TimeSpan(seconds: initial), maximum: TimeSpan(seconds: max)))
    }

    @Test func exponentialBackoffDoublesUpToTheLongestWait() {
        let schedule = Self.schedule(.exponential, initial: 1, max: 10)
        #expect((1...7).map { schedule.delay(after: $0, retryAfter: nil, random: 1) } == [1, 2, 4, 8, 10, 10, 10])
    }

    @Test func exponentialBackoffStaysAtTheLongestWaitFarPastIt() {
        let schedule = Self.schedule(.exponential, initial: 1, max: 300)
        #expect(schedule.delay(after: 100, retryAfter: nil, random: 1) == 300)
        #expect(schedule.delay(after: Int.max, retryAfter: nil, random: 1) == 300)
    }

    @Test func fractionalInitialWaitsDouble() {
        let policy = RetryPolicy(attempts: 5, backoff: .exponential, initial: TimeSpan(seconds: 0, nanos: 250_000_000), maximum: TimeSpan(seconds: 1))
        let schedule = RetrySchedule(policy: policy)
        #expect((1...4).map { schedule.delay(after: $0, retryAfter: nil, random: 1) } == [0.25, 0.5, 1, 1])
    }

    @Test func fixedBackoffWaitsTheInitialWaitEveryTime() {
        let schedule = Self.schedule(.fixed, initial: 3, max: 60)
        #expect((1...5).map { schedule.delay(after: $0, retryAfter: nil, random: 1) } == [3, 3, 3, 3, 3])
    }

    @Test func fullJitterDrawsBetweenZeroAndTheBackoff() {
        let schedule = Self.schedule(.exponential, initial: 2, max: 60)
        #expect(schedule.delay(after: 3, retryAfter: nil, random: 0) == 0)
        #expect(schedule.delay(after: 3, retryAfter: nil, random: 0.25) == 2)
        #expect(schedule.delay(after: 3, retryAfter: nil, random: 1) == 8)
        // A random number outside 0...1 is clamped into it.
        #expect(schedule.delay(after: 3, retryAfter: nil, random: -1) == 0)
        #expect(schedule.delay(after: 3, retryAfter: nil, random: 7) == 8)
    }

    @Test func retryAfterIsTheShortestWait() {
        let schedule = Self.schedule(.exponential, initial: 1, max: 60)
        #expect(schedule.delay(after: 1, retryAfter: .seconds(2), random: 0) == 2)
        #expect(schedule.delay(after: 1, retryAfter: .seconds(2), random: 1) == 2)
        #expect(schedule.delay(after: 1, retryAfter: .milliseconds(1500), random: 0) == 1.5)
        // A longer backoff wins over a shorter Retry-After.
        #expect(schedule.delay(after: 4, retryAfter: .seconds(2), random: 1) == 8)
        #expect(schedule.delay(after: 1, retryAfter: .zero, random: 1) == 1)
    }

    @Test func retryAfterIsCappedAtTheLongestWait() {
        let schedule = Self.schedule(.fixed, initial: 1, max: 30)
        #expect(schedule.delay(after: 1, retryAfter: .seconds(3600), random: 0) == 30)
        #expect(schedule.delay(after: 1, retryAfter: .seconds(30), random: 0) == 30)
        #expect(schedule.delay(after: 1, retryAfter: .seconds(29), random: 0) == 29)
    }

    @Test func allowsAnotherTryUntilTheAttemptsAreSpent() {
        let schedule = Self.schedule(attempts: 3, .exponential, initial: 1, max: 10)
        #expect(schedule.allowsAnother(after: 0))
        #expect(schedule.allowsAnother(after: 1))
        #expect(schedule.allowsAnother(after: 2))
        #expect(!schedule.allowsAnother(after: 3))
        #expect(!schedule.allowsAnother(after: 4))
        let once = Self.schedule(attempts: 1, .fixed, initial: 1, max: 10)
        #expect(!once.allowsAnother(after: 1))
    }

    @Test func addingSecondsCarriesNanosecondsIntoSeconds() {
        let start = Timestamp(seconds: 100, nanos: 900_000_000)
        #expect(start.adding(seconds: 0) == start)
        #expect(start.adding(seconds: 2) == Timestamp(seconds: 102, nanos: 900_000_000))
        #expect(start.adding(seconds: 0.25) == Timestamp(seconds: 101, nanos: 150_000_000))
    }
}
