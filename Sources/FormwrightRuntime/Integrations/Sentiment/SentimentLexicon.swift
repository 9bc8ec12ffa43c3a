/// The words, Chinese terms and symbols the sentiment scorer knows, with what each one does.
///
/// Entries are looked up by a packed key (`LexiconKey`), so scoring builds no strings. English
/// words are lower-case ASCII of at most 16 bytes; Chinese terms at most 6 characters; symbols
/// one Unicode scalar.
struct SentimentLexicon: Sendable {
    /// What an entry does.
    enum Role: Sendable, Hashable {
        /// Adds its weight (positive or negative; 0 for a phrase that only blocks a shorter match).
        case term(Double)
        /// Flips the sign of the next term in its scope.
        case negator
        /// Multiplies the next term's weight.
        case intensifier(Double)
        /// `but`: what came before in the sentence counts less, what follows more.
        case contrast
    }

    /// The longest Chinese entry the key holds, in characters.
    static let longestChinese = 6

    let english: [LexiconKey: Role]
    let chinese: [LexiconKey: Role]
    let symbols: [UInt32: Role]
    /// For each character that starts a Chinese entry, the length of the longest such entry:
    /// most characters start none, and are passed over without a lookup.
    let chineseLongestFrom: [UInt32: Int]

    init(english: [LexiconKey: Role], chinese: [LexiconKey: Role], chineseTexts: [String], symbols: [UInt32: Role]) {
        self.english = english
        self.chinese = chinese
        self.symbols = symbols
        var longest: [UInt32: Int] = [:]
        for text in chineseTexts {
            guard let first = text.unicodeScalars.first?.value else { continue }
            longest[first] = max(longest[first] ?? 0, text.unicodeScalars.count)
        }
        chineseLongestFrom = longest
    }

    /// The built-in lexicon.
    static let standard = SentimentLexicon(
        english: entries(englishTerms, englishNegators, englishIntensifiers, englishContrasts, key: LexiconKey.init(ascii:)),
        chinese: entries(chineseTerms, chineseNegators, chineseIntensifiers, chineseContrasts, key: LexiconKey.init(chinese:)),
        chineseTexts: (parse(chineseTerms) + parse(chineseIntensifiers)).map(\.text) + words(chineseNegators) + words(chineseContrasts),
        symbols: Dictionary(
            parse(symbolTerms).compactMap { entry in
                entry.text.unicodeScalars.count == 1 ? entry.text.unicodeScalars.first.map { ($0.value, Role.term(entry.weight)) } : nil
            }, uniquingKeysWith: { first, _ in first })
    )

    static func entries(
        _ terms: String, _ negators: String, _ intensifiers: String, _ contrasts: String, key: (String) -> LexiconKey?
    ) -> [LexiconKey: Role] {
        var table: [LexiconKey: Role] = [:]
        for entry in parse(terms) { if let key = key(entry.text) { table[key] = .term(entry.weight) } }
        for entry in parse(intensifiers) { if let key = key(entry.text) { table[key] = .intensifier(entry.weight) } }
        for word in words(negators) { if let key = key(word) { table[key] = .negator } }
        for word in words(contrasts) { if let key = key(word) { table[key] = .contrast } }
        return table
    }

    /// Reads `text weight` entries separated by commas or new lines.
    static func parse(_ table: String) -> [(text: String, weight: Double)] {
        table.split(whereSeparator: { $0 == "," || $0 == "\n" }).compactMap { item in
            let parts = item.split(separator: " ")
            guard parts.count == 2, let weight = Double(parts[1]) else { return nil }
            return (String(parts[0]), weight)
        }
    }

    /// Reads words separated by spaces, commas or new lines.
    static func words(_ table: String) -> [String] {
        table.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).map(String.init)
    }
}

/// A lexicon entry's text packed into 128 bits: up to 16 ASCII bytes, or up to 6 scalars of 21 bits.
struct LexiconKey: Hashable, Sendable {
    var high: UInt64 = 0
    var low: UInt64 = 0
    var count = 0

    init() {}

    /// The key of a lower-case ASCII word, or nil when it is not one or longer than 16 bytes.
    init?(ascii word: String) {
        for byte in word.utf8 {
            guard byte < 0x80, appending(byte: byte) else { return nil }
        }
    }

    /// The key of a Chinese term, or nil when it is longer than 6 scalars.
    init?(chinese term: String) {
        for scalar in term.unicodeScalars {
            guard appending(scalar: scalar.value) else { return nil }
        }
    }

    /// Appends a byte; false when the key is full.
    @discardableResult
    mutating func appending(byte: UInt8) -> Bool {
        guard count < 16 else { return false }
        if count < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        count += 1
        return true
    }

    /// Appends a scalar value of at most 21 bits; false when the key is full.
    @discardableResult
    mutating func appending(scalar: UInt32) -> Bool {
        guard count < 6 else { return false }
        if count < 3 { high = high << 21 | UInt64(scalar & 0x1F_FFFF) } else { low = low << 21 | UInt64(scalar & 0x1F_FFFF) }
        count += 1
        return true
    }
}
