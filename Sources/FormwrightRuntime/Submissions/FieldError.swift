/// One refused field of a submission, or a rule the submission breaks.
///
/// A failed rule is about the record as a whole, not one field: its `field` is `""` and its
/// problem is `.ruleFailed` with the rule's message. In the 422 body it reads
/// `{"field": "", "message": "An email transcript is limited to 20,000 characters."}`, so a
/// form shows it above the fields. (A rule may read several fields; picking one of them to
/// blame would mislead as often as it helps.)
public struct FieldError: Error, Sendable, Hashable {
    /// The field's name; `""` for a failed rule.
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
