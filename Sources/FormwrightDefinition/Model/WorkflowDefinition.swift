/// Work that runs by itself when something happens: a trigger and steps run in order.
///
/// The engine writes one run to the outbox in the same transaction as the change that triggers
/// it, then runs the steps in order, each at most once per successful attempt: a step whose
/// `when` gives false is skipped (and has no outputs, so a later step reading them fails); a
/// failing step is retried by its retry policy, and when its tries are spent, or on a `fail`
/// step, the run stops as failed and later steps do not run. Runs of one workflow for different
/// records are independent.
public struct WorkflowDefinition: Sendable {
    /// The workflow's name.
    public var name: Located<String>
    /// What it is for, for people.
    public var description: LocalizedText?
    /// What starts a run.
    public var trigger: WorkflowTrigger
    /// The steps, in the order they run.
    public var steps: [WorkflowStep]
    /// The retry policy of its steps, unless a step gives its own.
    public var retry: RetryPolicy
    /// Whether the workflow's own writes may start runs of workflows again, itself included
    /// (`retrigger:`, default false: a record written by a step starts no run).
    public var retriggers: Bool

    /// Creates a workflow.
    public init(
        name: Located<String>, description: LocalizedText?, trigger: WorkflowTrigger, steps: [WorkflowStep], retry: RetryPolicy, retriggers: Bool
    ) {
        self.name = name
        self.description = description
        self.trigger = trigger
        self.steps = steps
        self.retry = retry
        self.retriggers = retriggers
    }

    /// The step with an id.
    public func step(withID id: String) -> WorkflowStep? {
        steps.first { $0.id.value == id }
    }
}
