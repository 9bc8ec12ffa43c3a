/// A zero-width condition on the position between two scalars (`^`, `$`, `\b` and their kin).
enum RegexAssertion: Sendable, Hashable {
    /// `\A`, or `^` without `(?m)`: the start of the text.
    case textStart
    /// `\z`, or `$` without `(?m)`: the end of the text.
    case textEnd
    /// `^` under `(?m)`: the start of the text or just after a newline.
    case lineStart
    /// `$` under `(?m)`: the end of the text or just before a newline.
    case lineEnd
    /// `\b`: an ASCII word character on exactly one side.
    case wordBoundary
    /// `\B`: not a word boundary.
    case notWordBoundary

    /// Whether the assertion holds between `previous` and `next` (`nil` past either end of the text).
    func holds(previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool {
        switch self {
        case .textStart: previous == nil
        case .textEnd: next == nil
        case .lineStart: previous == nil || previous == "\n"
        case .lineEnd: next == nil || next == "\n"
        case .wordBoundary: Self.isWord(previous) != Self.isWord(next)
        case .notWordBoundary: Self.isWord(previous) == Self.isWord(next)
        }
    }

    /// RE2's word characters: ASCII letters, digits and `_`.
    static func isWord(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        default: return false
        }
    }
}
