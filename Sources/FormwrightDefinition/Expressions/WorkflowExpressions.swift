public import FormwrightExpressions

/// The compiled expressions of one workflow.
///
/// Names there: `record` (the triggering record after the change, or as it was for `deleted`:
/// its fields plus `id`, `version`, `created_at` and `updated_at`), `old` (the record before the
/// change, only on `updated`), `steps.<id>.<output>` (outputs of steps that ran before this one),
/// `now` and `env` (environment variables as a map of strings, secrets never logged).
public struct WorkflowExpressions: Sendable {
    /// The trigger's `when`: a run starts only when it gives true.
    public var trigger: Program?
    /// The compiled expressions of each step, by step id.
    public var steps: [String: StepExpressions] = [:]

    /// Creates an empty set.
    public init() {}
}

/// The compiled expressions of one workflow step.
public struct StepExpressions: Sendable {
    /// The step's `when` guard.
    public var condition: Program?
    /// A `call` step's inputs in order, which the integration reads as `input`.
    public var inputs: [(name: String, value: CompiledData)] = []
    /// An `update`, `create` or `upsert` step's field values in order.
    public var values: [(field: String, value: CompiledData)] = []
    /// A `fail` step's message.
    public var failMessage: CompiledMessage?

    /// Creates an empty set.
    public init() {}
}
