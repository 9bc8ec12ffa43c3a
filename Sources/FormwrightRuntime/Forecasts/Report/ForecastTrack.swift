/// One forecaster's rolling-origin backtest over a group's history.
///
/// `model` is the forecast as configured (baseline and drivers); a baseline method's name is that
/// baseline alone; `plan` is the plan table's values taken as the forecast of their periods.
public struct ForecastTrack: Sendable, Hashable {
    /// `model`, a baseline method such as `seasonal_naive`, or `plan`.
    public var name: String
    /// The metrics per horizon and overall, or nil when the track could not run.
    public var result: BacktestResult?
    /// Why the track did not run, in plain words, when it did not.
    public var unavailable: String?

    /// Creates a track.
    public init(name: String, result: BacktestResult?, unavailable: String? = nil) {
        self.name = name
        self.result = result
        self.unavailable = unavailable
    }
}
