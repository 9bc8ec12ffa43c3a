public import FormwrightCore

/// One record to import: where it came from, its id if given, and its values as text.
public struct ImportRow: Sendable, Hashable {
    /// The 1-based line of the file the row starts on, for messages.
    public var line: Int
    /// The record's id, when the file gives one (so links from other rows resolve); nil for a new one.
    public var id: String?
    /// The values by field name, as an HTML form would send them: text, or a list of texts for a
    /// multiple choice; empty text leaves the field empty.
    public var values: [String: Value]

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - line: the line it starts on.
    ///   - id: the record's id, or nil.
    ///   - values: the values by field name.
    public init(line: Int, id: String?, values: [String: Value]) {
        self.line = line
        self.id = id
        self.values = values
    }
}
