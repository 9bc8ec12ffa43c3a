// Measures the built-in sentiment scorer: microseconds per KB of English and of Chinese text,
// against the floor of one plain pass over the same text's Unicode scalars (counting letters),
// median of repeated rounds each. Prints times and the ratio.
import FormwrightRuntime
import Foundation

/// Repeats the sentences until the text holds at least 1024 UTF-8 bytes.
func kilobyte(of sentences: [String]) -> String {
    var text = ""
    var index = 0
    while text.utf8.count < 1024 {
        text += sentences[index % sentences.count] + " "
        index += 1
    }
    return text
}

let english = kilobyte(of: [
    "The onboarding call went well and the team was really helpful.",
    "However the new dashboard is slow, and the price feels too expensive for a pod of five.",
    "They are not happy about the delayed invoice, but they love the forecast view!",
    "If the outage happens again they will cancel and ask for a refund.",
])
let chinese = kilobyte(of: [
    "客户对培训很满意，觉得团队非常专业。",
    "但是新系统有点慢，价格也太贵了。",
    "他们不太满意发票延迟，不过很喜欢预测功能！",
    "如果再出问题，他们会取消合同并要求退款。",
])

func scalarFloor(_ text: String) -> Int {
    var letters = 0
    for scalar in text.unicodeScalars where scalar.value > 0x40 { letters &+= 1 }
    return letters
}

func median(rounds: Int, iterations: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var perIteration: [Double] = []
    for _ in 0..<rounds {
        let elapsed = clock.measure { for _ in 0..<iterations { body() } }
        let (seconds, attoseconds) = elapsed.components
        perIteration.append((Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / Double(iterations))
    }
    return perIteration.sorted()[rounds / 2]
}

let scorer = SentimentScorer()
let iterations = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 2000
var sink = 0.0
for (name, text) in [("English", english), ("Chinese", chinese)] {
    let kilobytes = Double(text.utf8.count) / 1024
    let score = median(rounds: 15, iterations: iterations) { sink += scorer.score(text).score } / kilobytes
    let floor = median(rounds: 15, iterations: iterations) { sink += Double(scalarFloor(text)) } / kilobytes
    let result = scorer.score(text)
    print(
        "\(name) (\(text.utf8.count) bytes, \(result.label.rawValue) \(String(format: "%.3f", result.score)), \(result.terms) terms): "
            + "score \(String(format: "%.2f", score)) µs/KB, scalar pass alone \(String(format: "%.2f", floor)) µs/KB, "
            + "ratio \(String(format: "%.1f", score / floor))×  [\(sink > 0 ? 1 : 0)]")
}
