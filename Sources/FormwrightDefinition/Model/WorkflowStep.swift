public import FormwrightCore

/// One step of a workflow: an id, what it does, and when it runs.
public struct WorkflowStep: Sendable {
    /// The step's id, unique within its workflow; later steps read its outputs as `steps.<id>.<output>`.
    public var id: Located<String>
    /// What the step does.
    public var action: WorkflowAction
    /// A guard: the step runs only when it gives true, and is skipped otherwise.
    public var condition: ExpressionSource?
    /// The step's own retry policy (keys it does not give come from the workflow's); nil for the workflow's.
    public var retry: RetryPolicy?
    /// Where the step was written.
    public var range: SourceRange

    /// Creates a step.
    public init(id: Located<String>, action: WorkflowAction, condition: ExpressionSource?, retry: RetryPolicy?, range: SourceRange) {
        self.id = id
        self.action = action
        self.condition = condition
        self.retry = retry
        self.range = range
    }
}

/// What a workflow step does; further kinds of step (approvals, notifications) are further cases.
public enum WorkflowAction: Sendable {
    /// `call:` an integration with inputs (`with:`); its outputs are the integration's outputs.
    case call(integration: Located<String>, inputs: [(name: Located<String>, value: DataTemplate)])
    /// `update:` the triggering record with field values; its outputs are the record as saved.
    case update(values: [FieldAssignment])
    /// `create:` a record in a table with field values (`values:`); its outputs are the new record, `id` included.
    case create(RecordWrite)
    /// `upsert:` a record in a table: update the record whose `key` fields equal the given values, or
    /// create one when none does; its outputs are the record as saved, `id` included.
    case upsert(RecordWrite)
    /// `fail:` stop the run as failed with a message, which may hold `{{ }}` holes.
    case fail(message: LocalizedText, sources: [ScalarSource])

    /// The key naming the action in the file.
    public var keyword: String {
        switch self {
        case .call: "call"
        case .update: "update"
        case .create: "create"
        case .upsert: "upsert"
        case .fail: "fail"
        }
    }

    /// The keys that name an action.
    public static let keywords = ["call", "update", "create", "upsert", "fail"]
}

/// A record written by a `create` or `upsert` step.
public struct RecordWrite: Sendable {
    /// The table written to.
    public var table: Located<String>
    /// The field values; fields not named get their defaults on create and keep their values on update.
    public var values: [FieldAssignment]
    /// For `upsert`: the unique fields that find the record to update, each of which `values` must give.
    public var key: [Located<String>]

    /// Creates a record write.
    public init(table: Located<String>, values: [FieldAssignment], key: [Located<String>] = []) {
        self.table = table
        self.values = values
        self.key = key
    }
}

/// One field value a step writes: data of the field's type, or an `=` expression giving it.
public struct FieldAssignment: Sendable {
    /// The field written.
    public var field: Located<String>
    /// The value.
    public var value: Located<FieldValue>

    /// Creates an assignment.
    public init(field: Located<String>, value: Located<FieldValue>) {
        self.field = field
        self.value = value
    }
}
