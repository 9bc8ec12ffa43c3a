/// How strongly the fit pulls the weights toward the current ones: the `λ` of the ridge penalty.
public enum RidgeStrength: Sendable, Hashable {
    /// This `λ` (zero or more).
    case fixed(Double)
    /// The `λ` of `grid` with the smallest one-period-ahead squared error over the last `windows`
    /// periods, each predicted by weights fitted on the periods before it only.
    case rollingOrigin(grid: [Double], windows: Int)

    /// The default: rolling-origin validation over `λ ∈ {0.1, 1, 10, 100}` and the last 4 periods.
    public static let `default` = RidgeStrength.rollingOrigin(grid: [0.1, 1, 10, 100], windows: 4)
}
