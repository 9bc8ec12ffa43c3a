public import FormwrightCore

/// One try of one workflow step, as a run's history records it.
///
/// A `call` step's attempt is written as started in the commit that counts the try, before the
/// call; if the process dies during the call the attempt stays unfinished, and an operator sees it
/// as ``Outcome/interrupted``. Write steps record their attempt in the transaction that commits them.
public struct StepAttempt: Sendable, Hashable {
    /// How an attempt ended.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// The step did its work.
        case succeeded
        /// The step's `when` was false, so it did nothing.
        case skipped
        /// The step failed and will be tried again at ``StepAttempt/nextTryAt``.
        case retrying
        /// The step failed, and with it the run.
        case failed
        /// The attempt started and never finished: its process stopped during the step.
        case interrupted
        /// The attempt started and its worker still holds the run.
        case running
    }

    /// The step's id.
    public var step: String
    /// Which try of the step this is, from 1.
    public var tryNumber: Int
    /// When the attempt started.
    public var startedAt: Timestamp
    /// When it ended, or nil while it runs (or when it was cut short).
    public var finishedAt: Timestamp?
    /// How it ended, or nil while it has not.
    public var outcome: Outcome?
    /// Why it failed, for `retrying` and `failed`.
    public var error: String?
    /// When the next try is due, for `retrying`.
    public var nextTryAt: Timestamp?

    /// Creates an attempt.
    ///
    /// - Parameters:
    ///   - step: the step's id.
    ///   - tryNumber: which try, from 1.
    ///   - startedAt: when it started.
    ///   - finishedAt: when it ended.
    ///   - outcome: how it ended.
    ///   - error: why it failed.
    ///   - nextTryAt: when the next try is due.
    public init(
        step: String, tryNumber: Int, startedAt: Timestamp, finishedAt: Timestamp? = nil, outcome: Outcome? = nil, error: String? = nil,
        nextTryAt: Timestamp? = nil
    ) {
        self.step = step
        self.tryNumber = tryNumber
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.error = error
        self.nextTryAt = nextTryAt
    }

    /// How long the attempt took in whole milliseconds, or nil while it has not ended.
    public var durationMilliseconds: Int64? {
        guard let finishedAt else { return nil }
        let seconds = finishedAt.seconds.subtractingReportingOverflow(startedAt.seconds)
        guard !seconds.overflow, abs(seconds.partialValue) < 1_000_000_000_000 else { return nil }
        return max(0, seconds.partialValue * 1000 + Int64(finishedAt.nanos - startedAt.nanos) / 1_000_000)
    }

    /// The attempt ended now with `outcome`.
    func finished(_ outcome: Outcome, at time: Timestamp, error: String? = nil, nextTryAt: Timestamp? = nil) -> StepAttempt {
        var attempt = self
        attempt.finishedAt = time
        attempt.outcome = outcome
        attempt.error = error
        attempt.nextTryAt = nextTryAt
        return attempt
    }

    /// The attempt as a payload entry: `{"step", "try", "started_at", "finished_at"?, "outcome"?, "error"?, "next_try_at"?}`.
    var payload: Value {
        var entries: [(Value, Value)] = [
            (.string("step"), .string(step)), (.string("try"), .int(Int64(tryNumber))), (.string("started_at"), .string(startedAt.rfc3339)),
        ]
        if let finishedAt { entries.append((.string("finished_at"), .string(finishedAt.rfc3339))) }
        if let outcome { entries.append((.string("outcome"), .string(outcome.rawValue))) }
        if let error { entries.append((.string("error"), .string(error))) }
        if let nextTryAt { entries.append((.string("next_try_at"), .string(nextTryAt.rfc3339))) }
        return .map(ValueMap(entries))
    }

    /// Reads an attempt from a payload entry, or nil when it is not one.
    init?(payload: Value) {
        guard case .map(let map) = payload else { return nil }
        func text(_ key: String) -> String? {
            if case .string(let value)? = map[.string(key)] { value } else { nil }
        }
        func time(_ key: String) -> Timestamp?? {
            guard let written = text(key) else { return map[.string(key)] == nil ? .some(nil) : nil }
            return Timestamp(rfc3339: written).map { .some($0) }
        }
        guard let step = text("step"), case .int(let number)? = map[.string("try")], let tryNumber = Int(exactly: number),
            let started = text("started_at").flatMap(Timestamp.init(rfc3339:)), let finishedAt = time("finished_at"),
            let nextTryAt = time("next_try_at")
        else { return nil }
        let outcome = text("outcome").flatMap(Outcome.init(rawValue:))
        guard outcome != nil || map[.string("outcome")] == nil else { return nil }
        self.init(
            step: step, tryNumber: tryNumber, startedAt: started, finishedAt: finishedAt, outcome: outcome, error: text("error"),
            nextTryAt: nextTryAt)
    }
}
