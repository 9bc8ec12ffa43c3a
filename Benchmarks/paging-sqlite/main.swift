// The paging workload (Benchmarks/PagingWorkload) on SQLiteStorage, in a scratch file.
//
//     FORMWRIGHT_BENCHMARKS=1 swift build -c release --product SQLitePagingBenchmark --scratch-path .build-bench
//     .build-bench/release/SQLitePagingBenchmark [ROWS] [BATCH] [DEPTH]
import FormwrightSQLite
import Foundation
import PagingWorkload

let workload = PagingWorkload(arguments: Array(CommandLine.arguments.dropFirst()))
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paging-benchmark-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let store = try await SQLiteStorage(path: folder.appendingPathComponent("paging.sqlite").path)
try await workload.run(name: "SQLiteStorage", store: store, app: "paging")
try await store.close()
