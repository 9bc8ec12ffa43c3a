// Temporary: replaced by FormwrightCore.LinearRegex at merge.
import Foundation

/// A stand-in for the linear-time regex engine, with the same API, backed by NSRegularExpression.
struct LinearRegex: Sendable {
    let expression: NSRegularExpression?

    init(_ pattern: String) throws(RegexSyntaxError) {
        guard !pattern.isEmpty else {
            expression = nil
            return
        }
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            throw RegexSyntaxError(message: "invalid pattern", offset: 0)
        }
    }

    func firstMatch(in text: String) -> Bool {
        guard let expression else { return true }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    func wholeMatch(_ text: String) -> Bool {
        guard let expression else { return text.isEmpty }
        guard let match = expression.firstMatch(in: text, options: [.anchored], range: NSRange(text.startIndex..., in: text)) else {
            return false
        }
        return match.range.length == (text as NSString).length
    }
}

/// A stand-in for the regex engine's syntax error.
struct RegexSyntaxError: Error {
    var message: String
    var offset: Int
}
