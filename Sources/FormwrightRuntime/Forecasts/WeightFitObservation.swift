/// One group in one period of the training range: its driver values and what the drivers should explain.
public struct WeightFitObservation: Sendable, Hashable {
    /// The period's position in time; larger is later. Rolling-origin validation orders by it.
    public var period: Int
    /// The normalised driver values, in the order of the problem's drivers.
    public var drivers: [Double]
    /// What the weighted drivers should add up to: see `WeightFitResponse`.
    public var response: Double

    /// Creates an observation.
    public init(period: Int, drivers: [Double], response: Double) {
        self.period = period
        self.drivers = drivers
        self.response = response
    }
}
