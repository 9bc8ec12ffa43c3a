/// One finding about a source file: what, where, how serious, under a stable identifier.
///
/// Diagnostics are data: layers collect them and never throw them, so one run reports every
/// problem. Tests assert the `id` and the `range`; the `message` is for people and may change.
public struct Diagnostic: Sendable, Hashable {
    /// A stable identifier such as `definition.unknownKey`.
    public var id: String
    /// How serious the finding is.
    public var severity: Severity
    /// The message: lower case, no trailing period, names in single quotes.
    public var message: String
    /// The path of the file the finding is about.
    public var file: String
    /// Where in the file.
    public var range: SourceRange

    /// Creates a diagnostic.
    public init(id: String, severity: Severity, message: String, file: String, range: SourceRange) {
        self.id = id
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
    }

    /// Orders diagnostics by file, then position, then severity and identifier.
    public static func presentationOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.range != rhs.range { return lhs.range < rhs.range }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return (lhs.id, lhs.message) < (rhs.id, rhs.message)
    }
}
