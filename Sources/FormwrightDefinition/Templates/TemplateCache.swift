import FormwrightCore
import Foundation

/// The templates read while loading a workspace, by file, so that fifty apps extending one
/// template read and check it once.
struct TemplateCache {
    /// One template as read: its bytes, text, root node and the app it checks as on its own.
    struct Entry {
        var bytes: [UInt8]
        var source: SourceFile
        var root: YAMLNode
        /// The template checked on its own; nil when it extends another template itself, which
        /// is refused before it is loaded, so a loop of `extends` never recurses.
        var app: LoadedApp?
    }

    private var entries: [String: Entry?] = [:]

    /// The template at `file`, read and checked on first use; nil when it cannot be read or parsed.
    mutating func template(at file: String, loader: DefinitionLoader) -> Entry? {
        if let known = entries[file] { return known }
        var entry: Entry?
        if let data = FileManager.default.contents(atPath: file) {
            let bytes = Array(data)
            let parsed = loader.parse(bytes, path: file)
            if let source = parsed.source, let root = parsed.root {
                var nested = TemplateCache()
                let extendsAnother = root.entries?.contains { $0.key == "extends" } ?? false
                let app = extendsAnother ? nil : loader.load(bytes: bytes, path: file, templates: &nested)
                entry = Entry(bytes: bytes, source: source, root: root, app: app)
            }
        }
        entries[file] = entry
        return entry
    }
}
