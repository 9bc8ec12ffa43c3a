import Foundation

extension Timestamp {
    /// The current time, to the microsecond.
    public static var now: Timestamp {
        let micros = Int64((Date().timeIntervalSince1970 * 1_000_000).rounded(.down))
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        return Timestamp(seconds: seconds, nanos: Int32(micros - seconds * 1_000_000) * 1000)
    }
}
