public import FormwrightCore

/// An integration of kind `http`: one outbound HTTP request per call.
///
/// The engine builds the request from the step's inputs (`input` in these expressions) and the
/// environment (`env`): the `url` with its `{{ }}` holes filled in, the `headers`, and the
/// `body` sent as JSON. It refuses to connect to a loopback, private or link-local address
/// (checked again after the host name resolves) unless `allowsPrivateAddresses` is set, does not
/// follow redirects, and gives up after `timeout`. A response with a status of 200–299 is mapped
/// by `output` into the step's outputs (`response` is the response there); any other status, a
/// refused address, a timeout or an output that does not have its declared type fails the
/// attempt, which the step's retry policy may repeat.
///
/// Values read from `env` are secrets: the engine never stores, logs or echoes them, so the
/// text of a URL whose holes read `env` is shown with those holes as written, never filled in.
public struct HTTPIntegration: Sendable {
    /// The address, with `{{ expr }}` holes, as written.
    public var url: ScalarSource
    /// Whether the address may be loopback, private or link-local (`allow_private: true`).
    public var allowsPrivateAddresses: Bool
    /// The request method.
    public var method: Located<HTTPMethod>
    /// The request headers in the order written; each value is text or an `=` expression giving text.
    public var headers: [(name: Located<String>, value: DataTemplate)]
    /// The request body, sent as JSON; nil for none.
    public var body: DataTemplate?
    /// The outputs, each computed from `response` (and `input`, `env`), in the order written.
    public var output: [(name: Located<String>, value: DataTemplate)]
    /// How long a call may take, from connecting to the end of the response.
    public var timeout: Located<TimeSpan>

    /// The timeout when none is written: 10 seconds.
    public static let defaultTimeout = TimeSpan(seconds: 10)
    /// The shortest timeout allowed: 100 milliseconds.
    public static let minimumTimeout = TimeSpan(seconds: 0, nanos: 100_000_000)
    /// The longest timeout allowed: 5 minutes.
    public static let maximumTimeout = TimeSpan(seconds: 300)

    /// Creates an http integration.
    public init(
        url: ScalarSource, allowsPrivateAddresses: Bool, method: Located<HTTPMethod>, headers: [(name: Located<String>, value: DataTemplate)],
        body: DataTemplate?, output: [(name: Located<String>, value: DataTemplate)], timeout: Located<TimeSpan>
    ) {
        self.url = url
        self.allowsPrivateAddresses = allowsPrivateAddresses
        self.method = method
        self.headers = headers
        self.body = body
        self.output = output
        self.timeout = timeout
    }
}

/// The method of an http integration's request. Without `method:` it is `GET`, or `POST` when there is a `body`.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case GET, POST, PUT, PATCH, DELETE
}
