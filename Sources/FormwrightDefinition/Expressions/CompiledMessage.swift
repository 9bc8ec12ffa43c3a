public import FormwrightExpressions

/// A message with `{{ expr }}` holes, compiled: per translation, its text pieces and hole programs.
public struct CompiledMessage: Sendable {
    /// One piece of a translation.
    public enum Piece: Sendable {
        /// Text shown as written.
        case text(String)
        /// A hole: the program computing its text, and the hole as written (shown when it cannot be computed).
        case hole(Program, written: String)
    }

    /// The pieces of each translation, by locale (`""` for a message that is one string).
    public var translations: [(locale: String, pieces: [Piece])]

    /// Creates a compiled message.
    public init(translations: [(locale: String, pieces: [Piece])]) {
        self.translations = translations
    }

    /// Whether any translation has a hole.
    public var hasHoles: Bool {
        translations.contains { $0.pieces.contains { if case .hole = $0 { true } else { false } } }
    }
}
