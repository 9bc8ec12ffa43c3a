import FormwrightCore
import FormwrightDefinition
import Foundation
import Testing

/// The JSON Schema and the loader describe one language: every example app passes both, and
/// every invalid fixture is refused by both.
@Suite struct SchemaAgreementTests {
    static func document(_ path: String) throws -> (value: Value, loaded: LoadedApp) {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let file = SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
        let root = try #require(YAMLReader().read(file).node)
        return (root.jsonValue, DefinitionLoader().load(bytes: bytes, path: path))
    }

    static let appFiles: [String] = {
        let apps = TestPaths.packageRoot.appendingPathComponent("apps")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: apps.path)) ?? []
        return names.sorted().map { apps.appendingPathComponent($0).appendingPathComponent("app.yaml").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }()

    @Test func thereAreExampleApps() {
        #expect(!Self.appFiles.isEmpty)
    }

    @Test(arguments: appFiles)
    func exampleAppPassesTheSchema(path: String) throws {
        let (value, loaded) = try Self.document(path)
        #expect(try AppSchema.validator().validate(value).isEmpty)
        #expect(!loaded.hasErrors)
    }

    @Test(arguments: InvalidAppExample.all.map(\.name))
    func invalidFixtureIsRefusedByBoth(name: String) throws {
        let path = TestPaths.fixtures.appendingPathComponent("schema-invalid").appendingPathComponent("\(name).yaml").path
        let (value, loaded) = try Self.document(path)
        #expect(!(try AppSchema.validator().validate(value)).isEmpty, "the schema accepts \(name)")
        #expect(loaded.hasErrors, "the loader accepts \(name)")
    }
}
