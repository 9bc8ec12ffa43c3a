/// Additive Holt-Winters: a level, a trend and a season of length `m`, each smoothed.
///
/// With `ℓ`, `b` and `s` the level, trend and season, for `t = m … n−1`:
/// `ℓₜ = α(yₜ − sₜ₋ₘ) + (1−α)(ℓₜ₋₁ + bₜ₋₁)`, `bₜ = β(ℓₜ − ℓₜ₋₁) + (1−β)bₜ₋₁`,
/// `sₜ = γ(yₜ − ℓₜ) + (1−γ)sₜ₋ₘ`, and `ŷₙ₋₁₊ₕ = ℓₙ₋₁ + h·bₙ₋₁ + s`, with `s` the latest season term
/// of the same phase (`(n−1+h) mod m`).
/// Start (at `t = m−1`, from the first two seasons): `ℓ` is the mean of the first season, `b`
/// the difference of the means of the second and first seasons divided by `m`, and `sᵢ = yᵢ − ℓ`
/// for `i < m`. With fewer than two seasons of history (`n < 2m`) the seasonal naive baseline
/// is used instead.
public struct HoltWinters: Sendable, Hashable {
    /// The season length `m`, at least 1.
    public var seasonLength: Int
    /// The smoothing weights, or `nil` to fit them by ``fitted(_:)``.
    public var smoothing: Smoothing?

    /// The weights of level (`α`), trend (`β`) and season (`γ`), each in [0, 1].
    public struct Smoothing: Sendable, Hashable {
        /// The level's weight `α`.
        public var alpha: Double
        /// The trend's weight `β`.
        public var beta: Double
        /// The season's weight `γ`.
        public var gamma: Double

        /// Creates smoothing weights.
        public init(alpha: Double, beta: Double, gamma: Double) {
            self.alpha = alpha
            self.beta = beta
            self.gamma = gamma
        }
    }

    /// Creates a model; without `smoothing` the weights are fitted to each history.
    public init(seasonLength: Int, smoothing: Smoothing? = nil) {
        self.seasonLength = seasonLength
        self.smoothing = smoothing
    }

    /// The longest season accepted, in periods.
    public static let maximumSeasonLength = 10_000

    /// The grid fitting searches for each weight: 0.1, 0.2, …, 0.9.
    public static let grid: [Double] = (1...9).map { Double($0) / 10 }

    /// The weights with the least in-sample sum of squared one-step errors over ``grid``³.
    ///
    /// The search runs α, then β, then γ, each ascending; a later combination replaces the best
    /// only when its sum is strictly smaller, so ties keep the earliest.
    /// - Throws: ``ForecastError`` when the history is shorter than two seasons.
    public func fitted(_ values: [Double]) throws -> Smoothing {
        try checkSeason()
        guard values.count >= 2 * seasonLength else {
            throw ForecastError(
                .historyTooShort, "fitting Holt-Winters needs two seasons (\(2 * seasonLength) periods), the history has \(values.count)")
        }
        var best = Smoothing(alpha: Self.grid[0], beta: Self.grid[0], gamma: Self.grid[0])
        var bestError = Double.infinity
        for alpha in Self.grid {
            for beta in Self.grid {
                for gamma in Self.grid {
                    let candidate = Smoothing(alpha: alpha, beta: beta, gamma: gamma)
                    let run = run(values, candidate)
                    var sum = 0.0
                    for residual in run.residuals { sum += residual * residual }
                    if sum < bestError {
                        bestError = sum
                        best = candidate
                    }
                }
            }
        }
        return best
    }

    func forecast(_ values: [Double], horizon: Int, z: Double) throws -> PointForecast {
        try checkSeason()
        let m = seasonLength
        guard values.count >= 2 * m else {
            return Baseline.seasonalNaive(values, seasonLength: m, horizon: horizon, z: z)
        }
        let weights = try smoothing ?? fitted(values)
        for (name, weight) in [("alpha", weights.alpha), ("beta", weights.beta), ("gamma", weights.gamma)] {
            guard weight >= 0, weight <= 1 else { throw ForecastError(.invalidParameter, "Holt-Winters \(name) \(weight) must be in [0, 1]") }
        }
        let state = run(values, weights)
        let n = values.count
        let points = (1...horizon).map { h in state.level + Double(h) * state.trend + state.season[(n - 1 + h) % m] }
        return PointForecast.withResidualInterval(points, residuals: state.residuals, z: z)
    }

    private func checkSeason() throws {
        guard seasonLength >= 1, seasonLength <= Self.maximumSeasonLength else {
            throw ForecastError(.invalidParameter, "season length \(seasonLength) must be in 1…\(Self.maximumSeasonLength)")
        }
    }

    /// The state after the last value and the one-step errors `yₜ − ŷₜ` for `t = m … n−1`;
    /// `season[t mod m]` holds the latest season term of `t`'s phase.
    private func run(_ values: [Double], _ weights: Smoothing) -> (level: Double, trend: Double, season: [Double], residuals: [Double]) {
        let m = seasonLength
        let first = Baseline.mean(values[0..<m])
        let second = Baseline.mean(values[m..<(2 * m)])
        var level = first
        var trend = (second - first) / Double(m)
        var season = (0..<m).map { values[$0] - first }
        var residuals: [Double] = []
        residuals.reserveCapacity(values.count - m)
        for t in m..<values.count {
            let phase = t % m
            let y = values[t]
            residuals.append(y - (level + trend + season[phase]))
            let previous = level
            level = weights.alpha * (y - season[phase]) + (1 - weights.alpha) * (previous + trend)
            trend = weights.beta * (level - previous) + (1 - weights.beta) * trend
            season[phase] = weights.gamma * (y - level) + (1 - weights.gamma) * season[phase]
        }
        return (level, trend, season, residuals)
    }
}
