import FormwrightStorage
import Testing

@Suite struct StoreURLTests {
    @Test func parsesSQLiteAndMemory() throws {
        #expect(try StoreURL(parsing: "memory:") == .memory)
        #expect(try StoreURL(parsing: "sqlite:data.sqlite") == .sqlite(path: "data.sqlite"))
        #expect(try StoreURL(parsing: "sqlite:/var/lib/app/data.sqlite") == .sqlite(path: "/var/lib/app/data.sqlite"))
        #expect(try StoreURL(parsing: "sqlite:with space/ünï.sqlite").description == "sqlite:with space/ünï.sqlite")
        #expect(StoreURL.default.description == "sqlite:.formwright/data.sqlite")
    }

    @Test func resolvesRelativePaths() {
        #expect(StoreURL.default.filePath(relativeTo: "/home/ada/app") == "/home/ada/app/.formwright/data.sqlite")
        #expect(StoreURL.sqlite(path: "/abs.sqlite").filePath(relativeTo: "/home") == "/abs.sqlite")
        #expect(StoreURL.sqlite(path: "x.sqlite").filePath(relativeTo: "/") == "/x.sqlite")
        #expect(StoreURL.memory.filePath(relativeTo: "/home") == nil)
    }

    @Test(arguments: ["", "sqlite:", "sqlite://host/db", "memory:x", "mysql://x", "data.sqlite", "SQLITE:x", "sqlite:a\u{0}b"])
    func refusesBadURLs(_ text: String) {
        let error = #expect(throws: StorageError.self) { try StoreURL(parsing: text) }
        #expect(error?.code == .invalidStoreURL)
    }

    @Test func postgresIsRecognisedButNotYetSupported() {
        let error = #expect(throws: StorageError.self) { try StoreURL(parsing: "postgres://ada:s3cret@db:5432/crm") }
        #expect(error?.code == .unsupportedStore)
        #expect(error?.message.contains("not supported yet") == true)
        #expect(error?.message.contains("s3cret") == false)
    }
}
