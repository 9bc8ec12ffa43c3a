public import FormwrightCore

/// How often and how soon a failed step is tried again (`retry:` on a workflow or a step).
///
/// A step is tried at most `attempts` times in all. Before try number `n + 1` the engine waits
/// `initial` when the backoff is fixed, and `initial × 2^(n-1)` when it is exponential, never
/// more than `maximum`. A step's own `retry` takes each key it does not give from its
/// workflow's `retry`, and that from the defaults. A `fail` step is never retried.
public struct RetryPolicy: Sendable, Hashable {
    /// How the wait between tries grows.
    public enum Backoff: String, Sendable, Hashable, CaseIterable {
        /// Each wait doubles, from `initial` up to `maximum`.
        case exponential
        /// Every wait is `initial`.
        case fixed
    }

    /// Tries in all, the first included: 1 (no retry) to 100.
    public var attempts: Int
    /// How the wait grows.
    public var backoff: Backoff
    /// The first wait.
    public var initial: TimeSpan
    /// The longest wait.
    public var maximum: TimeSpan

    /// Creates a policy.
    public init(attempts: Int, backoff: Backoff, initial: TimeSpan, maximum: TimeSpan) {
        self.attempts = attempts
        self.backoff = backoff
        self.initial = initial
        self.maximum = maximum
    }

    /// The policy when none is written: 3 tries, exponential backoff from 1 second up to 5 minutes.
    public static let `default` = RetryPolicy(attempts: 3, backoff: .exponential, initial: TimeSpan(seconds: 1), maximum: TimeSpan(seconds: 300))

    /// The most tries allowed.
    public static let maximumAttempts = 100
    /// The shortest wait allowed for `initial`: 10 milliseconds.
    public static let shortestWait = TimeSpan(seconds: 0, nanos: 10_000_000)
    /// The longest wait allowed for `initial` and `max`: 24 hours.
    public static let longestWait = TimeSpan(seconds: 86_400)
}
