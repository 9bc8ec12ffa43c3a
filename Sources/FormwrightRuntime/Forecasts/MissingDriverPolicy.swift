/// What a forecast does for a period whose (normalised, lagged) driver value is missing.
public enum MissingDriverPolicy: String, Sendable, Hashable, CaseIterable {
    /// The driver has no effect in that period; the other drivers still count.
    case zero
    /// The driver's last known value before that period counts; no effect when none is known.
    case last
    /// No driver has an effect in that period: the forecast is the baseline's.
    case skip
}
