extension ScalarSet {
    /// The ASCII ranges of a Perl class letter (`d`, `s`, `w`, upper case for the complement), as RE2 defines them.
    static func perlClass(_ letter: Unicode.Scalar) -> (ranges: [ClosedRange<UInt32>], negated: Bool)? {
        switch letter {
        case "d", "D": (digits, letter == "D")
        case "s", "S": ([0x09...0x0A, 0x0C...0x0D, 0x20...0x20], letter == "S")
        case "w", "W": (word, letter == "W")
        default: nil
        }
    }

    /// The ASCII ranges of a POSIX class such as `alpha` in `[[:alpha:]]`.
    static func posixClass(_ name: String) -> [ClosedRange<UInt32>]? {
        switch name {
        case "alnum": digits + upper + lower
        case "alpha": upper + lower
        case "ascii": [0x00...0x7F]
        case "blank": [0x09...0x09, 0x20...0x20]
        case "cntrl": [0x00...0x1F, 0x7F...0x7F]
        case "digit": digits
        case "graph": [0x21...0x7E]
        case "lower": lower
        case "print": [0x20...0x7E]
        case "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E]
        case "space": [0x09...0x0D, 0x20...0x20]
        case "upper": upper
        case "word": word
        case "xdigit": digits + [0x41...0x46, 0x61...0x66]
        default: nil
        }
    }

    private static let digits: [ClosedRange<UInt32>] = [0x30...0x39]
    private static let upper: [ClosedRange<UInt32>] = [0x41...0x5A]
    private static let lower: [ClosedRange<UInt32>] = [0x61...0x7A]
    private static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
}
