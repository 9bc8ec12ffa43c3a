/// Collects diagnostics for one file while a layer works through it.
public struct DiagnosticCollector: Sendable {
    /// The file the collected diagnostics are about.
    public let file: String
    /// Everything collected so far, in the order found.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates an empty collector for a file.
    public init(file: String) {
        self.file = file
    }

    /// Whether any error was collected.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Adds an error.
    public mutating func error(_ id: String, _ message: String, at range: SourceRange) {
        diagnostics.append(Diagnostic(id: id, severity: .error, message: message, file: file, range: range))
    }

    /// Adds a warning.
    public mutating func warning(_ id: String, _ message: String, at range: SourceRange) {
        diagnostics.append(Diagnostic(id: id, severity: .warning, message: message, file: file, range: range))
    }

    /// Adds diagnostics found elsewhere.
    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}
