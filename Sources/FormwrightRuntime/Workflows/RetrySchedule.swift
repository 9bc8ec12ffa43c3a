import FormwrightCore
import FormwrightDefinition

/// When a failed step is tried again: the policy's backoff with full jitter, never sooner than
/// the service's `Retry-After` (itself capped at the policy's longest wait).
struct RetrySchedule: Sendable {
    let policy: RetryPolicy

    /// Whether a step that has been tried `attempts` times may be tried again.
    func allowsAnother(after attempts: Int) -> Bool {
        attempts < policy.attempts
    }

    /// The wait before the next try, in seconds, after `attempts` tries (1 or more).
    /// - Parameters:
    ///   - attempts: how many tries were made.
    ///   - retryAfter: the delay the service asked for, if any.
    ///   - random: a number in `0...1` that picks the wait within the jitter range.
    func delay(after attempts: Int, retryAfter: Duration?, random: Double) -> Double {
        let initial = Self.seconds(policy.initial)
        let maximum = Self.seconds(policy.maximum)
        let ceiling: Double
        switch policy.backoff {
        case .fixed: ceiling = initial
        case .exponential: ceiling = min(initial * Double(sign: .plus, exponent: min(max(attempts - 1, 0), 64), significand: 1), maximum)
        }
        let jittered = ceiling * min(max(random, 0), 1)
        guard let retryAfter else { return jittered }
        let asked = Double(retryAfter.components.seconds) + Double(retryAfter.components.attoseconds) / 1e18
        return max(jittered, min(asked, maximum))
    }

    static func seconds(_ span: TimeSpan) -> Double {
        Double(span.seconds) + Double(span.nanos) / 1e9
    }
}

extension Timestamp {
    /// The moment `seconds` (finite, not negative, at most a day or so) after this one.
    func adding(seconds: Double) -> Timestamp {
        let whole = seconds.rounded(.down)
        var next = Timestamp(seconds: self.seconds + Int64(whole), nanos: nanos + Int32(((seconds - whole) * 1e9).rounded(.down)))
        if next.nanos >= 1_000_000_000 {
            next.seconds += 1
            next.nanos -= 1_000_000_000
        }
        return next
    }
}
