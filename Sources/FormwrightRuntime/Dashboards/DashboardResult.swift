public import FormwrightCore

/// A computed dashboard: each tile's figures, chart data or records, in the order of the tiles.
public struct DashboardResult: Sendable {
    /// The dashboard's name.
    public let name: String
    /// Its title for people, in the preferred language; the name when it has none.
    public let title: String
    /// What it is for, in the preferred language.
    public let description: String?
    /// The IANA zone periods were taken in.
    public let timeZone: String
    /// The moment the dashboard was computed for: windows end with the period holding it.
    public let computedAt: Timestamp
    /// The tiles in order.
    public let tiles: [DashboardTileResult]

    /// The dashboard as JSON: `{"name", "title", "description", "time_zone", "computed_at", "tiles": [...]}`.
    public var json: Value {
        .map(ValueMap([
            (.string("name"), .string(name)), (.string("title"), .string(title)),
            (.string("description"), description.map(Value.string) ?? .null), (.string("time_zone"), .string(timeZone)),
            (.string("computed_at"), .string(computedAt.rfc3339)), (.string("tiles"), .list(tiles.map(\.json))),
        ]))
    }
}
