public import FormwrightCore
import FormwrightDefinition
import FormwrightStorage
import Foundation

/// Loads an app's seed data — `data/<table>.csv` beside `app.yaml` — into a store, once per table.
///
/// Each file is read as an import (``AppRuntime/importCSV(table:bytes:allOrNothing:now:)``: the
/// header names the fields, an optional `id` column lets links resolve, every row goes through the
/// submission pipeline) and written in one transaction together with a record of the load, so it
/// never loads twice. A file whose table already holds records is left alone. Files load in link
/// order (a table before the tables linking to it). No workflow runs.
///
/// ```swift
/// try await runtime.prepare()
/// let report = try await SeedLoader(runtime: runtime).load()   // throws SeedRejected with every problem
/// ```
public struct SeedLoader: Sendable {
    /// The app to seed.
    public let runtime: AppRuntime
    /// The folder holding the CSV files.
    public let folder: String

    /// Creates a loader for the app's `data/` folder, beside its app file.
    ///
    /// - Parameters:
    ///   - runtime: the app, on its store; prepare it first.
    ///   - folder: the folder holding the CSV files; nil for `data` beside the app file.
    public init(runtime: AppRuntime, folder: String? = nil) {
        self.runtime = runtime
        self.folder = folder ?? URL(fileURLWithPath: runtime.definition.file).deletingLastPathComponent().appendingPathComponent("data").path
    }

    /// The seed files present, by table name; a file still named after a table's former name
    /// (`renamed_from:`) counts as that table's when the table has no file of its own.
    public func files() throws -> [String: String] {
        var files = try filesByName()
        for table in runtime.definition.tables {
            let name = table.name.value
            guard files[name] == nil, let old = table.renamedFrom?.value, let path = files.removeValue(forKey: old) else { continue }
            files[name] = path
        }
        return files
    }

    private func filesByName() throws -> [String: String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return [:] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw SeedRejected(["data: cannot read the folder: \(error.localizedDescription)"])
        }
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".csv") && !name.hasPrefix(".") {
            files[String(name.dropLast(4))] = (folder as NSString).appendingPathComponent(name)
        }
        return files
    }

    /// Loads every seed file whose table has none loaded yet and holds no records; on a read-only
    /// store nothing is loaded and every file is reported as skipped.
    ///
    /// - Parameter now: the time the records are created at and the loads recorded with.
    /// - Throws: ``SeedRejected`` naming every problem of the first file that fails (nothing of it
    ///   is written; files loaded before it stay), or `RuntimeError` when the store cannot record loads.
    public func load(now: Timestamp = .now) async throws -> SeedReport {
        let files = try files()
        guard !files.isEmpty else { return SeedReport() }
        let app = runtime.name
        let unknown = files.keys.filter { runtime.definition.table(named: $0) == nil }.sorted()
        if !unknown.isEmpty {
            let names = runtime.definition.tables.map(\.name.value)
            throw SeedRejected(unknown.map { "data/\($0).csv: no table '\($0)' in app '\(app)'\(NameSuggester.hint(for: $0, among: names))" })
        }
        guard let store = runtime.storage as? any MigratingBackend else {
            throw RuntimeError(.unavailable, "store '\(runtime.storage)' cannot record seed data loads; load 'data/' with 'formwright import'")
        }
        var report = SeedReport()
        guard !store.isReadOnly else {
            for table in files.keys { report.skipped[table] = "the store is read-only" }
            return report
        }
        let loadedHashes = Dictionary(
            try await store.seedLoads(app: app).map { (SchemaRules.foldedKey($0.table), $0.fileHash) }, uniquingKeysWith: { first, _ in first })
        for table in Self.linkOrder(runtime.definition.tables) where files[table.name.value] != nil {
            let tableName = table.name.value
            guard let path = files[tableName] else { continue }
            if let hash = loadedHashes[SchemaRules.foldedKey(tableName)] {
                let changed = FileManager.default.contents(atPath: path).map { DefinitionLoader.revision(of: Array($0)) != hash } ?? false
                report.skipped[tableName] = changed ? "already loaded; the file changed since and is not loaded again" : "already loaded"
                continue
            }
            if try await store.read(app: app, { try $0.count(table: tableName) }) > 0 {
                report.skipped[tableName] = "the table already holds records"
                continue
            }
            if let load = try await loadFile(path, table: table, store: store, now: now) {
                report.loaded.append(load)
            } else {
                report.skipped[tableName] = "already loaded"
            }
        }
        return report
    }

    private func loadFile(_ path: String, table: TableDefinition, store: any MigratingBackend, now: Timestamp) async throws -> SeedLoad? {
        let tableName = table.name.value
        let shownPath = "data/" + (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else { throw SeedRejected(["\(shownPath): cannot read the file"]) }
        let bytes = Array(data)
        let file = CSVImportFile(table: table).rows(from: bytes)
        let importer = RowImporter(definition: runtime.definition, table: table)
        let (valid, validation) = importer.validate(file.rows)
        let early = file.rejections + (file.isReadable ? validation : [])
        guard early.isEmpty else { throw SeedRejected(AppRuntime.sorted(early).map { $0.located(in: shownPath) }) }
        let seed = SeedLoad(
            app: runtime.name, table: tableName, fileHash: DefinitionLoader.revision(of: bytes), recordCount: valid.count, loadedAt: now)
        do {
            let created = try await store.loadSeed(seed) { transaction in
                let outcome = try importer.write(valid, in: transaction, now: now)
                guard outcome.rejections.isEmpty else { throw ImportRejected(outcome.rejections) }
                return outcome.created
            }
            return created.map { _ in seed }
        } catch let rejected as ImportRejected {
            throw SeedRejected(AppRuntime.sorted(rejected.rejections).map { $0.located(in: shownPath) })
        }
    }

    /// The tables with each one after the tables its links point to, where links allow it
    /// (a cycle keeps the tables' written order).
    static func linkOrder(_ tables: [TableDefinition]) -> [TableDefinition] {
        var ordered: [TableDefinition] = []
        var placed: Set<String> = []
        var remaining = tables
        while !remaining.isEmpty {
            let ready =
                remaining.firstIndex { table in
                    table.fields.allSatisfy { field in
                        guard let target = field.linkedTable?.value, target != table.name.value else { return true }
                        return placed.contains(target) || !tables.contains { $0.name.value == target }
                    }
                } ?? remaining.startIndex
            let table = remaining.remove(at: ready)
            placed.insert(table.name.value)
            ordered.append(table)
        }
        return ordered
    }
}
