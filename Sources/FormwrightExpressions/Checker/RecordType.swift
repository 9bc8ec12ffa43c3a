/// A record type: a name and its fields, each with a type and optionally the largest size its values can have.
public struct RecordType: Sendable, Hashable {
    /// The record type's name, such as `conversations`.
    public var name: String
    /// The field types by field name; a field that may be empty has a `.nullable` type.
    public var fields: [String: ExpressionType]
    /// The largest size (elements or characters) of list, map and string fields, for cost estimates.
    public var maxSizes: [String: UInt64]

    /// Creates a record type.
    public init(name: String, fields: [String: ExpressionType], maxSizes: [String: UInt64] = [:]) {
        self.name = name
        self.fields = fields
        self.maxSizes = maxSizes
    }
}
