public import FormwrightCore

/// The sentiment of a text: a score in [-1, 1], its label, and how many lexicon terms it rests on.
public struct SentimentResult: Sendable, Hashable {
    /// From -1 (most negative) through 0 (neutral or no evidence) to 1 (most positive).
    public var score: Double
    /// The score's label (see `SentimentLabel.init(score:)` for the thresholds).
    public var label: SentimentLabel
    /// The number of sentiment terms found; 0 means the text gave no evidence either way.
    public var terms: Int

    /// Creates a result.
    public init(score: Double, label: SentimentLabel, terms: Int) {
        self.score = score
        self.label = label
        self.terms = terms
    }

    /// The result as the `sentiment` kind's output: `{score, label, terms}`.
    public var value: Value {
        .map(ValueMap([(.string("score"), .double(score)), (.string("label"), .string(label.rawValue)), (.string("terms"), .int(Int64(terms)))]))
    }
}

/// A sentiment score's label.
public enum SentimentLabel: String, Sendable, Hashable, CaseIterable {
    case negative
    case neutral
    case positive

    /// The score at or above which a text is `positive`; at or below its negation, `negative`.
    public static let threshold = 0.05

    /// The label of a score: `positive` from 0.05, `negative` to -0.05, `neutral` between.
    public init(score: Double) {
        if score >= SentimentLabel.threshold {
            self = .positive
        } else if score <= -SentimentLabel.threshold {
            self = .negative
        } else {
            self = .neutral
        }
    }
}
