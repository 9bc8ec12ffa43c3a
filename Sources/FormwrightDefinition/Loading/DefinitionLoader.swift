import FormwrightCore
import Foundation

/// Loads and checks app files: one file, an app folder holding `app.yaml`, or a workspace (a
/// folder of app folders).
///
/// ```swift
/// let apps = try DefinitionLoader().load(path: "apps/customer-sentiment")
/// for app in apps where app.hasErrors { print(DiagnosticRenderer(sources: [app.source].compactMap { $0 }).text(app.diagnostics)) }
/// ```
public struct DefinitionLoader: Sendable {
    /// The limits the YAML reader applies.
    public var limits: YAMLReaderLimits

    /// Creates a loader.
    public init(limits: YAMLReaderLimits = .default) {
        self.limits = limits
    }

    /// Loads every app under `path`; throws only when the path itself cannot be read.
    ///
    /// Apps of one workspace that extend the same template share one reading of it.
    public func load(path: String) throws(LoadError) -> [LoadedApp] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadError("'\(path)' does not exist")
        }
        guard isDirectory.boolValue else { return [try loadFile(path)] }
        let appFile = (path as NSString).appendingPathComponent("app.yaml")
        if FileManager.default.fileExists(atPath: appFile) { return [try loadFile(appFile)] }
        let children: [String]
        do {
            children = try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw LoadError("cannot read folder '\(path)': \(error.localizedDescription)")
        }
        let files = children.map { ((path as NSString).appendingPathComponent($0) as NSString).appendingPathComponent("app.yaml") }
            .filter { FileManager.default.fileExists(atPath: $0) }
        guard !files.isEmpty else { throw LoadError("no app.yaml in '\(path)' or in any folder directly inside it") }
        var apps: [LoadedApp] = []
        var templates = TemplateCache()
        for file in files { apps.append(try loadFile(file, templates: &templates)) }
        return Self.reportDuplicateNames(apps)
    }

    /// Loads one file from disk.
    public func loadFile(_ path: String) throws(LoadError) -> LoadedApp {
        var templates = TemplateCache()
        return try loadFile(path, templates: &templates)
    }

    func loadFile(_ path: String, templates: inout TemplateCache) throws(LoadError) -> LoadedApp {
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError("cannot read '\(path)'") }
        return load(bytes: Array(data), path: path, templates: &templates)
    }

    /// Loads one app file from its bytes; never throws: every problem is a diagnostic. An app
    /// that extends a template reads the template from disk, relative to `path`.
    public func load(bytes: [UInt8], path: String) -> LoadedApp {
        var templates = TemplateCache()
        return load(bytes: bytes, path: path, templates: &templates)
    }

    func load(bytes: [UInt8], path: String, templates: inout TemplateCache) -> LoadedApp {
        let parsed = parse(bytes, path: path)
        guard let root = parsed.root, let source = parsed.source else {
            return LoadedApp(path: path, source: parsed.source, definition: nil, diagnostics: parsed.diagnostics)
        }
        if let extends = root.entries?.first(where: { $0.key == "extends" }) {
            var builder = ExtendingAppBuilder(loader: self, path: path, bytes: bytes, source: source, root: root, extends: extends)
            return builder.load(readerDiagnostics: parsed.diagnostics, templates: &templates)
        }
        var decoder = AppDecoder(file: path)
        decoder.context.diagnostics.append(contentsOf: parsed.diagnostics)
        let decoded = decoder.decode(root, revision: Self.revision(of: bytes))
        return checked(decoded, context: decoder.context, path: path, sources: [source])
    }

    /// A file's text and root node, or the diagnostics that stopped reading it.
    func parse(_ bytes: [UInt8], path: String) -> (source: SourceFile?, root: YAMLNode?, diagnostics: [Diagnostic]) {
        let decoded = SourceDecoder.decode(bytes, path: path, maximumBytes: limits.maximumBytes)
        guard let source = decoded.file else { return (nil, nil, decoded.refusal.map { [$0] } ?? []) }
        let (root, readerDiagnostics) = YAMLReader(limits: limits).read(source)
        guard let root, !readerDiagnostics.contains(where: { $0.id == "yaml.syntax" || $0.id.hasPrefix("yaml.too") }) else {
            var diagnostics = readerDiagnostics
            if diagnostics.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        id: DefinitionDiagnosticID.emptyFile.rawValue, severity: .error,
                        message: "the file is empty; an app starts with 'formwright: 1' and 'app: <name>'", file: path, range: .start))
            }
            return (source, nil, diagnostics)
        }
        return (source, root, readerDiagnostics)
    }

    /// Runs the checkers over a decoded app and puts each diagnostic in the file it is about.
    ///
    /// - Parameters:
    ///   - decoded: the decoded app, if decoding got that far.
    ///   - context: the diagnostics so far.
    ///   - path: the app's file.
    ///   - sources: the app's file, then its template's when it extends one.
    func checked(_ decoded: AppDefinition?, context decodingContext: DecodingContext, path: String, sources: [SourceFile]) -> LoadedApp {
        var context = decodingContext
        var definition = decoded
        if let app = decoded {
            var checker = AppChecker(app: app, context: context)
            checker.check()
            var expressionChecker = ExpressionChecker(app: app, context: checker.context, files: sources)
            expressionChecker.check()
            context = expressionChecker.context
            definition?.expressions = expressionChecker.expressions
        }
        let diagnostics = context.diagnostics.diagnostics.map { diagnostic in
            guard SourceOrigin.index(of: diagnostic.range) == 1, sources.count > 1 else { return diagnostic }
            var moved = diagnostic
            moved.file = sources[1].path
            moved.range = SourceOrigin.local(diagnostic.range)
            return moved
        }.sorted(by: Diagnostic.presentationOrder)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        var app = LoadedApp(path: path, source: sources.first, definition: hasErrors ? nil : definition, diagnostics: diagnostics)
        app.templateSource = sources.count > 1 ? sources[1] : nil
        app.isTemplate = decoded?.isTemplate ?? false
        return app
    }

    /// A short content hash (FNV-1a, 64 bits, hex): equal files have equal revisions.
    public static func revision(of bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func reportDuplicateNames(_ apps: [LoadedApp]) -> [LoadedApp] {
        var firstPath: [String: String] = [:]
        return apps.map { app in
            guard let name = app.definition?.name else { return app }
            guard let first = firstPath[name.value] else {
                firstPath[name.value] = app.path
                return app
            }
            var duplicate = app
            duplicate.diagnostics.append(
                Diagnostic(
                    id: DefinitionDiagnosticID.duplicateName.rawValue, severity: .error,
                    message: "app name '\(name.value)' is already used by '\(first)'; each app in a workspace needs its own name",
                    file: app.path, range: name.range))
            duplicate.definition = nil
            return duplicate
        }
    }
}
