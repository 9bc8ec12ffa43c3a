import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightServer
import FormwrightStorage
import Foundation
import Synchronization
import Testing

/// Apps built on a template, served from real folders: a template's change reaches every app on
/// the next reload with the apps' own additions kept; a change that breaks one app is refused for
/// that app alone; a new app appears without a restart; a template outside the served folder is
/// watched too.
@Suite struct TemplateReloadTests {
    static let template = """
        formwright: 1
        app: desk-base
        template: true
        parameters:
          team: { type: text }
        tables:
          customers:
            fields:
              name: { type: text, required: true }
              team: { type: text, default: "= params.team" }

        """

    static func pod(_ name: String, team: String, overlay: String) -> String {
        """
        formwright: 1
        app: \(name)
        extends: ../base
        with: { team: \(team) }
        \(overlay)
        """
    }

    static let eastOverlay = "tables:\n  customers:\n    fields:\n      segment: { type: choice, options: [small, large] }"
    static let westOverlay = "tables:\n  visits:\n    fields:\n      customer: { type: link, table: customers }"

    /// A workspace folder holding the template and two apps built on it, served on one store.
    final class Workspace: Sendable {
        let root: String
        let lines = Mutex<[String]>([])

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("template-reload-\(UUID().uuidString)").path
            try write("base", TemplateReloadTests.template)
            try write("pod-east", TemplateReloadTests.pod("pod-east", team: "east", overlay: TemplateReloadTests.eastOverlay))
            try write("pod-west", TemplateReloadTests.pod("pod-west", team: "west", overlay: TemplateReloadTests.westOverlay))
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ folder: String, _ yaml: String) throws {
            let path = (root as NSString).appendingPathComponent(folder)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try yaml.write(toFile: path + "/app.yaml", atomically: true, encoding: .utf8)
        }

        var reported: String { lines.withLock { $0.joined(separator: "\n") } }

        /// The apps under `path` (the workspace unless given), templates left out, prepared on `storage`, and a reloader.
        func serve(_ path: String? = nil, on storage: any StorageBackend) async throws -> (AppRegistry, AppReloader) {
            var runtimes: [AppRuntime] = []
            for loaded in try DefinitionLoader().load(path: path ?? root) where !loaded.isTemplate {
                let runtime = AppRuntime(definition: try #require(loaded.definition), storage: storage)
                try await runtime.prepare()
                runtimes.append(runtime)
            }
            let registry = AppRegistry(runtimes)
            let reloader = AppReloader(path: path ?? root, registry: registry, storage: storage) { [self] line in
                self.lines.withLock { $0.append(line) }
            }
            return (registry, reloader)
        }
    }

    static func fieldNames(_ registry: AppRegistry, _ app: String, _ table: String = "customers") -> [String] {
        registry.app(app)?.definition.table(named: table)?.fields.map(\.name.value) ?? []
    }

    @Test func aTemplateChangeReachesEveryAppAndTheirAdditionsSurvive() async throws {
        let workspace = try Workspace()
        let storage = MemoryStorage()
        let (registry, reloader) = try await workspace.serve(on: storage)
        #expect(registry.all.map(\.name).sorted() == ["pod-east", "pod-west"])
        let east = try #require(registry.app("pod-east"))
        let kept = try await east.create(
            table: "customers", input: SubmissionInput(values: ["name": .string("Acme"), "segment": .string("large")], format: .json))
        #expect(kept.fields["team"] == .string("east"))
        let westRevision = try #require(registry.app("pod-west")?.definition.revision)

        try workspace.write(
            "base",
            Self.template.replacingOccurrences(of: "team: { type: text, default:", with: "city: { type: text }\n      team: { type: text, default:"))
        await reloader.reload()

        #expect(Self.fieldNames(registry, "pod-east") == ["name", "city", "team", "segment"])
        #expect(Self.fieldNames(registry, "pod-west") == ["name", "city", "team"])
        #expect(Self.fieldNames(registry, "pod-west", "visits") == ["customer"])
        #expect(registry.app("pod-west")?.definition.revision != westRevision)
        let reloadedEast = try #require(registry.app("pod-east"))
        let stored = try #require(try await reloadedEast.record(table: "customers", id: kept.id))
        #expect(stored.fields["segment"] == .string("large"))
        let added = try await reloadedEast.create(
            table: "customers", input: SubmissionInput(values: ["name": .string("Beta"), "city": .string("Berlin")], format: .json))
        #expect(added.fields["city"] == .string("Berlin"))
        let west = try #require(registry.app("pod-west"))
        let westPage = try await west.records(table: "customers", filter: nil, limit: 10, after: nil)
        #expect(westPage.records.isEmpty)
        #expect(workspace.reported.contains("reload: app 'pod-east' reloaded\n  + add field 'city'"))
        #expect(workspace.reported.contains("reload: app 'pod-west' reloaded\n  + add field 'city'"))
    }

