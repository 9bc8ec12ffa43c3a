/// What an import did: how many records it wrote and every row it refused.
public struct ImportReport: Sendable, Hashable {
    /// How many records were written.
    public var created: Int
    /// Every problem found, in line order; empty when every row was written.
    public var rejections: [RowRejection]

    /// Creates a report.
    public init(created: Int, rejections: [RowRejection]) {
        self.created = created
        self.rejections = rejections
    }

    /// Whether every row was written.
    public var isComplete: Bool { rejections.isEmpty }
}

/// An import refused as a whole (all or nothing): nothing was written.
public struct ImportRejected: Error, Sendable, Hashable {
    /// Every problem found, in line order.
    public var rejections: [RowRejection]

    /// Creates a refusal.
    public init(_ rejections: [RowRejection]) {
        self.rejections = rejections
    }
}
