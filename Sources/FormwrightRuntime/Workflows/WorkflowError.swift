/// Why the workflow engine cannot run a job at all (as opposed to a step failing, which its run records).
public struct WorkflowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: Sendable, Hashable {
        /// The job's payload is not a workflow run.
        case invalidPayload
        /// The job's definition revision, or its workflow, is not known to this process.
        case unknownDefinition
    }

    /// What kind of failure.
    public var kind: Kind
    /// A message naming what it is about.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
