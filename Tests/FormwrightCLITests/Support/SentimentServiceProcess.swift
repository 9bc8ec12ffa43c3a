import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The example sentiment service (`examples/sentiment-service/server.py`) on a free port, run by python3.
///
/// Unchecked `Sendable`: every stored property is set once in `init`.
final class SentimentServiceProcess: @unchecked Sendable {
    let process = Process()
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    let baseURL: String
    private let output = Pipe()

    /// Starts the service and waits until it prints its address (at most 30 seconds).
    /// - Parameter token: the bearer token it requires, as `SENTIMENT_TOKEN`; none when nil.
    init(token: String?) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "examples/sentiment-service/server.py", "--port", "0"]
        process.currentDirectoryURL = CommandRunner.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["SENTIMENT_TOKEN"] = token
        process.environment = environment
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = output.read(from: process) { $0.contains("\n") }
        guard let range = text.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) else {
            process.terminate()
            throw ServerProcessError(message: "the sentiment service did not print its address: \(text)")
        }
        baseURL = String(text[range])
    }

    /// Sends SIGTERM, and SIGKILL when it has not ended within 10 seconds; returns whether SIGTERM stopped it.
    @discardableResult
    func stop() -> Bool {
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard process.isRunning else { return true }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }

    /// One request to the service; returns the status and the body parsed as a JSON object.
    func request(_ method: String, _ path: String, token: String? = nil, body: String? = nil) async throws -> (status: Int, body: [String: Any]) {
        guard let url = URL(string: baseURL + path) else { throw ServerProcessError(message: "bad path '\(path)'") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, object ?? [:])
    }
}
