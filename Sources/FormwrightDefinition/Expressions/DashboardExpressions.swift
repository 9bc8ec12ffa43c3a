public import FormwrightExpressions

/// The compiled expressions of one dashboard: each tile's `filter`, which sees the tile table's
/// fields as a table condition does.
public struct DashboardExpressions: Sendable {
    /// The filter of each tile, in the order of the tiles; nil for a tile without one.
    public var filters: [Program?] = []

    /// Creates an empty set.
    public init() {}
}
