/// Why a regular expression pattern could not be compiled, and where.
///
/// Every problem with a pattern — bad syntax, an unsupported feature, a limit exceeded — is
/// reported as this error; compiling never traps, whatever the pattern.
public struct RegexSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in lower case without a trailing period, e.g. `missing closing ')'`.
    public var message: String
    /// The 0-based offset, counted in Unicode scalars within the pattern, where the problem is.
    public var offset: Int

    /// Creates an error with a message and the scalar offset it refers to.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message followed by its offset, e.g. `missing closing ')' at offset 3`.
    public var description: String { "\(message) at offset \(offset)" }
}
