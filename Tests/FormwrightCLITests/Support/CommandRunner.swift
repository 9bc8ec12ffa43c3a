import Foundation

/// Runs the built `formwright` executable as a separate process, as a user or a script would.
struct CommandRunner {
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    /// The executable built next to the test bundle.
    static var executable: URL {
        let beside = Bundle.main.bundleURL.appendingPathComponent("formwright")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("formwright")
    }

    /// Runs `formwright ARGUMENTS` in `directory` and waits for it.
    ///
    /// The waiting happens on a thread of its own: a test blocking one of the two cooperative
    /// threads while the child waits for a lock held by a task of this process would stall both.
    static func run(_ arguments: [String], in directory: URL = testsFolder.appendingPathComponent("Fixtures")) async throws -> Output {
        try await offThePool { try runBlocking(arguments, in: directory) }
    }

    /// Runs `body` on a new thread and gives back its result, leaving the cooperative threads free.
    static func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    private static func runBlocking(_ arguments: [String], in directory: URL) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    /// The text of a golden file.
    static func golden(_ name: String) throws -> String {
        try String(contentsOf: testsFolder.appendingPathComponent("Golden").appendingPathComponent(name), encoding: .utf8)
    }
}
