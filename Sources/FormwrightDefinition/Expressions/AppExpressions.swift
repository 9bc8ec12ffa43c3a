/// Every expression of an app, compiled when the app was checked.
public struct AppExpressions: Sendable {
    /// By table name.
    public var tables: [String: TableExpressions] = [:]
    /// By form name.
    public var forms: [String: FormExpressions] = [:]
    /// By integration name.
    public var integrations: [String: IntegrationExpressions] = [:]
    /// By workflow name.
    public var workflows: [String: WorkflowExpressions] = [:]
    /// By forecast name.
    public var forecasts: [String: ForecastExpressions] = [:]
    /// By dashboard name.
    public var dashboards: [String: DashboardExpressions] = [:]

    /// Creates an empty set.
    public init() {}
}
