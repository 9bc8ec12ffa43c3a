/// The state of one pass of the sentiment scorer over a text: the word or Chinese run being
/// read, and the sentence's sum with its pending negation, intensity and contrast.
struct SentimentScan {
    let lexicon: SentimentLexicon

    /// The sum over finished sentences.
    private(set) var total = 0.0
    /// The number of sentiment terms found.
    private(set) var terms = 0

    private var sentence = 0.0
    private var exclamations = 0
    private var sentenceEnded = false
    private var afterContrast = false
    private var negationReach = 0
    private var intensity = 1.0
    private var intensityReach = 0

    private var word = LexiconKey()
    private var wordUnmatchable = false
    private var wordLength = 0
    private var pendingApostrophe = false
    private var chineseRun: [UInt32] = []

    init(lexicon: SentimentLexicon) {
        self.lexicon = lexicon
        chineseRun.reserveCapacity(64)
    }

    mutating func read(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if let letter = SentimentScan.asciiLetter(value) {
            endChineseRun()
            beginToken()
            // An apostrophe counts only between letters: "don't" is one word, "customers'" is "customers".
            if pendingApostrophe, !word.appending(byte: 0x27) { wordUnmatchable = true }
            pendingApostrophe = false
            wordLength += 1
            if !word.appending(byte: letter) { wordUnmatchable = true }
            return
        }
        if value == 0x27 || value == 0x2019, wordLength > 0, !pendingApostrophe {
            pendingApostrophe = true
            return
        }
        if SentimentScan.isChinese(value) {
            endWord()
            beginToken()
            chineseRun.append(value)
            return
        }
        endChineseRun()
        if value >= 0x80, scalar.properties.isAlphabetic {
            // A letter outside ASCII ("café"): the word is read but matches no entry.
            beginToken()
            wordUnmatchable = true
            wordLength += 1
            return
        }
        endWord()
        switch value {
        case 0x21, 0xFF01:  // ! ！
            exclamations += 1
            sentenceEnded = true
        case 0x2E, 0x3F, 0x0A, 0x3002, 0xFF1F, 0x2026:  // . ? newline 。 ？ …
            sentenceEnded = true
        case 0x2C, 0x3B, 0x3A, 0x3001, 0xFF0C, 0xFF1B, 0xFF1A:  // , ; : 、 ， ； ：
            endClause()
        default:
            if let role = lexicon.symbols[value] {
                beginToken()
                apply(role)
            }
        }
    }

    mutating func finish() {
        endWord()
        endChineseRun()
        endSentence()
    }

    // MARK: - Tokens

    private static func asciiLetter(_ value: UInt32) -> UInt8? {
        switch value {
        case 0x61...0x7A: UInt8(value)
        case 0x41...0x5A: UInt8(value + 0x20)
        default: nil
        }
    }

    private static func isChinese(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x2FA1F).contains(value)
    }

    /// A new word or character arrives: a sentence that ended before it is closed first.
    private mutating func beginToken() {
        if sentenceEnded { endSentence() }
    }

    private mutating func endWord() {
        guard wordLength > 0 else { return }
        let role = wordUnmatchable ? nil : lexicon.english[word]
        word = LexiconKey()
        wordUnmatchable = false
        wordLength = 0
        pendingApostrophe = false
        unit(role)
    }

    /// Matches the Chinese characters read so far, longest entry first.
    private mutating func endChineseRun() {
        guard !chineseRun.isEmpty else { return }
        var start = 0
        while start < chineseRun.count {
            var matched: (role: SentimentLexicon.Role, length: Int)?
            var length = min(lexicon.chineseLongestFrom[chineseRun[start]] ?? 0, SentimentLexicon.longestChinese, chineseRun.count - start)
            while length > 0, matched == nil {
                var key = LexiconKey()
                for index in start..<(start + length) { key.appending(scalar: chineseRun[index]) }
                if let role = lexicon.chinese[key] { matched = (role, length) }
                length -= 1
            }
            unit(matched?.role)
            start += matched?.length ?? 1
        }
        chineseRun.removeAll(keepingCapacity: true)
    }

    // MARK: - Scoring

    /// One word, Chinese entry or unmatched character, with its role if it has one.
    private mutating func unit(_ role: SentimentLexicon.Role?) {
        if let role {
            apply(role)
        } else {
            if negationReach > 0 { negationReach -= 1 }
            if intensityReach > 0 {
                intensityReach -= 1
                if intensityReach == 0 { intensity = 1 }
            }
        }
    }

    private mutating func apply(_ role: SentimentLexicon.Role) {
        switch role {
        case .term(let weight):
            if weight != 0 {
                var contribution = weight * intensity
                if negationReach > 0 { contribution *= SentimentScorer.negationFactor }
                if afterContrast { contribution *= 1.5 }
                sentence += contribution
                terms += 1
            }
            negationReach = 0
            intensity = 1
            intensityReach = 0
        case .negator:
            negationReach = 3
        case .intensifier(let factor):
            intensity = min(2, intensity * factor)
            intensityReach = 2
            if negationReach > 0 { negationReach -= 1 }
        case .contrast:
            sentence *= 0.5
            afterContrast = true
            endClause()
        }
    }

    private mutating func endClause() {
        negationReach = 0
        intensity = 1
        intensityReach = 0
    }

    private mutating func endSentence() {
        total += sentence * (1 + 0.15 * Double(min(exclamations, 3)))
        sentence = 0
        exclamations = 0
        sentenceEnded = false
        afterContrast = false
        endClause()
    }
}
