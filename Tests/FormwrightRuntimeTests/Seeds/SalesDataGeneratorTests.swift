import Foundation
import Testing

/// `examples/sales-data/generate.py` is deterministic: a seed gives the same files on every run,
/// and the files checked in under `apps/sales-forecast/data` are exactly what seed 7 gives.
@Suite struct SalesDataGeneratorTests {
    static let packageRoot = ExampleSeedTests.appsFolder.deletingLastPathComponent()
    static let committed = ExampleSeedTests.appsFolder.appendingPathComponent("sales-forecast/data")
    static let files = ["ads.csv", "competitor_prices.csv", "opportunities.csv", "plan.csv", "sales.csv", "subsidies.csv", "truth.json"]

    /// Runs the generator with `seed` into a new temporary folder and gives back that folder,
    /// waiting for it on a thread of its own so that the cooperative pool stays free for other tests.
    static func generate(seed: Int) async throws -> URL {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try generateBlocking(seed: seed) }) }.start()
        }
    }

    private static func generateBlocking(seed: Int) throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sales-data-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "examples/sales-data/generate.py", "--out", out.path, "--seed", String(seed)]
        process.currentDirectoryURL = packageRoot
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
        return out
    }

    static func contents(_ folder: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == files)
        return try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) })
    }

    @Test func theSameSeedGivesTheCommittedFilesOnEveryRun() async throws {
        let first = try await Self.generate(seed: 7)
        let second = try await Self.generate(seed: 7)
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let once = try Self.contents(first)
        #expect(once == (try Self.contents(second)))
        let committed = try Dictionary(uniqueKeysWithValues: Self.files.map { ($0, try Data(contentsOf: Self.committed.appendingPathComponent($0))) })
        for name in Self.files {
            #expect(once[name] == committed[name], "\(name) differs from the committed file: run the generator again")
        }
    }

    @Test func anotherSeedGivesOtherData() async throws {
        let seven = try await Self.generate(seed: 7)
        let eight = try await Self.generate(seed: 8)
        defer {
            try? FileManager.default.removeItem(at: seven)
            try? FileManager.default.removeItem(at: eight)
        }
        let a = try Self.contents(seven)
        let b = try Self.contents(eight)
        #expect(a["sales.csv"] != b["sales.csv"])
        #expect(a["ads.csv"] != b["ads.csv"])
    }
}
