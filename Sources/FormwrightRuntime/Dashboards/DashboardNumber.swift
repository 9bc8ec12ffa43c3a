public import FormwrightCore

/// One figure of a dashboard: as a number for charts, and as the app shows it in JSON.
///
/// A count is a whole number; a sum as the field's values read (money exact, as decimal text at
/// the field's scale); an average a number (money as decimal text rounded to the scale); a ratio a
/// number. A figure that has no value — the average of no records, a ratio over a zero
/// denominator — is `null` and has no number.
public struct DashboardNumber: Sendable, Equatable {
    /// The figure as a number in the field's units (money in whole units, not minor units); nil when it has no value.
    public let number: Double?
    /// The figure as JSON shows it.
    public let value: Value

    /// Creates a figure.
    public init(number: Double?, value: Value) {
        self.number = number
        self.value = value
    }

    /// A figure without a value.
    public static let empty = DashboardNumber(number: nil, value: .null)
}
