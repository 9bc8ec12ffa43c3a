import Foundation
import Testing

/// When the store fails, the failure is clear and safe: a bad store URL or an unreachable server
/// stops a command before anything is written, and a locked, read-only or full SQLite file gets
/// a clear answer over HTTP while the server stays up, serves reads and writes nothing partial.
@Suite struct StoreFailureTests {
    static let token = "failure-admin-token-0123456789abcdef"

    static let app = """
        formwright: 1
        app: notes
        tables:
          notes:
            fields:
              marker: { type: text, required: true }
              body: { type: longtext }
        forms:
          note:
            table: notes
            public: true
            fields: [marker, body]
        """

    /// A temporary folder with the app (and two seed records), removed when done.
    final class Workspace {
        let folder: URL
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-failure-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("app/data"), withIntermediateDirectories: true)
            try write(StoreFailureTests.app, to: "app/app.yaml")
            try write("marker,body\nseed-1,first\nseed-2,second\n", to: "app/data/notes.csv")
            try write("marker\nimported\n", to: "more.csv")
        }
        deinit {
            // A test that made files read-only gives the write bit back so the folder can go.
            _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            _ = try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder.path + "/data.sqlite")
            try? FileManager.default.removeItem(at: folder)
        }
        func write(_ text: String, to path: String) throws {
            try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        var storePath: String { folder.path + "/data.sqlite" }
        func run(_ arguments: [String]) async throws -> CommandRunner.Output { try await CommandRunner.run(arguments, in: folder) }
        /// Every file and folder under the workspace, relative to it.
        func contents() -> [String] {
            (FileManager.default.subpaths(atPath: folder.path) ?? []).sorted()
        }
        func serve(_ store: String, errorLog: URL? = nil) throws -> ServerProcess {
            try ServerProcess(arguments: [folder.appendingPathComponent("app").path, "--store", store], token: token, directory: folder, errorLog: errorLog)
        }
    }

    static let submit = "api/v1/apps/notes/forms/note/submissions"
    static let records = "api/v1/apps/notes/tables/notes/records"

    /// The stored markers, sorted: records created in one transaction (the seed file) share a
    /// time, so their order among themselves follows their random ids.
    static func markers(_ server: ServerProcess) async throws -> [String] {
        let page = try await server.request("GET", "\(records)?limit=1000", token: token)
        #expect(page.status == 200)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
        return (object["records"] as? [[String: Any]] ?? []).compactMap { $0["marker"] as? String }.sorted()
    }

    static func ids(_ server: ServerProcess) async throws -> [String] {
        let page = try await server.request("GET", "\(records)?limit=1000", token: token)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
        return (object["records"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    // MARK: Bad store URLs

    static let badURLs: [(url: String, message: String)] = [
        ("mysql://x", "store URL 'mysql://x' is not valid; expected 'sqlite:PATH', 'memory:' or 'postgres://…'"),
        ("sqlite:", "store URL 'sqlite:' names no file; write 'sqlite:PATH'"),
        ("postgres://ada:s3cret@db/", "store URL 'postgres://ada:***@db/' names no database; write 'postgres://user:password@host:port/database'"),
        (
            "sqlite:data.sqlite?max_size=lots",
            "store URL 'sqlite:data.sqlite?max_size=lots' has 'max_size=lots'; write a positive size such as 'max_size=500MB' (B, KB, MB, GB, KiB, MiB or GiB)"
        ),
        ("sqlite:data.sqlite?mode=write", "store URL 'sqlite:data.sqlite?mode=write' has 'mode=write'; write 'mode=ro' (read-only) or 'mode=rw'"),
        ("sqlite:data.sqlite?cache=shared", "store URL 'sqlite:data.sqlite?cache=shared' has an unknown parameter 'cache'; an SQLite store takes 'mode' and 'max_size'"),
    ]

    @Test(arguments: [
        ["serve", "app", "--port", "0"], ["migrate", "app"], ["import", "app", "notes", "more.csv"], ["plan", "app"], ["export", "app", "notes"],
    ])
    func aMalformedStoreURLStopsTheCommandBeforeAnythingIsWritten(command: [String]) async throws {
        let space = try Workspace()
        let before = space.contents()
        for (url, message) in Self.badURLs {
            let output = try await space.run(command + ["--store", url])
            #expect(output.status == 1, "\(command[0]) --store \(url)")
            #expect(output.standardError == "error: \(message)\n", "\(command[0]) --store \(url)")
            #expect(output.standardOutput.isEmpty)
            #expect(!output.standardError.contains("s3cret"))
            #expect(space.contents() == before, "\(command[0]) --store \(url) created files")
        }
    }

    // MARK: An unreachable PostgreSQL server

    @Test func anUnreachablePostgresServerIsRetriedThenReportedWithWhatToCheck() async throws {
        let space = try Workspace()
        let before = space.contents()
        let clock = ContinuousClock()
        let started = clock.now
        // Nothing listens on TCP port 1 of the loopback address: every attempt is refused.
        let output = try await space.run(["serve", "app", "--port", "0", "--store", "postgres://ada:s3cret@127.0.0.1:1/crm", "--store-wait", "2"])
        let elapsed = started.duration(to: clock.now)
        #expect(output.status == 1)
        #expect(output.standardOutput.isEmpty, "no URL is printed")
        let lines = output.standardError.split(separator: "\n").map(String.init)
        let retries = lines.dropLast()
        #expect(retries.count >= 3, "\(output.standardError)")
        for (index, line) in retries.enumerated() {
            #expect(line.hasPrefix("waiting: PostgreSQL at 127.0.0.1:1 did not answer (attempt \(index + 1): "), "\(line)")
            #expect(line.range(of: #"\); trying again in [0-9.]+ s$"#, options: .regularExpression) != nil, "\(line)")
        }
        let last = try #require(lines.last)
        #expect(last.hasPrefix("error: opening store 'postgres://ada:***@127.0.0.1:1/crm': cannot reach PostgreSQL at 127.0.0.1:1 after 2 s ("))
        #expect(last.contains(" attempts); last problem: "))
        #expect(
            last.hasSuffix(
                "; check that the server is running and accepts TCP connections on 127.0.0.1:1, and that the store URL names the right host and port"))
        #expect(!output.standardError.contains("s3cret"))
        #expect(elapsed >= .seconds(2), "it retried for the whole wait")
        #expect(elapsed < .seconds(60), "it gave up rather than retrying without end (room for a very busy machine)")
        #expect(space.contents() == before)
    }

    // MARK: A locked SQLite file

    @Test func aWriteLockHeldByAnotherProcessIsAnsweredBusyAndTheServerRecovers() async throws {
        let space = try Workspace()
        let server = try space.serve("sqlite:\(space.storePath)")
        defer { _ = server.stop() }
        #expect(try await server.request("POST", Self.submit, token: nil, body: #"{"marker":"before"}"#).status == 201)

        // Another process takes the write lock and holds it until told to let go.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            """
            import sqlite3, sys
            connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
            connection.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            sys.stdin.readline()
            connection.execute("ROLLBACK")
            print("released", flush=True)
            """,
            space.storePath,
        ]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        #expect(Self.line(from: output) == "locked")

        // Reads go on while the lock is held (WAL readers never wait for the writer).
        #expect(try await Self.markers(server) == ["before", "seed-1", "seed-2"])
        let clock = ContinuousClock()
        let started = clock.now
        let refused = try await server.request("POST", Self.submit, token: nil, body: #"{"marker":"while-locked"}"#)
        #expect(refused.status == 503)
        #expect(
            refused.body
                == #"{"error":{"message":"the store is busy: another process is holding its write lock; nothing was saved, try again in a moment","id":"store_busy"}}"#
        )
        #expect(started.duration(to: clock.now) >= .seconds(4.5), "the write waited for the busy timeout first")
        #expect(try await server.request("GET", "healthz", token: nil).status == 200)
        #expect(try await Self.markers(server) == ["before", "seed-1", "seed-2"])

        input.fileHandleForWriting.write(Data("\n".utf8))
        #expect(Self.line(from: output) == "released")
        holder.waitUntilExit()
        #expect(try await server.request("POST", Self.submit, token: nil, body: #"{"marker":"after"}"#).status == 201)
        #expect(try await Self.markers(server) == ["after", "before", "seed-1", "seed-2"])
    }

    /// The next line a process writes to `pipe`, without its line break; what came before the end
    /// of the stream when it ends first.
    static func line(from pipe: Pipe) -> String {
        var bytes: [UInt8] = []
        while true {
            let chunk = pipe.fileHandleForReading.readData(ofLength: 1)
            guard let byte = chunk.first, byte != UInt8(ascii: "\n") else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: A read-only SQLite store

    static let readOnlyAnswer =
        #"{"error":{"message":"the store is read-only: records can be read, but changes cannot be saved","id":"store_read_only"}}"#

    @Test func aStoreOpenedReadOnlyServesReadsAndRefusesEveryWrite() async throws {
        let space = try Workspace()
        #expect(try await space.run(["migrate", "app", "--store", "sqlite:\(space.storePath)"]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: space.storePath))
        let server = try space.serve("sqlite:\(space.storePath)?mode=ro")
        #expect(try await Self.markers(server) == ["seed-1", "seed-2"])
        let id = try #require(try await Self.ids(server).first)
        let submitted = try await server.request("POST", Self.submit, token: nil, body: #"{"marker":"refused"}"#)
        #expect(submitted.status == 503)
        #expect(submitted.body == Self.readOnlyAnswer)
        let patched = try await server.request("PATCH", "\(Self.records)/\(id)", token: Self.token, body: #"{"marker":"changed"}"#)
        #expect(patched.status == 503)
        #expect(patched.body == Self.readOnlyAnswer)
        let deleted = try await server.request("DELETE", "\(Self.records)/\(id)", token: Self.token)
        #expect(deleted.status == 503)
        #expect(try await server.request("GET", "healthz", token: nil).status == 200)
        #expect(try await Self.markers(server) == ["seed-1", "seed-2"])
        #expect(server.stop() == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: space.storePath)) == bytes, "the file was not written")
    }

    @Test func aReadOnlyStoreThatNeedsAMigrationRefusesToStart() async throws {
        let space = try Workspace()
        #expect(try await space.run(["migrate", "app", "--store", "sqlite:\(space.storePath)"]).status == 0)
        try space.write(Self.app.replacingOccurrences(of: "      body: { type: longtext }", with: "      body: { type: longtext }\n      tag: { type: text }"), to: "app/app.yaml")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: space.storePath))
        let output = try await space.run(["serve", "app", "--port", "0", "--store", "sqlite:\(space.storePath)?mode=ro"])
        #expect(output.status == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(
            output.standardError
                == "error: preparing app 'notes' in store 'sqlite:\(space.storePath)?mode=ro': store 'sqlite:\(space.storePath)?mode=ro' is read-only, "
                + "but app 'notes' needs 1 migration step first (add field 'tag' (text) to table 'notes'); "
                + "run 'formwright migrate' on the store opened for writing\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: space.storePath)) == bytes)
    }

    @Test func aMissingFileOpenedReadOnlyIsNotCreated() async throws {
        let space = try Workspace()
        let before = space.contents()
        let output = try await space.run(["serve", "app", "--port", "0", "--store", "sqlite:\(space.storePath)?mode=ro"])
        #expect(output.status == 1)
        #expect(output.standardError == "error: opening store 'sqlite:\(space.storePath)?mode=ro': no such file\n")
        #expect(space.contents() == before)
    }

    /// The operating system's own read-only file. Root may write any file whatever its mode, so
    /// this runs only for other users; `mode=ro` above covers the same answers for everyone.
    @Test(.enabled(if: getuid() != 0, "root ignores file modes"))
    func aReadOnlyFileIsServedReadOnly() async throws {
        let space = try Workspace()
        #expect(try await space.run(["migrate", "app", "--store", "sqlite:\(space.storePath)"]).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: space.storePath)
        let log = space.folder.appendingPathComponent("serve.log")
        let server = try space.serve("sqlite:\(space.storePath)", errorLog: log)
        defer { _ = server.stop() }
        #expect(try await Self.markers(server) == ["seed-1", "seed-2"])
        let submitted = try await server.request("POST", Self.submit, token: nil, body: #"{"marker":"refused"}"#)
        #expect(submitted.status == 503)
        #expect(submitted.body == Self.readOnlyAnswer)
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.contains("note: store 'sqlite:\(space.storePath)' cannot be written (the file is read-only); serving it read-only: writes are refused"))
    }

    // MARK: A full SQLite store

    static let fullAnswer =
        #"{"error":{"message":"the store is full: its disk has no space left or its size limit is reached; nothing was saved","id":"store_full"}}"#

    @Test func aFullStoreRefusesWritesWholeAndRecoversWhenThereIsRoom() async throws {
        let space = try Workspace()
        let body = String(repeating: "a long note to fill pages. ", count: 60)
        var server = try space.serve("sqlite:\(space.storePath)?max_size=100KiB", errorLog: space.folder.appendingPathComponent("serve.log"))
        var acknowledged = ["seed-1", "seed-2"]
        var refusal: (status: Int, body: String)?
        for index in 0..<300 {
            let answer = try await server.request("POST", Self.submit, token: nil, body: #"{"marker":"n\#(index)","body":"\#(body)"}"#)
            guard answer.status == 201 else {
                refusal = answer
                break
            }
            acknowledged.append("n\(index)")
        }
        let refused = try #require(refusal, "the store never filled up")
        #expect(refused.status == 507)
        #expect(refused.body == Self.fullAnswer)
        #expect(acknowledged.count > 10)
        // Nothing of the refused write is stored; reads and the server go on.
        #expect(try await Self.markers(server) == acknowledged.sorted())
        #expect(try await server.request("GET", "healthz", token: nil).status == 200)
        let again = try await server.request("POST", Self.submit, token: nil, body: #"{"marker":"still-full","body":"\#(body)"}"#)
        #expect(again.status == 507)
        #expect(try await Self.markers(server) == acknowledged.sorted())
        let log = try String(contentsOf: space.folder.appendingPathComponent("serve.log"), encoding: .utf8)
        #expect(log.contains("store_full: writing app 'notes' in store 'sqlite:\(space.storePath)?max_size=102400': the store is full:"))

        // Deleting records makes room again.
        let ids = try await Self.ids(server)
        for id in ids.prefix(10) { #expect(try await server.request("DELETE", "\(Self.records)/\(id)", token: Self.token).status == 204) }
        let afterDelete = try await server.request("POST", Self.submit, token: nil, body: #"{"marker":"after-delete","body":"\#(body)"}"#)
        #expect(afterDelete.status == 201)
        acknowledged = Array(acknowledged.dropFirst(10)) + ["after-delete"]
        #expect(try await Self.markers(server) == acknowledged.sorted())
        #expect(server.stop() == 0)

        // So does raising the cap.
        var filled = 0
        server = try space.serve("sqlite:\(space.storePath)?max_size=100KiB")
        while try await server.request("POST", Self.submit, token: nil, body: #"{"marker":"fill\#(filled)","body":"\#(body)"}"#).status == 201,
            filled < 300
        {
            filled += 1
        }
        #expect(server.stop() == 0)
        server = try space.serve("sqlite:\(space.storePath)?max_size=10MB")
        defer { _ = server.stop() }
        #expect(try await server.request("POST", Self.submit, token: nil, body: #"{"marker":"raised","body":"\#(body)"}"#).status == 201)
        #expect(try await Self.markers(server).contains("raised"))
    }
}
