/// A driver of a forecast: a number per group and period, read from a table, normalised and
/// weighted into the forecast.
public struct ForecastDriver: Sendable {
    /// The driver's name, as scenarios name it.
    public var name: Located<String>
    /// The table holding the driver's values.
    public var table: Located<String>
    /// The number field holding the value.
    public var value: Located<String>
    /// The date or datetime field putting a value in a period.
    public var date: Located<String>
    /// The fields matching values to groups, a subset of the target's `by` by name; empty for one value per period for all groups.
    public var groupBy: [Located<String>]
    /// How much one unit of the normalised driver moves the forecast.
    public var weight: Located<Double>
    /// The lowest and highest weight `forecast fit` may suggest; nil for no bounds but the sign.
    public var bounds: Located<ForecastBounds>?
    /// Which way the driver may move the forecast.
    public var sign: Located<Sign>
    /// How many periods the driver acts later: the value of period `t - lag` moves period `t`.
    public var lag: Int
    /// How values are made comparable.
    public var normalisation: ForecastNormalisation
    /// What a missing value of a group and period counts as.
    public var missing: MissingValue

    /// The longest lag, in periods.
    public static let maximumLag = 104

    /// Creates a driver.
    public init(
        name: Located<String>, table: Located<String>, value: Located<String>, date: Located<String>, groupBy: [Located<String>],
        weight: Located<Double>, bounds: Located<ForecastBounds>?, sign: Located<Sign>, lag: Int, normalisation: ForecastNormalisation,
        missing: MissingValue
    ) {
        self.name = name
        self.table = table
        self.value = value
        self.date = date
        self.groupBy = groupBy
        self.weight = weight
        self.bounds = bounds
        self.sign = sign
        self.lag = lag
        self.normalisation = normalisation
        self.missing = missing
    }

    /// The weights allowed by both the bounds and the sign: what `forecast fit` searches within.
    public var allowedWeights: ClosedRange<Double> {
        var lower = bounds?.value.lower ?? -Double.infinity
        var upper = bounds?.value.upper ?? Double.infinity
        if sign.value == .positive { lower = max(lower, 0) }
        if sign.value == .negative { upper = min(upper, 0) }
        return lower...max(lower, upper)
    }

    /// Which way a driver may move the forecast.
    public enum Sign: String, Sendable, CaseIterable {
        /// The weight is 0 or more.
        case positive
        /// The weight is 0 or less.
        case negative
        /// Either way.
        case any
    }

    /// What a missing driver value counts as.
    public enum MissingValue: String, Sendable, CaseIterable {
        /// The normalised value 0: the driver has no effect there.
        case zero
        /// The group's last known value, carried forward.
        case last
        /// The group and period are left out of fitting and backtests, and forecast without the driver.
        case skip
    }
}