    @Test func aTemplateChangeThatBreaksOneAppIsRefusedForThatAppAlone() async throws {
        let workspace = try Workspace()
        let storage = MemoryStorage()
        let (registry, reloader) = try await workspace.serve(on: storage)
        let eastRevision = try #require(registry.app("pod-east")?.definition.revision)

        // The template now has a number field 'segment'; pod-east's own 'segment' is a choice, which cannot override it.
        try workspace.write(
            "base",
            Self.template.replacingOccurrences(
                of: "name: { type: text, required: true }", with: "name: { type: text, required: true }\n      segment: { type: number }"))
        await reloader.reload()

        #expect(registry.app("pod-east")?.definition.revision == eastRevision)
        #expect(Self.fieldNames(registry, "pod-east") == ["name", "team", "segment"])
        #expect(registry.app("pod-east")?.definition.table(named: "customers")?.fields.last?.type == .choice)
        #expect(Self.fieldNames(registry, "pod-west") == ["name", "segment", "team"])
        let file = (workspace.root as NSString).appendingPathComponent("pod-east/app.yaml")
        #expect(workspace.reported.contains("reload: '\(file)' has errors; the app keeps running as it was"))
        #expect(
            workspace.reported.contains(
                "\(file):8:24: error: field 'segment' of table 'customers' is 'number' in the template and cannot become 'choice'"))
        let east = try #require(registry.app("pod-east"))
        let record = try await east.create(
            table: "customers", input: SubmissionInput(values: ["name": .string("Still"), "segment": .string("small")], format: .json))
        #expect(record.fields["segment"] == .string("small"))
    }

    @Test func aNewAppAppearsWithoutARestartWithItsDataApart() async throws {
        let workspace = try Workspace()
        let storage = MemoryStorage()
        let (registry, reloader) = try await workspace.serve(on: storage)
        let east = try #require(registry.app("pod-east"))
        _ = try await east.create(table: "customers", input: SubmissionInput(values: ["name": .string("Acme")], format: .json))

        try workspace.write("pod-north", Self.pod("pod-north", team: "north", overlay: ""))
        await reloader.reload()

        #expect(registry.all.map(\.name).sorted() == ["pod-east", "pod-north", "pod-west"])
        let north = try #require(registry.app("pod-north"))
        #expect(try await north.records(table: "customers", filter: nil, limit: 10, after: nil).records.isEmpty)
        let created = try await north.create(table: "customers", input: SubmissionInput(values: ["name": .string("Nord")], format: .json))
        #expect(created.fields["team"] == .string("north"))
        #expect(try await east.records(table: "customers", filter: nil, limit: 10, after: nil).records.count == 1)
        #expect(workspace.reported.contains("reload: now serving app 'pod-north'"))
    }

    @Test func aTemplateOutsideTheServedFolderIsWatched() async throws {
        let workspace = try Workspace()
        let storage = MemoryStorage()
        let podFolder = (workspace.root as NSString).appendingPathComponent("pod-west")
        let (registry, reloader) = try await workspace.serve(podFolder, on: storage)
        #expect(registry.all.map(\.name) == ["pod-west"])
        let watcher = Task { await reloader.watch(every: .milliseconds(50)) }
        defer { watcher.cancel() }
        try workspace.write(
            "base",
            Self.template.replacingOccurrences(
                of: "name: { type: text, required: true }", with: "name: { type: text, required: true }\n      city: { type: text }"))
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline, !Self.fieldNames(registry, "pod-west").contains("city") {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(Self.fieldNames(registry, "pod-west") == ["name", "city", "team"])
    }
}
