import FormwrightCore
import FormwrightDefinition
import Foundation
import Testing

@Suite struct DefinitionLoaderTests {
    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static let minimal = "formwright: 1\napp: NAME\ntables:\n  t:\n    fields:\n      f: { type: text }\n"

    @Test func loadsAnAppFolderAFileAndAWorkspace() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(Self.minimal.replacingOccurrences(of: "NAME", with: "one"), to: root + "/one/app.yaml")
        try write(Self.minimal.replacingOccurrences(of: "NAME", with: "two"), to: root + "/two/app.yaml")
        try write("not an app", to: root + "/notes/readme.txt")
        let workspace = try DefinitionLoader().load(path: root)
        #expect(workspace.compactMap { $0.definition?.name.value } == ["one", "two"])
        #expect(try DefinitionLoader().load(path: root + "/one").first?.definition?.name.value == "one")
        #expect(try DefinitionLoader().load(path: root + "/two/app.yaml").first?.definition?.name.value == "two")
    }

    @Test func reportsTwoAppsWithOneName() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(Self.minimal.replacingOccurrences(of: "NAME", with: "same"), to: root + "/a/app.yaml")
        try write(Self.minimal.replacingOccurrences(of: "NAME", with: "same"), to: root + "/b/app.yaml")
        let apps = try DefinitionLoader().load(path: root)
        #expect(apps[0].definition != nil)
        #expect(apps[1].definition == nil)
        #expect(apps[1].diagnostics.map(\.id) == ["definition.duplicateName"])
        #expect(apps[1].diagnostics.first?.range.start == SourceLocation(line: 2, column: 6, offset: 19))
    }

    @Test func refusesPathsThatHoldNoApp() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: LoadError.self) { try DefinitionLoader().load(path: root + "/missing") }
        #expect(throws: LoadError.self) { try DefinitionLoader().load(path: root) }
    }

    @Test func revisionFollowsContent() {
        let a = DefinitionLoader.revision(of: Array("a".utf8))
        #expect(a.count == 16)
        #expect(a == DefinitionLoader.revision(of: Array("a".utf8)))
        #expect(a != DefinitionLoader.revision(of: Array("b".utf8)))
    }

    @Test func everyExampleAppChecksWithoutErrors() throws {
        let apps = try DefinitionLoader().load(path: TestPaths.packageRoot.appendingPathComponent("apps").path)
        #expect(!apps.isEmpty)
        for app in apps {
            #expect(!app.hasErrors, "\(app.path): \(app.diagnostics.filter { $0.severity == .error }.map(\.message))")
            let unexpected = app.diagnostics.filter { $0.id != "definition.notYetEnforced" }
            #expect(unexpected.isEmpty, "\(app.path): \(unexpected.map(\.message))")
        }
    }
}
