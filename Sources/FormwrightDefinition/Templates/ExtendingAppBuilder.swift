import FormwrightCore
import Foundation

/// Loads an app that says `extends: ../template`: finds and checks the template, reads `with:`
/// against its parameters, merges the template with the app's own file and checks the result,
/// with each diagnostic in the file — app or template — it is about.
struct ExtendingAppBuilder {
    let loader: DefinitionLoader
    let path: String
    let bytes: [UInt8]
    let source: SourceFile
    let root: YAMLNode
    let extends: YAMLNode.Entry
    var context: DecodingContext

    init(loader: DefinitionLoader, path: String, bytes: [UInt8], source: SourceFile, root: YAMLNode, extends: YAMLNode.Entry) {
        self.loader = loader
        self.path = path
        self.bytes = bytes
        self.source = source
        self.root = root
        self.extends = extends
        context = DecodingContext(file: path)
    }

    mutating func load(readerDiagnostics: [Diagnostic], templates: inout TemplateCache) -> LoadedApp {
        context.diagnostics.append(contentsOf: readerDiagnostics)
        for key in ["template", "parameters"] {
            if let entry = root.entries?.first(where: { $0.key == key }) {
                context.error(
                    .extendsChain, "an app that extends a template cannot be a template itself ('\(key)'); only one level of 'extends' is allowed",
                    at: entry.keyRange)
            }
        }
        guard let template = findTemplate(&templates) else { return finished(nil, sources: [source]) }
        let parameters = template.app?.definition?.parameters ?? []
        var reader = ParameterDecoder(context: context)
        let withEntry = root.entries?.first { $0.key == "with" }
        let arguments = reader.arguments(withEntry?.value, for: parameters, missingAt: withEntry?.keyRange ?? extends.keyRange)
        var merger = TemplateMerger(context: reader.context)
        let merged = merger.merge(template: SourceOrigin.template(template.root), overlay: root)
        var decoder = AppDecoder(file: path)
        decoder.context = merger.context
        var definition = decoder.decode(merged, revision: DefinitionLoader.revision(of: template.bytes + [0] + bytes))
        definition?.parameters = parameters
        definition?.arguments = arguments
        definition?.template = template.source.path
        context = decoder.context
        return finished(definition, sources: [source, template.source])
    }

    private func finished(_ definition: AppDefinition?, sources: [SourceFile]) -> LoadedApp {
        loader.checked(definition, context: context, path: path, sources: sources)
    }

    /// The template `extends` names, checked on its own and fit to build on; nil (with an error at `extends`) otherwise.
    private mutating func findTemplate(_ templates: inout TemplateCache) -> TemplateCache.Entry? {
        guard let named = context.text(extends.value, key: "extends") else { return nil }
        let folder = Self.normalized(((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(named.value))
        let file = (folder as NSString).appendingPathComponent("app.yaml")
        guard FileManager.default.fileExists(atPath: file) else {
            context.error(
                .templateNotFound,
                "no template at '\(named.value)': '\(folder)' holds no app.yaml\(Self.siblingHint(named.value, folder: folder))",
                at: named.range)
            return nil
        }
        guard let template = templates.template(at: file, loader: loader) else {
            context.error(.templateErrors, "the template '\(named.value)' cannot be read; run 'formwright check \(folder)'", at: named.range)
            return nil
        }
        if template.root.entries?.contains(where: { $0.key == "extends" }) == true {
            context.error(
                .extendsChain,
                "the template '\(named.value)' extends another template itself; only one level of 'extends' is allowed",
                at: named.range)
            return nil
        }
        guard let app = template.app, app.isTemplate || template.root["template"]?.scalar == "true" else {
            context.error(
                .notATemplate,
                "'\(named.value)' is an app, not a template; add 'template: true' to its app.yaml to build apps on it", at: named.range)
            return nil
        }
        let errors = app.diagnostics.filter { $0.severity == .error }.count
        guard errors == 0 else {
            context.error(
                .templateErrors,
                "the template '\(named.value)' has \(errors) error\(errors == 1 ? "" : "s"); "
                    + "run 'formwright check \(folder)' and fix \(errors == 1 ? "it" : "them") first",
                at: named.range)
            return nil
        }
        return template
    }

    /// `; did you mean '../x'?` naming a folder beside the one named that holds an app.yaml.
    private static func siblingHint(_ named: String, folder: String) -> String {
        let parent = (folder as NSString).deletingLastPathComponent
        let children = (try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        let candidates = children.filter {
            !$0.hasPrefix(".")
                && FileManager.default.fileExists(
                    atPath: ((parent as NSString).appendingPathComponent($0) as NSString).appendingPathComponent("app.yaml"))
        }
        guard let suggestion = NameSuggester.suggestion(for: (folder as NSString).lastPathComponent, among: candidates.sorted()) else { return "" }
        let prefix = (named as NSString).deletingLastPathComponent
        return "; did you mean '\(prefix.isEmpty ? suggestion : (prefix as NSString).appendingPathComponent(suggestion))'?"
    }

    /// A path with `.` and `..` worked out by its text (`apps/pod/../workbench` → `apps/workbench`).
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        let absolute = path.hasPrefix("/")
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
