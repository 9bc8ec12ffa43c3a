public import FormwrightCore

/// What starts a run of a workflow (`on:`).
///
/// Only record triggers exist in this version; schedules, inbound webhooks and manual actions
/// are further cases of this enum.
public enum WorkflowTrigger: Sendable {
    /// A record of a table was created, updated or deleted.
    case record(RecordTrigger)

    /// Where the trigger was written.
    public var range: SourceRange {
        switch self {
        case .record(let trigger): trigger.range
        }
    }
}

/// A change to a record that starts a run: `{ created: T }`, `{ updated: T, when: "…" }` or `{ deleted: T }`.
///
/// `record` is the record after the change (as it was, for `deleted`); on `updated`, `old` is the
/// record before it. A run starts only when `when` gives true. An update that changes nothing
/// starts no run.
public struct RecordTrigger: Sendable {
    /// The kinds of change.
    public enum Change: String, Sendable, Hashable, CaseIterable {
        case created, updated, deleted
    }

    /// The change that starts a run.
    public var change: Change
    /// The table whose records are watched.
    public var table: Located<String>
    /// A condition the change must meet; nil for every change.
    public var condition: ExpressionSource?
    /// Where the trigger was written.
    public var range: SourceRange

    /// Creates a record trigger.
    public init(change: Change, table: Located<String>, condition: ExpressionSource?, range: SourceRange) {
        self.change = change
        self.table = table
        self.condition = condition
        self.range = range
    }
}
