import ArgumentParser
import CoreMetrics
import FormwrightCore
import FormwrightDefinition
import FormwrightHTTPClient
import FormwrightRuntime
import FormwrightServer
import FormwrightStorage
import Foundation
import Logging

/// `formwright serve PATH [--store URL] [--host H] [--port P] [--workflow-lease SECONDS] [--log-format text|json] [--metrics-public]`:
/// serve every app under PATH.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve every app under a path: web forms, pages and the JSON API.",
        discussion: """
            Binds to 127.0.0.1 unless --host says otherwise. The admin token comes from FORMWRIGHT_ADMIN_TOKEN; \
            without it one is made and printed. A one-time login link for the browser is printed on start. \
            Runs the apps' workflows in the background. Stops cleanly on SIGINT or SIGTERM: no new \
            workflow step starts, and a run in progress is handed back to the queue after its current step. \
            GET /metrics answers in the Prometheus text format and takes the admin token like the API; \
            --metrics-public opens it to anyone who can reach the address (for a scraper on a private network). \
            Logs go to standard error, as text or with --log-format json as one JSON object per line; \
            standard output holds only the URLs printed on start.
            """
    )

    @Argument(help: "An app folder, a folder of app folders, or one app file.")
    var path: String

    @OptionGroup var store: StoreOption

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "How often, in milliseconds, the app files are looked at for changes to reload (0: never).")
    var reloadInterval = 1_000

    @Option(
        help: ArgumentHelp(
            """
            How long a workflow run stays claimed by this process (1 to 86400): when the process dies, another \
            carries its runs on after this long. Keep it longer than the slowest integration's timeout (a warning \
            names any that is not), else a slow call may be made twice.
            """, valueName: "seconds"))
    var workflowLease = Int(WorkflowWorker.defaultLeaseSeconds)

    /// How log lines are written to standard error.
    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(
        help: "How log lines on standard error are written: text, or json (one object per line with time, level, label, message and the metadata).")
    var logFormat: LogFormat = .text

    @Option(help: "The least important log lines written: trace, debug, info, notice, warning, error or critical. Each workflow step is logged at debug, each run's end at info.")
    var logLevel: Logger.Level = .info

    @Flag(help: "Answer GET /metrics without the admin token (only for a scraper on a private network).")
    var metricsPublic = false

    func validate() throws {
        guard (0...3_600_000).contains(reloadInterval) else {
            throw ValidationError("--reload-interval takes 0 (never) to 3600000 milliseconds, not \(reloadInterval)")
        }
        guard (1...86_400).contains(workflowLease) else {
            throw ValidationError("--workflow-lease takes 1 to 86400 seconds, not \(workflowLease)")
        }
    }

    func run() async throws {
        // Logs go to standard error, so standard output holds only what scripts read: the URLs.
        let level = logLevel
        switch logFormat {
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        case .json:
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        let logger = Logger(label: "formwright.serve")
        let format = logFormat
        let report: @Sendable (String) -> Void = { line in
            switch format {
            case .text: Terminal.printError(line)
            case .json: logger.notice("\(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        let loaded = try CommandSupport.loadApps(path)
        for definition in loaded {
            warnAboutSlowCalls(in: definition) { line in
                switch format {
                case .text: Terminal.printError("warning: \(line)")
                case .json: logger.warning("\(line)")
                }
            }
        }
        let backend = try await store.open(servingReads: true)
        let bell = WorkBell()
        var runtimes: [AppRuntime] = []
        for definition in loaded {
            let runtime = AppRuntime(definition: definition, storage: backend, workBell: bell)
            do {
                try await runtime.prepare()
            } catch {
                Terminal.printError("error: preparing app '\(runtime.name)' in store '\(store.shownURL)': \(error)")
                throw ExitCode(1)
            }
            try await CommandSupport.loadSeeds(for: runtime, report: report)
            runtimes.append(runtime)
        }
        let environment = ProcessInfo.processInfo.environment
        let givenToken = environment["FORMWRIGHT_ADMIN_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let token = givenToken ?? AccessControl.randomToken()
        let registry = AppRegistry(runtimes)
        let metrics = ServerMetrics()
        let server = try FormwrightHTTPServer(
            apps: registry, configuration: ServerConfiguration(host: host, port: port, adminToken: token, metricsPublic: metricsPublic),
            metrics: metrics)
        let code = server.access.makeLoginCode()
        let displayHost = host.contains(":") ? "[\(host)]" : host
        let names = runtimes.map(\.name).joined(separator: ", ")
        let count = runtimes.count
        let application = server.application { boundPort in
            let base = "http://\(displayHost):\(boundPort)"
            var lines = ["Formwright is serving \(count) app\(count == 1 ? "" : "s") (\(names)) at \(base)/"]
            lines.append("Open this one-time link to sign in: \(base)/login?token=\(code)")
            if givenToken == nil { lines.append("API token (for 'Authorization: Bearer …'): \(token)") }
            Terminal.print(lines.joined(separator: "\n"))
        }
        let definitions = DefinitionRegistry()
        for runtime in runtimes { definitions.add(runtime.definition) }
        let reloader = AppReloader(path: path, registry: registry, storage: backend, definitions: definitions, workBell: bell, report: report)
        let interval = reloadInterval
        let watcher = interval > 0 ? Task { await reloader.watch(every: .milliseconds(interval)) } : nil
        let client = OutboundHTTPClient()
        let stop = StopSignal()
        let owner = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
        let workflows = WorkflowService(
            storage: backend, definitions: definitions, transport: client, owner: owner, stop: stop, leaseSeconds: Double(workflowLease),
            bell: bell
        ) {
            registry.all.map(\.name)
        }
        let worker = Task { await withMetricsFactory(metrics.factory) { await workflows.run() } }
        try await application.runService()
        // SIGTERM or SIGINT: claim nothing more; a run in progress is handed back after its current step.
        stop.stop()
        bell.ring()
        // A step in progress may be a call that takes minutes: say why the process has not exited yet.
        report("stopping: waiting for the workflow step in progress, if any, to finish")
        await worker.value
        watcher?.cancel()
        await watcher?.value
        try await client.shutdown()
        try await backend.close()
    }

    /// Warns about each http integration whose timeout is not shorter than the workflow lease: a
    /// call that slow may have its run taken over by another process and be made twice.
    private func warnAboutSlowCalls(in definition: AppDefinition, warn: (String) -> Void) {
        for integration in definition.integrations {
            guard case .http(let http) = integration.kind, http.timeout.value.seconds >= Int64(workflowLease) else { continue }
            warn(
                "integration '\(integration.name.value)' of app '\(definition.name.value)' may take \(http.timeout.value.seconds)s, "
                    + "not less than --workflow-lease \(workflowLease): a call that slow may be made twice")
        }
    }
}
