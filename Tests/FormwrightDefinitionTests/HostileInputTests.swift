import FormwrightCore
import FormwrightDefinition
import Testing

/// Hostile or broken files end in a diagnostic at their place, quickly, never a hang or a crash.
@Suite struct HostileInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var bytes: @Sendable () -> [UInt8]
        var id: String
        var line: Int
        var column: Int
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "alias bomb", bytes: { aliasBomb() }, id: "yaml.anchor", line: 1, column: 4),
        Case(name: "complex key", bytes: { Array("formwright: 1\n? [a, b]\n: c\n".utf8) }, id: "yaml.complexKey", line: 2, column: 3),
        Case(name: "20,000 levels of flow nesting", bytes: { Array((String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)).utf8) },
             id: "yaml.tooDeep", line: 1, column: 65),
        Case(name: "20,000 levels of block nesting", bytes: { blockNesting(20_000) }, id: "yaml.tooDeep", line: 1, column: 129),
        Case(name: "50,000 keys", bytes: { manyKeys(50_000) }, id: "yaml.tooManyNodes", line: 25_000, column: 11),
        Case(name: "explicit tag", bytes: { Array("formwright: 1\napp: !!str x\n".utf8) }, id: "yaml.tag", line: 2, column: 6),
        Case(name: "two documents", bytes: { Array("formwright: 1\n---\napp: x\n".utf8) }, id: "yaml.multipleDocuments", line: 2, column: 1),
        Case(name: "invalid UTF-8", bytes: { Array("formwright: 1\napp: ".utf8) + [0xC3, 0x28] }, id: "yaml.invalidUTF8", line: 2, column: 6),
        Case(name: "UTF-16 text", bytes: { [0xFF, 0xFE] + Array("a: 1".utf8).flatMap { [$0, 0] } }, id: "yaml.invalidUTF8", line: 1, column: 1),
        Case(name: "too large", bytes: { Array(repeating: UInt8(ascii: "#"), count: 3 * 1024 * 1024) }, id: "yaml.tooLarge", line: 1, column: 1),
        Case(name: "empty file", bytes: { [] }, id: "definition.emptyFile", line: 1, column: 1),
        Case(name: "unclosed quote", bytes: { Array("formwright: 1\napp: \"x\n".utf8) }, id: "yaml.syntax", line: 3, column: 1),
        Case(name: "control character", bytes: { Array("formwright: 1\napp: a\u{7}b\n".utf8) }, id: "yaml.syntax", line: 2, column: 7),
    ]

    @Test(arguments: cases)
    func endsInADiagnosticQuickly(_ hostile: Case) {
        let bytes = hostile.bytes()
        let clock = ContinuousClock()
        var loaded: LoadedApp?
        let elapsed = clock.measure { loaded = DefinitionLoader().load(bytes: bytes, path: "hostile.yaml") }
        let diagnostics = loaded?.diagnostics ?? []
        let first = diagnostics.first { $0.id == hostile.id }
        #expect(first != nil, "\(hostile.name): got \(diagnostics.map { "\($0.range.start) \($0.id): \($0.message)" }.prefix(5))")
        #expect(first?.range.start.line == hostile.line)
        #expect(first?.range.start.column == hostile.column)
        #expect(loaded?.definition == nil)
        // A bound against runaway work (quadratic or worse takes minutes here), loose enough for a
        // debug build on a busy machine; the real figures are measured by the check benchmark.
        #expect(elapsed < .seconds(10), "\(hostile.name) took \(elapsed)")
    }

    @Test func aliasBombReportsEachRefusalButExpandsNothing() {
        let loaded = DefinitionLoader().load(bytes: Self.aliasBomb(), path: "bomb.yaml")
        #expect(loaded.diagnostics.count <= YAMLReaderLimits.default.maximumDiagnostics)
        #expect(loaded.diagnostics.contains { $0.id == "yaml.alias" })
    }

    /// Nine levels of nine aliases each: 9^9 strings if expanded.
    static func aliasBomb() -> [UInt8] {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (index, name) in names.enumerated().dropFirst() {
            let previous = names[index - 1]
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        return Array(text.utf8)
    }

    /// Block sequences nested on one line: `- - - … x`.
    static func blockNesting(_ depth: Int) -> [UInt8] {
        Array((String(repeating: "- ", count: depth) + "x\n").utf8)
    }

    static func manyKeys(_ count: Int) -> [UInt8] {
        var text = ""
        text.reserveCapacity(count * 12)
        for index in 0..<count { text += "key\(index): v\n" }
        return Array(text.utf8)
    }
}
