/// One record of a CSV file: its cells and the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based line the record starts on (a quoted cell may run over several lines).
    public var line: Int
    /// The cells, unquoted.
    public var cells: [String]

    /// Creates a record.
    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }
}

/// Why a CSV file cannot be read, and where.
public struct CSVSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line of the problem.
    public var line: Int
    /// What is wrong, in plain words.
    public var message: String

    /// Creates an error.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}
