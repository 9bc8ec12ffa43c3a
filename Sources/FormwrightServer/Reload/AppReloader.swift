public import FormwrightCore
public import FormwrightDefinition
public import FormwrightRuntime
public import FormwrightStorage

/// Reloads the apps under a path when their files change, while the server keeps serving.
///
/// Each reload checks the files again. An app whose files now have errors keeps running as it
/// was, and the errors are reported at their lines. A changed app is prepared on the store — the
/// safe part of its migration plan applied in one transaction, as at startup — and swapped in
/// only when that succeeded; a step the store refuses (a narrowing type change, a unique field
/// whose records share values) leaves the running app as it was. A new app is prepared and its
/// seed data loaded; an app whose folder is gone stops being served. Templates are checked and
/// their errors reported, but not served; the folders of the templates the apps extend are
/// watched too, so a template's change reloads every app built on it.
///
/// ```swift
/// let reloader = AppReloader(path: "apps", registry: registry, storage: store) { print($0) }
/// try await reloader.watch(every: .seconds(1))   // until the task is cancelled
/// ```
public struct AppReloader: Sendable {
    /// The path `serve` was given: an app folder, a workspace or one file.
    public let path: String
    /// The apps being served, swapped as a whole on every successful reload.
    public let registry: AppRegistry
    /// The store the apps share.
    public let storage: any StorageBackend
    /// Receives one line per event (a reloaded app, a refused change, errors in the files).
    public let report: @Sendable (String) -> Void
    /// Where each definition prepared on a reload is kept, so that workflow runs started under it can finish under it.
    public let definitions: DefinitionRegistry?
    /// Rung by the runtimes it makes after their writes, to wake the workflow service.
    public let workBell: WorkBell?
    /// The files as they were when the reloader was created: what `watch` compares with first.
    let startingPoint: FolderFingerprint
    /// The folders looked at when the reloader was created: `path` and the templates its apps extend.
    let startingFolders: [String]

    /// Creates a reloader.
    ///
    /// - Parameters:
    ///   - path: what `serve` was given.
    ///   - registry: the apps being served.
    ///   - storage: the store they share.
    ///   - definitions: where prepared definitions are kept for workflow runs, if anywhere.
    ///   - workBell: given to the runtimes it makes, to wake the workflow service after their writes.
    ///   - report: receives a line per event, for the server's log.
    public init(
        path: String, registry: AppRegistry, storage: any StorageBackend, definitions: DefinitionRegistry? = nil,
        workBell: WorkBell? = nil, report: @escaping @Sendable (String) -> Void
    ) {
        self.path = path
        self.registry = registry
        self.storage = storage
        self.definitions = definitions
        self.workBell = workBell
        self.report = report
        startingFolders = Self.watchedFolders(path)
        startingPoint = FolderFingerprint(paths: startingFolders)
    }

    /// `path` and the folders of the templates its apps extend.
    static func watchedFolders(_ path: String) -> [String] {
        [path] + DefinitionLoader().templateFolders(path: path)
    }

    /// Looks at the files every `interval` and reloads when they changed, until the task is
    /// cancelled. A change made after the reloader was created counts, even one made before the
    /// watch began.
    public func watch(every interval: Duration) async {
        var seen = startingPoint
        var folders = startingFolders
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            let now = FolderFingerprint(paths: folders)
            guard now != seen else { continue }
            await reload()
            // An app's `extends:` may have changed: look at the folders it names from now on.
            let previous = folders
            folders = Self.watchedFolders(path)
            seen = folders == previous ? now : FolderFingerprint(paths: folders)
        }
    }

    /// Loads and checks the apps again and swaps in every one that changed and could be prepared.
    public func reload() async {
        let loaded: [LoadedApp]
        do {
            loaded = try DefinitionLoader().load(path: path)
        } catch {
            report("reload: \(error.message); still serving the apps as they were")
            return
        }
        let running = Dictionary(registry.all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var next: [AppRuntime] = []
        var kept: Set<String> = []
        for app in loaded {
            if app.isTemplate {
                if app.hasErrors {
                    let rendered = DiagnosticRenderer(sources: app.sources).text(app.diagnostics.filter { $0.severity == .error })
                    report("reload: template '\(app.path)' has errors; the apps built on it keep running as they were\n\(rendered)")
                }
                continue
            }
            guard let definition = app.definition, !app.hasErrors else {
                let rendered = DiagnosticRenderer(sources: app.sources).text(app.diagnostics.filter { $0.severity == .error })
                report("reload: '\(app.path)' has errors; the app keeps running as it was\n\(rendered)")
                if let old = running.values.first(where: { $0.definition.file == app.path }) {
                    next.append(old)
                    kept.insert(old.name)
                }
                continue
            }
            let name = definition.name.value
            kept.insert(name)
            if let old = running[name], old.definition.revision == definition.revision {
                next.append(old)
                continue
            }
            if let runtime = await prepared(definition, replacing: running[name]) {
                next.append(runtime)
            } else if let old = running[name] {
                next.append(old)
            }
        }
        for name in running.keys.sorted() where !kept.contains(name) {
            report("reload: app '\(name)' is no longer under '\(path)'; it is not served any more")
        }
        registry.replaceAll(next)
    }

    /// The app prepared on the store, or nil when the store refused it (the old one stays).
    private func prepared(_ definition: AppDefinition, replacing old: AppRuntime?) async -> AppRuntime? {
        let runtime = AppRuntime(definition: definition, storage: storage, workBell: workBell)
        do {
            let plan = try? await runtime.migrationPlan()
            try await runtime.prepare()
            definitions?.add(definition)
            if old == nil {
                let seeds = try await SeedLoader(runtime: runtime).load()
                report("reload: now serving app '\(runtime.name)'" + (seeds.loaded.isEmpty ? "" : " with its seed data"))
            } else {
                let steps = plan.map { $0.withoutDrops().steps.map { "  + \($0)" } } ?? []
                report((["reload: app '\(runtime.name)' reloaded"] + steps).joined(separator: "\n"))
            }
            return runtime
        } catch {
            let keeping = old == nil ? "it is not served" : "the app keeps running as it was"
            report("reload: app '\(runtime.name)' could not be prepared on the store; \(keeping): \(error)")
            return nil
        }
    }
}
