public import FormwrightExpressions

/// The compiled expressions of one form: per-field defaults and conditions, and its rules.
public struct FormExpressions: Sendable {
    /// The `=` defaults given by the form, by field name.
    public var defaults: [String: Program] = [:]
    /// `visible_if` conditions by field name.
    public var visibleIf: [String: Program] = [:]
    /// `required_if` conditions by field name.
    public var requiredIf: [String: Program] = [:]
    /// `readonly_if` conditions by field name.
    public var readOnlyIf: [String: Program] = [:]
    /// Rules a submission must satisfy, on top of the table's.
    public var rules: [CompiledRule] = []

    /// Creates an empty set.
    public init() {}
}
