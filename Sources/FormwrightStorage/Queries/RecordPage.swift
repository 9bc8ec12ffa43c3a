/// One page of a query's records.
public struct RecordPage: Sendable, Hashable {
    /// The records, in the query's order.
    public var records: [StoredRecord]
    /// An opaque, URL-safe cursor for the following page, or nil when this page is the last.
    public var next: String?

    /// Creates a page.
    ///
    /// - Parameters:
    ///   - records: the records, in order.
    ///   - next: the cursor for the following page, if there is one.
    public init(records: [StoredRecord], next: String?) {
        self.records = records
        self.next = next
    }
}
