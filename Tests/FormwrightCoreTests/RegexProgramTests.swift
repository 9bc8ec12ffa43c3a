import Testing

@testable import FormwrightCore

/// What compiling finds out about a pattern, and the building blocks it relies on.
@Suite struct RegexProgramTests {
    @Test(arguments: [
        ("^abc", true), (#"\Aabc"#, true), ("(^a|^b)", true), ("^a|b", false), ("^*a", false), ("(?m)^a", false),
        ("abc", false), ("(?:^)+x", true), ("^?x", false), ("", false),
    ])
    func findsAnchoredStarts(pattern: String, anchored: Bool) throws {
        #expect(try LinearRegex(pattern).program.isAnchoredAtStart == anchored)
    }

    @Test func anchoredSearchesStillMatchOnlyAtTheStart() throws {
        let regex = try LinearRegex("(?:^)+x")
        #expect(regex.firstMatch(in: "xa"))
        #expect(!regex.firstMatch(in: "ax"))
    }

    @Test func findsTheScalarsAMatchCanStartWith() throws {
        let alternatives = try #require(try LinearRegex("cat|dog").program.firstScalars)
        #expect(alternatives.contains("c") && alternatives.contains("d") && !alternatives.contains("a"))
        let optional = try #require(try LinearRegex("a?[x-z]").program.firstScalars)
        #expect(optional.contains("a") && optional.contains("y") && !optional.contains("b"))
        let folded = try #require(try LinearRegex("(?i)k").program.firstScalars)
        #expect(folded.contains("k") && folded.contains("K") && folded.contains("\u{212A}"))
        #expect(try LinearRegex(#"\bfoo"#).program.firstScalars == nil)
        #expect(try LinearRegex("a*").program.firstScalars == nil)
        #expect(try LinearRegex(".x").program.firstScalars == nil)
        #expect(try LinearRegex(#"\pLx"#).program.firstScalars == nil)
    }

    @Test func skipsToNonASCIIStartsCorrectly() throws {
        #expect(try LinearRegex("é+!").firstMatch(in: "xxéé!"))
        #expect(try LinearRegex("[é😀]").firstMatch(in: String(repeating: "a", count: 100) + "😀"))
        #expect(!(try LinearRegex("[é😀]").firstMatch(in: String(repeating: "e", count: 100))))
    }

    @Test func foldsCaseAlongWholeOrbits() {
        #expect(Set(CaseFolding.others(of: 0x6B)) == [0x4B, 0x212A])  // k: K and the Kelvin sign
        #expect(Set(CaseFolding.others(of: 0x3C3)) == [0x3A3, 0x3C2])  // σ: Σ and final ς
        #expect(CaseFolding.others(of: 0x31).isEmpty)  // 1
        #expect(CaseFolding.others(of: 0x4E2D).isEmpty)  // 中
        let folded = CaseFolding.folded([0x61...0x63])
        #expect(folded == [0x41...0x43, 0x61...0x63])
    }

    @Test func scalarSetsMergeComplementAndNegate() {
        #expect(ScalarSet.normalized([5...9, 0...2, 3...3, 8...12]) == [0...3, 5...12])
        #expect(ScalarSet.complement([0...9, 20...ScalarSet.maximumScalar]) == [10...19])
        #expect(ScalarSet.complement([]) == [0...ScalarSet.maximumScalar])
        #expect(ScalarSet.complement([0...ScalarSet.maximumScalar]).isEmpty)
        let notDigits = ScalarSet(ranges: [0x30...0x39], negated: true)
        #expect(!notDigits.contains("5") && notDigits.contains("a") && notDigits.contains("中"))
        let letters = ScalarSet(ranges: [], categories: GeneralCategorySet(named: "L") ?? .none)
        #expect(letters.contains("a") && letters.contains("中") && !letters.contains("1"))
    }

    @Test func namesGeneralCategories() throws {
        let letter = try #require(GeneralCategorySet(named: "L"))
        #expect(letter.contains("a") && letter.contains("Z") && !letter.contains("1"))
        let other = try #require(GeneralCategorySet(named: "C"))
        #expect(other.contains("\u{0}") && !other.contains("\u{E0080}"))  // C leaves out unassigned scalars
        #expect(GeneralCategorySet(named: "Cn")?.contains("\u{E0080}") == true)
        #expect(GeneralCategorySet(named: "Han") == nil)
        #expect(GeneralCategorySet(named: "") == nil)
        #expect(letter.complement.union(letter) == GeneralCategorySet(named: "Any"))
    }
}
