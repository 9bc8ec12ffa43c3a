import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real `formwright serve` process on a free port, for end-to-end tests over HTTP.
///
/// Unchecked `Sendable`: every stored property is set once in `init`; concurrent requests only read `baseURL`.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let baseURL: URL
    let loginURL: String
    private let output: Pipe

    /// Starts the server and waits until it prints its URL (at most 30 seconds).
    ///
    /// - Parameters:
    ///   - errorLog: a file to receive the server's standard error; discarded when nil.
    ///   - environment: variables set (or, when nil, removed) on top of this process's environment.
    init(
        arguments: [String], token: String, directory: URL = CommandRunner.packageRoot, errorLog: URL? = nil,
        environment changes: [String: String?] = [:]
    ) throws {
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve"] + arguments + ["--port", "0"]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in changes { environment[name] = value }
        environment["FORMWRIGHT_ADMIN_TOKEN"] = token
        process.environment = environment
        output = Pipe()
        process.standardOutput = output
        if let errorLog {
            _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errorLog)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        let text = output.read(from: process) { $0.contains("/login?token=") }
        guard let range = text.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression), let url = URL(string: String(text[range])),
            let login = text.split(separator: "\n").first(where: { $0.contains("/login?token=") })
        else {
            process.terminate()
            throw ServerProcessError(message: "the server did not print its URL: \(text)")
        }
        baseURL = url
        loginURL = String(login[(login.range(of: "http://")?.lowerBound ?? login.startIndex)...])
    }

    /// Starts the server on a thread of its own, leaving the cooperative threads free while it starts.
    static func start(
        arguments: [String], token: String, errorLog: URL? = nil, environment: [String: String?] = [:]
    ) async throws -> ServerProcess {
        try await CommandRunner.offThePool { try ServerProcess(arguments: arguments, token: token, errorLog: errorLog, environment: environment) }
    }

    /// Sends SIGTERM (or SIGINT, as Ctrl-C does) and waits for the exit status.
    func stop(interrupt: Bool = false) -> Int32 {
        if process.isRunning {
            if interrupt { process.interrupt() } else { process.terminate() }
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Sends SIGTERM without waiting for the exit.
    func signalStop() {
        if process.isRunning { process.terminate() }
    }

    /// Waits, on a thread of its own, for the process to exit, and gives its exit status.
    func exitStatus() async throws -> Int32 {
        try await CommandRunner.offThePool {
            self.process.waitUntilExit()
            return self.process.terminationStatus
        }
    }

    /// Sends SIGKILL, unless the process has already exited.
    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// One HTTP request; returns the status and body.
    func request(_ method: String, _ path: String, token: String?, body: String? = nil) async throws -> (status: Int, body: String) {
        guard let url = URL(string: baseURL.absoluteString + "/" + path) else { throw ServerProcessError(message: "bad path '\(path)'") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
