// The paging workload (Benchmarks/PagingWorkload) on PostgresStorage, in a scratch app dropped at the end.
//
//     FORMWRIGHT_BENCHMARKS=1 swift build -c release --product PostgresPagingBenchmark --scratch-path .build-bench
//     FORMWRIGHT_POSTGRES_URL=postgres://user:password@127.0.0.1:5432/db .build-bench/release/PostgresPagingBenchmark [ROWS] [BATCH] [DEPTH]
import FormwrightPostgres
import FormwrightStorage
import Foundation
import PagingWorkload

guard let url = ProcessInfo.processInfo.environment["FORMWRIGHT_POSTGRES_URL"] else {
    print("set FORMWRIGHT_POSTGRES_URL to postgres://user:password@host:port/database")
    exit(2)
}
let workload = PagingWorkload(arguments: Array(CommandLine.arguments.dropFirst()))
let store = try await PostgresStorage(configuration: PostgresStorage.Configuration(address: try PostgresAddress(parsing: url)))
let app = "paging-\(UUID().uuidString.lowercased().prefix(8))"
do {
    try await workload.run(name: "PostgresStorage", store: store, app: app)
} catch {
    print("PostgresStorage: \(error)")
}
try await store.drop(app: app)
try await store.close()
