/// A path that could not be loaded at all (missing, unreadable, holding no app), as opposed to
/// an app file with mistakes in it, which loads with diagnostics.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the path.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
