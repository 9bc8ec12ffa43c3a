import Foundation
import Testing

@testable import FormwrightRuntime

@Suite struct SentimentScorerTests {
    let scorer = SentimentScorer()

    func label(_ text: String) -> SentimentLabel { scorer.score(text).label }

    @Test(arguments: [
        "The service was great and I love the new dashboard.", "Thanks, excellent support!", "Very happy with the renewal.",
        "服务很好，非常满意", "感谢你们的耐心，推荐给朋友", "产品不错", "I'd recommend it 👍", "这个方案很棒!",
    ])
    func positiveTexts(text: String) {
        #expect(label(text) == .positive, "\(text): \(scorer.score(text))")
    }

    @Test(arguments: [
        "The app is slow and too expensive.", "I want to cancel and get a refund.", "Terrible experience, very disappointed.",
        "太贵了，而且很慢", "我要投诉，还要退款", "质量太差，很失望", "客户很生气，准备取消合同", "It crashed again 😡",
    ])
    func negativeTexts(text: String) {
        #expect(label(text) == .negative, "\(text): \(scorer.score(text))")
    }

    @Test(arguments: [
        "We met on Tuesday to review the contract.", "The meeting is at 3pm.", "我们周二开会讨论合同", "你好，我想问一下合同的事", "", "   ", "...!!!", "，。！？", "1234 5678",
        "🙈🚀",
    ])
    func neutralTexts(text: String) {
        let result = scorer.score(text)
        #expect(result.label == .neutral, "\(text): \(result)")
        #expect(result.score == 0)
        #expect(result.terms == 0)
    }

    @Test func emptyTextIsZeroAndNeutral() {
        #expect(scorer.score("") == SentimentResult(score: 0, label: .neutral, terms: 0))
    }

    @Test func negationFlipsTheNextTerms() {
        #expect(label("good") == .positive)
        #expect(label("not good") == .negative)
        #expect(label("not very good") == .negative)
        #expect(label("This is not bad at all") == .positive)
        #expect(label("I don't like it") == .negative)
        #expect(label("I don’t like it") == .negative)
        #expect(label("we never had a problem") == .positive)
        #expect(label("No problems so far.") == .positive)
        // Three words on, or past a comma, a negator no longer reaches.
        #expect(label("not that it matters much, good") == .positive)
        #expect(label("not one of the good ones") == .positive)
        // "good" weighs 1.9; negated, -0.8 × 1.9 = -1.52, normalised by sqrt(s² + 15).
        #expect(abs(scorer.score("not good").score - -1.52 / (1.52 * 1.52 + 15).squareRoot()) < 1e-12)
    }

    @Test func chineseNegationFlipsTheNextTerm() {
        #expect(label("满意") == .positive)
        #expect(label("不满意") == .negative)
        #expect(label("不太满意") == .negative)
        #expect(label("不好") == .negative)
        #expect(label("没有问题") == .positive)
        #expect(label("别担心") == .positive)
        #expect(label("不贵") == .positive)
        #expect(label("不好意思，我迟到了") == .neutral)
    }

    @Test func intensifiersStrengthen() {
        let plain = scorer.score("good").score
        #expect(scorer.score("very good").score > plain)
        #expect(scorer.score("extremely good").score > scorer.score("very good").score)
        #expect(scorer.score("slightly good").score < plain)
        #expect(scorer.score("非常满意").score > scorer.score("满意").score)
        #expect(scorer.score("特别贵").score < scorer.score("贵").score)
    }

    @Test func theClauseAfterButWeighsMore() {
        #expect(label("The product is great, but support is slow and rude") == .negative)
        #expect(label("Support was slow, but the product is great") == .positive)
        #expect(label("产品很好，但是价格太贵，服务也慢") == .negative)
        #expect(label("价格有点贵，不过质量很好") == .positive)
    }

    @Test func exclamationsAmplify() {
        #expect(scorer.score("great!").score > scorer.score("great").score)
        #expect(scorer.score("great!!!").score > scorer.score("great!").score)
        #expect(scorer.score("great!!!!!!").score == scorer.score("great!!!").score)
        #expect(scorer.score("awful!").score < scorer.score("awful").score)
    }

    @Test func mixedLanguagesCountBoth() {
        let result = scorer.score("The demo was excellent 但是价格太贵，客户要退款")
        #expect(result.terms == 3)
        #expect(result.label == .negative)
        #expect(label("感谢 for the quick help, 非常满意") == .positive)
    }

    @Test func scoresStayWithinBoundsAndAreDeterministic() {
        let long = String(repeating: "great excellent love ", count: 2000)
        let result = scorer.score(long)
        #expect(result.score > 0.99 && result.score <= 1)
        #expect(scorer.score(String(repeating: "terrible 差 ", count: 2000)).score >= -1)
        #expect(scorer.score(long) == result)
    }

    @Test func readsWordsByTheirLetters() {
        #expect(label("GREAT") == .positive)
        #expect(label("Great,") == .positive)
        #expect(label("greatness") == .neutral)
        #expect(label("café") == .neutral)
        #expect(label("the customers' feedback was positive") == .positive)
        #expect(label(String(repeating: "a", count: 40) + " good") == .positive)
        #expect(label("❤️") == .positive)
    }

    @Test func veryLongTextIsReadInBoundedTime() {
        let megabyte = String(repeating: "The onboarding was slow but the team was helpful. 服务很好但是太贵。 ", count: 12_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = scorer.score(megabyte) }
        // A bound against work that grows faster than the text, loose enough for a debug build on a busy machine.
        #expect(elapsed < .seconds(15))
        // Only the first 100,000 scalars count: a text twice as long gives the same score.
        #expect(scorer.score(megabyte + megabyte) == scorer.score(megabyte))
    }

    @Test func theLexiconReadsEveryEntry() {
        for table in [
            SentimentLexicon.englishTerms, SentimentLexicon.englishIntensifiers, SentimentLexicon.chineseTerms,
            SentimentLexicon.chineseIntensifiers, SentimentLexicon.symbolTerms,
        ] {
            let items = table.split(whereSeparator: { $0 == "," || $0 == "\n" }).filter { !$0.allSatisfy(\.isWhitespace) }
            #expect(SentimentLexicon.parse(table).count == items.count)
        }
        let english = SentimentLexicon.parse(SentimentLexicon.englishTerms).map(\.text) + SentimentLexicon.words(SentimentLexicon.englishNegators)
        #expect(english.allSatisfy { LexiconKey(ascii: $0) != nil })
        #expect(english.count >= 300)
        let chinese = SentimentLexicon.parse(SentimentLexicon.chineseTerms).map(\.text) + SentimentLexicon.words(SentimentLexicon.chineseNegators)
        #expect(chinese.allSatisfy { LexiconKey(chinese: $0) != nil && $0.unicodeScalars.count <= SentimentLexicon.longestChinese })
        #expect(SentimentLexicon.standard.symbols.count == SentimentLexicon.parse(SentimentLexicon.symbolTerms).count)
    }

    @Test func theOutputValueCarriesScoreLabelAndTerms() {
        let result = scorer.score("great")
        #expect(
            result.value
                == .map(.init([(.string("score"), .double(result.score)), (.string("label"), .string("positive")), (.string("terms"), .int(1))])))
    }

    @Test func labelsFollowTheThresholds() {
        #expect(SentimentLabel(score: 0.05) == .positive)
        #expect(SentimentLabel(score: 0.049) == .neutral)
        #expect(SentimentLabel(score: -0.049) == .neutral)
        #expect(SentimentLabel(score: -0.05) == .negative)
    }
}
