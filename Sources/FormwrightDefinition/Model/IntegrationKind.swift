/// The kinds of integration, chosen by `kind:`.
public enum IntegrationKind: Sendable {
    /// `kind: http`: an outbound HTTP request built from the step's inputs, its response mapped to outputs.
    case http(HTTPIntegration)
    /// `kind: sentiment`: the built-in offline scorer. Input `text` (text); outputs `score` (a number
    /// from -1, most negative, to 1, most positive) and `label` (`negative` below -0.2, `positive`
    /// above 0.2, `neutral` otherwise). It needs no address and makes no network call.
    case sentiment

    /// The kind's name as written after `kind:`.
    public var name: String {
        switch self {
        case .http: "http"
        case .sentiment: "sentiment"
        }
    }

    /// The names `kind:` accepts.
    public static let names = ["http", "sentiment"]

    /// The fixed inputs of the sentiment scorer.
    public static let sentimentInputs: [(name: String, type: IntegrationValueType)] = [("text", .text)]
    /// The fixed outputs of the sentiment scorer.
    public static let sentimentOutputs: [(name: String, type: IntegrationValueType)] = [("score", .number), ("label", .text)]
}
