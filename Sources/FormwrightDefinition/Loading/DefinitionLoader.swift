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
        for file in files { apps.append(try loadFile(file)) }
        return Self.reportDuplicateNames(apps)
    }

    /// Loads one file from disk.
    public func loadFile(_ path: String) throws(LoadError) -> LoadedApp {
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError("cannot read '\(path)'") }
        return load(bytes: Array(data), path: path)
    }

    /// Loads one app file from its bytes; never throws: every problem is a diagnostic.
    public func load(bytes: [UInt8], path: String) -> LoadedApp {
        let decoded = SourceDecoder.decode(bytes, path: path, maximumBytes: limits.maximumBytes)
        guard let source = decoded.file else {
            return LoadedApp(path: path, source: nil, definition: nil, diagnostics: decoded.refusal.map { [$0] } ?? [])
        }
        let (root, readerDiagnostics) = YAMLReader(limits: limits).read(source)
        guard let root, !readerDiagnostics.contains(where: { $0.id == "yaml.syntax" || $0.id.hasPrefix("yaml.too") }) else {
            var diagnostics = readerDiagnostics
            if diagnostics.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        id: DefinitionDiagnosticID.emptyFile.rawValue, severity: .error,
                        message: "the file is empty; an app starts with 'formwright: 1' and 'app: <name>'", file: path, range: .start))
            }
            return LoadedApp(path: path, source: source, definition: nil, diagnostics: diagnostics)
        }
        var decoder = AppDecoder(file: path)
        decoder.context.diagnostics.append(contentsOf: readerDiagnostics)
        let decodedApp = decoder.decode(root, revision: Self.revision(of: bytes))
        var context = decoder.context
        var definition = decodedApp
        if let app = decodedApp {
            var checker = AppChecker(app: app, context: context)
            checker.check()
            var expressionChecker = ExpressionChecker(app: app, context: checker.context, file: source)
            expressionChecker.check()
            context = expressionChecker.context
            definition?.expressions = expressionChecker.expressions
        }
        let diagnostics = context.diagnostics.diagnostics.sorted(by: Diagnostic.presentationOrder)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return LoadedApp(path: path, source: source, definition: hasErrors ? nil : definition, diagnostics: diagnostics)
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
