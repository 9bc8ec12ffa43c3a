public import FormwrightCore

/// One app file after loading: its definition when it checked without errors, and what was found.
public struct LoadedApp: Sendable {
    /// The path of the app file.
    public var path: String
    /// The source text, when it could be read.
    public var source: SourceFile?
    /// The checked definition; nil when any error was found.
    public var definition: AppDefinition?
    /// Everything found, errors and warnings.
    public var diagnostics: [Diagnostic]

    /// Whether any error was found.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
