/// One refused field of a submission.
public struct FieldError: Sendable, Hashable {
    /// The field's name.
    public var field: String
    /// Why it was refused.
    public var problem: FieldProblem

    /// Creates a field error.
    public init(field: String, problem: FieldProblem) {
        self.field = field
        self.problem = problem
    }
}

/// A submission refused as a whole, with every field error found.
public struct SubmissionRejected: Error, Sendable, Hashable {
    /// All field errors, in the order of the fields.
    public var errors: [FieldError]

    /// Creates a rejection.
    public init(_ errors: [FieldError]) {
        self.errors = errors
    }
}
