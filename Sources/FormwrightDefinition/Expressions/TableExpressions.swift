public import FormwrightExpressions

/// The compiled expressions of one table.
public struct TableExpressions: Sendable {
    /// The names its expressions use.
    public var scope: TableScope
    /// Computed fields with their programs, in dependency order: a field comes after every computed field it reads.
    public var computed: [(field: String, program: Program)]
    /// The `=` defaults of fields, by field name.
    public var defaults: [String: Program]
    /// Rules every record must satisfy.
    public var rules: [CompiledRule]

    /// Creates a table's expressions.
    public init(scope: TableScope, computed: [(field: String, program: Program)] = [], defaults: [String: Program] = [:], rules: [CompiledRule] = [])
    {
        self.scope = scope
        self.computed = computed
        self.defaults = defaults
        self.rules = rules
    }
}
