/// Every expression of an app, compiled when the app was checked.
public struct AppExpressions: Sendable {
    /// By table name.
    public var tables: [String: TableExpressions] = [:]
    /// By form name.
    public var forms: [String: FormExpressions] = [:]

    /// Creates an empty set.
    public init() {}
}
