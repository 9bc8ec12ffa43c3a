/// The built-in `sentiment` kind: an offline, lexicon-based sentiment scorer for English and
/// Chinese text, meant as a baseline rather than a model.
///
/// ```swift
/// let result = SentimentScorer().score("The app is great, but support was slow.")
/// result.label    // .negative: the clause after "but" weighs more
/// ```
///
/// How it reads a text, in one pass over its Unicode scalars:
/// - English words (ASCII letters and inner apostrophes, lower-cased) are looked up whole;
///   Chinese text, which has no spaces, is matched longest entry first over its characters
///   (up to 6); a small set of emoji counts too. Mixed text works: each script is read as it comes.
/// - A negator (`not`, `never`, `don't`, …; 不, 没, 没有, 别, …) flips the sign of a term
///   among the next 3 words or characters, at 0.8 of its weight ("not good" is less negative
///   than "bad").
/// - An intensifier (`very` 1.3, `extremely` 1.6, `slightly` 0.6; 很 1.3, 非常 1.5, 太 1.4, 特别 1.5)
///   multiplies the next term within 2 words or characters (products capped at 2).
/// - `but`/`however` (但是, 可是, 不过, …) halves what came before it in the sentence and
///   weighs what follows by 1.5.
/// - A sentence ending in `!` weighs 1.15 per exclamation mark, at most three.
/// - Commas and the like end a negation's or intensifier's reach; sentence ends also end a `but`.
///
/// The sum `s` of the weighted terms is normalised to `s / sqrt(s² + 15)` (α = 15, as VADER
/// does): one "good" (1.9) scores 0.44, one "excellent" (3.2) 0.64. Labels: `positive` from
/// 0.05, `negative` to -0.05, `neutral` between (`SentimentLabel`). Only the first 100,000
/// Unicode scalars are read, so time is bounded whatever the input.
///
/// Limits, as for any lexicon method: no sarcasm, no sense of domain beyond the lexicon, no
/// negation further than three words, no languages but English and Chinese.
public struct SentimentScorer: Sendable {
    /// The normalisation constant α in `s / sqrt(s² + α)`.
    public static let alpha = 15.0
    /// The most Unicode scalars read from one text.
    public static let maximumScalars = 100_000
    /// The factor a negated term's weight is multiplied by.
    public static let negationFactor = -0.8

    let lexicon: SentimentLexicon

    /// Creates a scorer over the built-in English and Chinese lexicon.
    public init() {
        lexicon = .standard
    }

    /// The sentiment of a text.
    public func score(_ text: String) -> SentimentResult {
        var scan = SentimentScan(lexicon: lexicon)
        var read = 0
        for scalar in text.unicodeScalars {
            read += 1
            if read > SentimentScorer.maximumScalars { break }
            scan.read(scalar)
        }
        scan.finish()
        let sum = scan.total
        let score = sum == 0 ? 0 : sum / (sum * sum + SentimentScorer.alpha).squareRoot()
        return SentimentResult(score: score, label: SentimentLabel(score: score), terms: scan.terms)
    }
}
