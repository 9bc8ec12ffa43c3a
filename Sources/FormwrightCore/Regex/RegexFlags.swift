/// The flags a pattern sets with `(?imsU)` or `(?imsU:…)`, in force from there to the end of the group.
struct RegexFlags: Sendable, Hashable {
    /// `i`: letters match regardless of case (simple case folding).
    var caseInsensitive = false
    /// `m`: `^` and `$` also match at line boundaries.
    var multiLine = false
    /// `s`: `.` also matches a newline.
    var dotMatchesNewline = false
    /// `U`: swaps greedy and lazy repetition; parsed for compatibility, it cannot change whether a text matches.
    var ungreedy = false

    /// Sets or clears the flag named by `letter`; `false` when the letter names no flag.
    mutating func set(_ letter: Unicode.Scalar, to value: Bool) -> Bool {
        switch letter {
        case "i": caseInsensitive = value
        case "m": multiLine = value
        case "s": dotMatchesNewline = value
        case "U": ungreedy = value
        default: return false
        }
        return true
    }
}
