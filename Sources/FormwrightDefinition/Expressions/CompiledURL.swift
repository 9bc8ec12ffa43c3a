public import FormwrightExpressions

/// An http integration's url, compiled: text pieces and `{{ }}` holes.
///
/// The engine fills in each hole with its value as text (percent-encoding nothing: a hole that
/// must be one path segment should encode its value itself). When it shows the url in a log or an
/// error, it writes every secret hole as written (`{{ env.SENTIMENT_URL }}`), never its value.
public struct CompiledURL: Sendable {
    /// One piece of the url.
    public enum Piece: Sendable {
        /// Text written out.
        case text(String)
        /// A hole: its program, its text as written, and whether it reads `env` (a secret).
        case hole(Program, written: String, isSecret: Bool)
    }

    /// The pieces in order.
    public var pieces: [Piece]

    /// Creates a compiled url.
    public init(pieces: [Piece]) {
        self.pieces = pieces
    }

    /// Whether any hole reads `env`, so the filled-in url must never be shown.
    public var holdsSecret: Bool {
        pieces.contains { if case .hole(_, _, true) = $0 { true } else { false } }
    }

    /// The url as it may be shown: text pieces as they are, secret holes as written.
    public func redacted(filling holes: (Program) -> String?) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .hole(let program, let written, let isSecret): isSecret ? written : holes(program) ?? written
            }
        }.joined()
    }
}
