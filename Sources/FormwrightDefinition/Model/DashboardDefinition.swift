/// A dashboard (`dashboards:`): a page of tiles — figures, charts and record lists — over the
/// app's tables, each computed by the store.
///
/// Everything here has been checked against the app's tables: each tile's table and fields exist
/// and have fitting types, and its filter compiles.
public struct DashboardDefinition: Sendable {
    /// The dashboard's name, naming its API route and page.
    public var name: Located<String>
    /// How people see the dashboard; the name when absent.
    public var title: LocalizedText?
    /// What the dashboard is for, for people.
    public var description: LocalizedText?
    /// The tiles in the order written, which is the order they are shown in.
    public var tiles: [DashboardTile]

    /// Creates a dashboard.
    public init(name: Located<String>, title: LocalizedText?, description: LocalizedText?, tiles: [DashboardTile]) {
        self.name = name
        self.title = title
        self.description = description
        self.tiles = tiles
    }
}

extension AppDefinition {
    /// The dashboard with a name.
    public func dashboard(named name: String) -> DashboardDefinition? {
        dashboards.first { $0.name.value == name }
    }
}
