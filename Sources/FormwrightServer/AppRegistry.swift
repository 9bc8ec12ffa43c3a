public import FormwrightRuntime
import Synchronization

/// The apps being served, by name; swapped as a whole so a request sees one consistent set.
public final class AppRegistry: Sendable {
    private let apps: Mutex<[String: AppRuntime]>

    /// Creates a registry of running apps.
    public init(_ runtimes: [AppRuntime]) {
        apps = Mutex(Dictionary(runtimes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The app with a name.
    public func app(_ name: String) -> AppRuntime? {
        apps.withLock { $0[name] }
    }

    /// Serves exactly these apps from now on; requests already running keep the app they started with.
    public func replaceAll(_ runtimes: [AppRuntime]) {
        let next = Dictionary(runtimes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        apps.withLock { $0 = next }
    }

    /// Every app, sorted by name.
    public var all: [AppRuntime] {
        apps.withLock { $0.values.sorted { $0.name < $1.name } }
    }
}
