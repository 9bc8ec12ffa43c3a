import Foundation

/// What the files under some paths look like on disk — names, sizes and modification times — so a
/// change can be noticed by comparing two fingerprints, without reading any file.
///
/// Hidden entries (names starting with `.`, such as a `.formwright` store folder) are skipped,
/// and at most ``maximumEntries`` files are looked at, so a huge folder costs a bounded amount.
struct FolderFingerprint: Equatable, Sendable {
    /// The most files one fingerprint takes into account.
    static let maximumEntries = 10_000

    private var entries: [String: Entry]

    private struct Entry: Equatable, Sendable {
        var size: UInt64
        var modified: Double
    }

    /// The fingerprint of several paths now, each a file, or a folder and everything visible inside it.
    init(paths: [String]) {
        entries = [:]
        for path in paths { add(path) }
    }

    private mutating func add(_ path: String) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            record(path, manager)
            return
        }
        guard let walker = manager.enumerator(atPath: path) else { return }
        while entries.count < Self.maximumEntries, let relative = walker.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            record((path as NSString).appendingPathComponent(relative), manager)
        }
    }

    private mutating func record(_ file: String, _ manager: FileManager) {
        guard let attributes = try? manager.attributesOfItem(atPath: file), attributes[.type] as? FileAttributeType == .typeRegular else {
            return
        }
        let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        entries[file] = Entry(size: size, modified: modified)
    }
}
