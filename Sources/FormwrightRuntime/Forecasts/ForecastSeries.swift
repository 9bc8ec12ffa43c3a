/// One group's values over consecutive, equally long periods; a value may be missing.
///
/// Index 0 is the oldest period. A missing value (`nil`) means unknown, not zero: a period in
/// which a group had no records is zero and should be given as `0`.
public struct ForecastSeries: Sendable, Hashable {
    /// The values of the group's keys, in the order of the forecast's `by` fields.
    public var group: [String]
    /// One value per period, oldest first.
    public var values: [Double?]

    /// Creates a series.
    public init(group: [String] = [], values: [Double?]) {
        self.group = group
        self.values = values
    }

    /// The number of periods.
    public var count: Int { values.count }

    /// The series the baselines fit: leading missing values dropped, every later missing value
    /// replaced by the last known value before it.
    ///
    /// - Throws: ``ForecastError`` when a known value is not finite.
    public func filled() throws -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            if let value {
                guard value.isFinite else { throw ForecastError(.notFinite, "value \(value) of period \(index) is not a finite number") }
                result.append(value)
            } else if let last = result.last {
                result.append(last)
            }
        }
        return result
    }

    /// The first `count` periods, as the history known at a cutoff.
    public func prefix(_ count: Int) -> ForecastSeries {
        ForecastSeries(group: group, values: Array(values.prefix(max(0, count))))
    }
}
