/// The order of a query's records: one key, ascending or descending, ties broken by id in the
/// same direction.
///
/// Empty values (`null`) come first in ascending order and last in descending order.
public struct RecordSort: Sendable, Hashable {
    /// What to sort by.
    public enum Key: Sendable, Hashable {
        /// The record id alone.
        case id
        /// The time of insertion.
        case createdAt
        /// The time of the last write.
        case updatedAt
        /// A field of the table; not a text-list field.
        case field(String)
    }

    /// What to sort by.
    public var key: Key
    /// Whether the largest values come first.
    public var descending: Bool

    /// Creates an order.
    ///
    /// - Parameters:
    ///   - key: what to sort by.
    ///   - descending: whether the largest values come first.
    public init(key: Key, descending: Bool = false) {
        self.key = key
        self.descending = descending
    }

    /// Ascending by the field named `field`.
    public static func ascending(_ field: String) -> RecordSort { RecordSort(key: .field(field)) }

    /// Descending by the field named `field`.
    public static func descending(_ field: String) -> RecordSort { RecordSort(key: .field(field), descending: true) }

    /// Ascending by id: the order used when a query names none.
    public static let byID = RecordSort(key: .id)
}
