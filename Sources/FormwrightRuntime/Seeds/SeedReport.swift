public import FormwrightStorage

/// What loading an app's seed data did.
public struct SeedReport: Sendable, Hashable {
    /// The files loaded now, one per table.
    public var loaded: [SeedLoad]
    /// Tables whose file was not loaded now, and why (`already loaded`, `the table already holds records`).
    public var skipped: [String: String]

    /// Creates a report.
    public init(loaded: [SeedLoad] = [], skipped: [String: String] = [:]) {
        self.loaded = loaded
        self.skipped = skipped
    }
}

/// Seed data refused: a file could not be read, or a row failed its checks. Nothing of that file
/// was written.
public struct SeedRejected: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem, each as `data/customers.csv:4: field 'region': Please choose one of: …`.
    public var problems: [String]

    /// Creates a refusal.
    public init(_ problems: [String]) {
        self.problems = problems
    }

    /// The problems, one a line.
    public var description: String { problems.joined(separator: "\n") }
}
