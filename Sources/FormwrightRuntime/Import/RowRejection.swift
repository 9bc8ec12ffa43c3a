/// One problem with one imported row, or with the file as a whole (line 1 for the header).
public struct RowRejection: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line of the row.
    public var line: Int
    /// The field concerned, when there is one.
    public var field: String?
    /// What is wrong, for the person who wrote the row.
    public var message: String

    /// Creates a rejection.
    ///
    /// - Parameters:
    ///   - line: the row's line.
    ///   - field: the field concerned, or nil.
    ///   - message: what is wrong.
    public init(line: Int, field: String?, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    /// `4: field 'region': Please choose one of: east, west.` — put the file's name before it.
    public var description: String {
        "\(line): " + (field.map { "field '\($0)': " } ?? "") + message
    }

    /// The rejection as `FILE:LINE: field 'x': message`.
    public func located(in file: String) -> String {
        "\(file):\(description)"
    }
}
