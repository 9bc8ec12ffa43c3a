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
    /// The template's source text, when the app extends a template.
    public var templateSource: SourceFile?

    /// Creates a loaded app.
    public init(path: String, source: SourceFile?, definition: AppDefinition?, diagnostics: [Diagnostic], templateSource: SourceFile? = nil) {
        self.path = path
        self.source = source
        self.definition = definition
        self.diagnostics = diagnostics
        self.templateSource = templateSource
    }

    /// Every source text the diagnostics may point into: the app's file, then its template's.
    public var sources: [SourceFile] { [source, templateSource].compactMap { $0 } }

    /// Whether the app is a template (`template: true`), with or without errors: checked, but not served.
    public var isTemplate = false

    /// Whether any error was found.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
