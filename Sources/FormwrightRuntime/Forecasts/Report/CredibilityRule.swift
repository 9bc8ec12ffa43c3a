/// How a forecast colours its groups: a metric at a horizon against two bands.
public struct CredibilityRule: Sendable, Hashable {
    /// The metric, such as `wape`.
    public var metric: String
    /// The horizon (1-based) whose backtest metric is read.
    public var horizon: Int
    /// At most this is green.
    public var green: Double
    /// At most this (and above `green`) is amber; above it is red.
    public var amber: Double

    /// Creates a rule.
    public init(metric: String, horizon: Int, green: Double, amber: Double) {
        self.metric = metric
        self.horizon = horizon
        self.green = green
        self.amber = amber
    }

    /// The rule in words, shown beside the colours: `WAPE of the model's backtest at horizon 4: green ≤ 0.10, amber ≤ 0.20, red above`.
    public var definition: String {
        "\(metric.uppercased()) of the model's backtest at horizon \(horizon): green ≤ \(Self.text(green)), "
            + "amber ≤ \(Self.text(amber)), red above (bias by its size)"
    }

    /// The colour of a metric value; bias is judged by its size, either way.
    public func colour(of value: Double?) -> CredibilityScore.Colour {
        guard let value, value.isFinite else { return .unknown }
        let size = abs(value)
        return size <= green ? .green : size <= amber ? .amber : .red
    }

    private static func text(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0"), !text.hasSuffix(".00") { text.removeLast() }
        return text
    }
}
