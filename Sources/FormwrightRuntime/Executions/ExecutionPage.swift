/// One page of workflow executions, newest first.
public struct ExecutionPage: Sendable, Hashable {
    /// The executions on this page.
    public var executions: [ExecutionView]
    /// An opaque, URL-safe cursor for the following page, or nil when this page is the last.
    public var next: String?
}
