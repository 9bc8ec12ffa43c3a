/// A set of Unicode general categories, as named by `\p{…}` classes (`L`, `Lu`, `Nd`, …).
///
/// General categories partition every scalar, so the complement of a set (`\PL`) is again a
/// set of categories — which lets a character class hold negated Unicode classes as a union.
struct GeneralCategorySet: Sendable, Hashable {
    /// One bit per category, in the order of `Self.all`.
    private(set) var bits: UInt32

    /// The empty set.
    static let none = GeneralCategorySet(bits: 0)

    /// Every category, with its two-letter abbreviation, in bit order.
    private static let all: [(name: String, category: Unicode.GeneralCategory)] = [
        ("Lu", .uppercaseLetter), ("Ll", .lowercaseLetter), ("Lt", .titlecaseLetter), ("Lm", .modifierLetter),
        ("Lo", .otherLetter), ("Mn", .nonspacingMark), ("Mc", .spacingMark), ("Me", .enclosingMark),
        ("Nd", .decimalNumber), ("Nl", .letterNumber), ("No", .otherNumber), ("Pc", .connectorPunctuation),
        ("Pd", .dashPunctuation), ("Ps", .openPunctuation), ("Pe", .closePunctuation), ("Pi", .initialPunctuation),
        ("Pf", .finalPunctuation), ("Po", .otherPunctuation), ("Sm", .mathSymbol), ("Sc", .currencySymbol),
        ("Sk", .modifierSymbol), ("So", .otherSymbol), ("Zs", .spaceSeparator), ("Zl", .lineSeparator),
        ("Zp", .paragraphSeparator), ("Cc", .control), ("Cf", .format), ("Cs", .surrogate), ("Co", .privateUse),
        ("Cn", .unassigned),
    ]

    private static let everyBit: UInt32 = (1 << 30) - 1

    /// The set named `name` in a `\p{…}` class: a category (`Lu`), a major class (`L`) or `Any`.
    init?(named name: String) {
        if name == "Any" {
            bits = Self.everyBit
            return
        }
        var bits: UInt32 = 0
        // A one-letter major class is every category starting with it; as in RE2, `C` leaves out `Cn`.
        for (index, entry) in Self.all.enumerated()
        where entry.name == name || (name.count == 1 && entry.name.hasPrefix(name) && entry.name != "Cn") {
            bits |= 1 << UInt32(index)
        }
        guard bits != 0 else { return nil }
        self.bits = bits
    }

    private init(bits: UInt32) {
        self.bits = bits
    }

    /// Every category not in this set.
    var complement: GeneralCategorySet { GeneralCategorySet(bits: ~bits & Self.everyBit) }

    /// Whether no category is in the set.
    var isEmpty: Bool { bits == 0 }

    /// The categories in either set.
    func union(_ other: GeneralCategorySet) -> GeneralCategorySet { GeneralCategorySet(bits: bits | other.bits) }

    /// For `(?i)`: a set holding any of the cased-letter categories (`Lu`, `Ll`, `Lt`) holds all three,
    /// so `(?i)\p{Lu}` also matches lower-case letters.
    var caseFolded: GeneralCategorySet {
        let cased: UInt32 = 0b111
        return bits & cased == 0 ? self : GeneralCategorySet(bits: bits | cased)
    }

    /// Whether the scalar's general category is in the set.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        guard bits != 0 else { return false }
        return bits & (1 << Self.bitIndex(scalar.properties.generalCategory)) != 0
    }

    private static func bitIndex(_ category: Unicode.GeneralCategory) -> UInt32 {
        switch category {
        case .uppercaseLetter: 0
        case .lowercaseLetter: 1
        case .titlecaseLetter: 2
        case .modifierLetter: 3
        case .otherLetter: 4
        case .nonspacingMark: 5
        case .spacingMark: 6
        case .enclosingMark: 7
        case .decimalNumber: 8
        case .letterNumber: 9
        case .otherNumber: 10
        case .connectorPunctuation: 11
        case .dashPunctuation: 12
        case .openPunctuation: 13
        case .closePunctuation: 14
        case .initialPunctuation: 15
        case .finalPunctuation: 16
        case .otherPunctuation: 17
        case .mathSymbol: 18
        case .currencySymbol: 19
        case .modifierSymbol: 20
        case .otherSymbol: 21
        case .spaceSeparator: 22
        case .lineSeparator: 23
        case .paragraphSeparator: 24
        case .control: 25
        case .format: 26
        case .surrogate: 27
        case .privateUse: 28
        case .unassigned: 29
        @unknown default: 29
        }
    }
}
