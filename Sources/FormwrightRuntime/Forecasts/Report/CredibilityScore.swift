/// A group's credibility: its colour and the number it comes from.
public struct CredibilityScore: Sendable, Hashable {
    /// A colour of the credibility board.
    public enum Colour: String, Sendable, Hashable, CaseIterable {
        case green
        case amber
        case red
        /// No backtest value to judge by (too short a history, or a baseline without one).
        case unknown
    }

    /// The colour.
    public var colour: Colour
    /// The metric's value it was judged by, if there was one.
    public var value: Double?
    /// Why there is no value, when there is none.
    public var reason: String?

    /// Creates a score.
    public init(colour: Colour, value: Double?, reason: String? = nil) {
        self.colour = colour
        self.value = value
        self.reason = reason
    }
}
