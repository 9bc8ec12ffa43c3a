public import FormwrightDefinition
import Synchronization

/// The app definitions this process has loaded, by revision, so that a workflow run finishes
/// under the definition it started with even after the app is reloaded.
///
/// The server adds each definition it loads or reloads; the worker looks a job's revision up.
/// A revision this process never loaded (a run started by a newer process, or by this app
/// before a restart with a changed file) is not here.
public final class DefinitionRegistry: Sendable {
    private let definitions = Mutex<[String: AppDefinition]>([:])

    /// Creates a registry holding `initial`.
    public init(_ initial: AppDefinition...) {
        for definition in initial { add(definition) }
    }

    /// Keeps a definition under its revision.
    public func add(_ definition: AppDefinition) {
        definitions.withLock { $0[definition.revision] = definition }
    }

    /// The definition loaded under a revision, or nil.
    public func definition(revision: String) -> AppDefinition? {
        definitions.withLock { $0[revision] }
    }
}
