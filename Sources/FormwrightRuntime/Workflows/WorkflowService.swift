public import FormwrightStorage

/// Runs the workflow outbox of every app served by this process until stopped: each round it
/// runs the due jobs of each app in turn, and when none was due waits `idle`, or until its
/// ``WorkBell`` rings.
///
/// ```swift
/// let stop = StopSignal()
/// let service = WorkflowService(storage: store, definitions: registry, transport: client, owner: "host-1:4242", stop: stop) { ["crm"] }
/// let running = Task { await service.run() }
/// // on SIGTERM:
/// stop.stop(); await running.value
/// ```
public struct WorkflowService: Sendable {
    let storage: any StorageBackend
    let definitions: DefinitionRegistry
    let transport: any OutboundHTTP
    let owner: String
    let stop: StopSignal
    let leaseSeconds: Double
    let bell: WorkBell
    let apps: @Sendable () -> [String]

    /// Creates a service.
    /// - Parameters:
    ///   - storage: the store of the apps.
    ///   - definitions: the definitions loaded by this process, by revision.
    ///   - transport: where `kind: http` calls go; one shared client.
    ///   - owner: the name its leases are held under, unique per process.
    ///   - stop: the signal that ends `run()`.
    ///   - leaseSeconds: how long a claim holds a run before another process may take it over
    ///     (see ``WorkflowWorker``).
    ///   - bell: rung by the apps' runtimes after their writes, to end an idle wait at once.
    ///   - apps: the names of the apps served now (they change on reload).
    public init(
        storage: any StorageBackend, definitions: DefinitionRegistry, transport: any OutboundHTTP, owner: String, stop: StopSignal,
        leaseSeconds: Double = WorkflowWorker.defaultLeaseSeconds, bell: WorkBell = WorkBell(), apps: @escaping @Sendable () -> [String]
    ) {
        self.storage = storage
        self.definitions = definitions
        self.transport = transport
        self.owner = owner
        self.stop = stop
        self.leaseSeconds = leaseSeconds
        self.bell = bell
        self.apps = apps
    }

    /// Runs until the stop signal is given; a store error ends the round, and the next round tries again.
    public func run(idle: Duration = .seconds(1)) async {
        while !stop.isStopped {
            var worked = false
            for app in apps() where !stop.isStopped {
                let worker = WorkflowWorker(
                    app: app, storage: storage, definitions: definitions, transport: transport, owner: owner, stop: stop, leaseSeconds: leaseSeconds)
                while !stop.isStopped, (try? await worker.runNext()) == true { worked = true }
            }
            if !worked, !stop.isStopped { await bell.wait(upTo: idle) }
        }
    }
}
