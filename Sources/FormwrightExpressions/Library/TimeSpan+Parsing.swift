public import FormwrightCore

extension TimeSpan {
    /// Parses a duration as CEL's `duration()` reads it: numbers with units `h`, `m`, `s`, `ms`,
    /// `us` and `ns`, such as `1s`, `250ms`, `5m` or `1h30m`; nil when the text is not one.
    public init?(durationText text: String) {
        guard let span = try? TimeCalculations.parseDuration(text) else { return nil }
        self = span
    }
}
