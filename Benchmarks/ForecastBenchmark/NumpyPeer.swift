import Foundation

/// The numpy side of the benchmark, a process started with `command` that answers one command
/// per line (`load DATE`, `full`, `sums`, `change ID CENTS`, `backtest`) with the seconds it took
/// (`Benchmarks/forecast/numpy_model.py peer`), so that rounds of both sides alternate and drift
/// on a shared machine hits both alike.
final class NumpyPeer {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []

    init(command: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    /// Sends one command; returns the seconds the peer says it took.
    func ask(_ command: String) throws -> Double {
        input.fileHandleForWriting.write(Data((command + "\n").utf8))
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let answer = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                guard let seconds = Double(answer) else { throw Failure(description: "the numpy peer answered '\(answer)' to '\(command)'") }
                return seconds
            }
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { throw Failure(description: "the numpy peer ended before answering '\(command)'") }
            buffer += data
        }
    }

    /// Closes the peer's input and waits for it to end.
    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
