extension RegexParser {
    /// Parses a bracketed class `[…]` or `[^…]` at `position`.
    mutating func parseClass() throws(RegexSyntaxError) {
        let start = position
        var index = start + 1
        let negated = peek(index) == "^"
        if negated { index += 1 }
        var builder = ScalarSetBuilder(caseInsensitive: flags.caseInsensitive)
        var first = true
        while true {
            guard let scalar = peek(index) else {
                throw .missingClosingBracket(at: start)
            }
            if scalar == "]", !first {
                index += 1
                break
            }
            first = false
            if scalar == "[", let posix = posixClassName(at: index) {
                let positive = posix.name.hasPrefix("^") ? String(posix.name.dropFirst()) : posix.name
                guard let ranges = ScalarSet.posixClass(positive) else {
                    throw .unknownPOSIXClass(text(index, posix.end), at: index)
                }
                builder.add(group: ranges, negated: positive != posix.name)
                index = posix.end
                continue
            }
            let lowStart = index
            let low: UInt32
            if scalar == "\\" {
                position = index
                if try parseClassEscape(into: &builder) {
                    index = position
                    continue
                }
                low = try parseScalarEscape()
                index = position
            } else {
                low = scalar.value
                index += 1
            }
            guard peek(index) == "-", let after = peek(index + 1), after != "]" else {
                builder.add(low...low)
                continue
            }
            index += 1
            let high: UInt32
            if after == "\\" {
                position = index
                if let letter = peek(index + 1), ScalarSet.perlClass(letter) != nil || letter == "p" || letter == "P" {
                    throw .invalidCharacterClassRange(text(lowStart, index + 2), at: lowStart)
                }
                high = try parseScalarEscape()
                index = position
            } else {
                high = after.value
                index += 1
            }
            guard low <= high else {
                throw .invalidCharacterClassRange(text(lowStart, index), at: lowStart)
            }
            builder.add(low...high)
        }
        position = index
        addItem(.set(builder.build(negated: negated)), at: start)
    }

    /// The name in `[:name:]` or `[:^name:]` at `index`, and the offset just after it; `nil` if the text is not of that form.
    private func posixClassName(at index: Int) -> (name: String, end: Int)? {
        guard peek(index + 1) == ":" else { return nil }
        var end = index + 2
        if peek(end) == "^" { end += 1 }
        while let scalar = peek(end), scalar.isASCII, scalar.properties.isAlphabetic { end += 1 }
        guard peek(end) == ":", peek(end + 1) == "]" else { return nil }
        return (text(index + 2, end), end + 2)
    }
}
