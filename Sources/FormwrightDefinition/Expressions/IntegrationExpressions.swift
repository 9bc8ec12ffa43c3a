/// The compiled expressions of one integration.
///
/// Names there: `input` (the step's `with` values: a record of the declared inputs, or a map of
/// anything when none are declared), `env` (environment variables as a map of strings; reading one
/// that is not set is an evaluation error), and in `output` only, `response`: `status` (int),
/// `headers` (a map of strings, names in lower case) and `body` (the JSON body as `dyn`; text when
/// it is not JSON; null when empty).
public struct IntegrationExpressions: Sendable {
    /// The url of an http integration.
    public var url: CompiledURL?
    /// The request headers in order, each value giving text.
    public var headers: [(name: String, value: CompiledData)] = []
    /// The request body, sent as JSON.
    public var body: CompiledData?
    /// The outputs in order, each computed from the response.
    public var output: [(name: String, value: CompiledData)] = []

    /// Creates an empty set, as for a built-in kind.
    public init() {}
}
