import Foundation

/// Finds the package's own folders (`schemas/`, `apps/`) from a test, wherever the checkout lives.
enum PackageRoot {
    /// Why the package root could not be found.
    struct NotFound: Error, CustomStringConvertible {
        /// The file the search started from.
        var start: String

        var description: String { "no Package.swift above '\(start)'" }
    }

    /// The folder holding `Package.swift`, found by walking up from this source file.
    static func url(from file: String = #filePath) throws -> URL {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        throw NotFound(start: file)
    }

    /// A file or folder of the package, by its path relative to the package root, e.g. `schemas/formwright-app.schema.json`.
    static func url(of relativePath: String) throws -> URL {
        try url().appendingPathComponent(relativePath)
    }
}
