import Foundation

extension DefinitionLoader {
    /// The folders of the templates the apps under `path` extend, read from their `extends:`
    /// without checking anything; a server watches them too, so a template's change reaches
    /// its apps even when the template lies outside `path`.
    public func templateFolders(path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        var files: [String] = []
        if !isDirectory.boolValue {
            files = [path]
        } else if FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("app.yaml")) {
            files = [(path as NSString).appendingPathComponent("app.yaml")]
        } else {
            let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = children.filter { !$0.hasPrefix(".") }.sorted()
                .map { ((path as NSString).appendingPathComponent($0) as NSString).appendingPathComponent("app.yaml") }
                .filter { FileManager.default.fileExists(atPath: $0) }
        }
        var folders: [String] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file),
                let named = parse(Array(data), path: file).root?["extends"]?.scalar, !named.isEmpty
            else { continue }
            let folder = ExtendingAppBuilder.normalized(((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(named))
            if !folders.contains(folder) { folders.append(folder) }
        }
        return folders
    }
}
