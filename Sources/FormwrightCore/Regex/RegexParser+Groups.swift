extension RegexParser {
    /// What a group starting `(?` turned out to be.
    enum GroupExtension {
        /// `(?flags)`: changes the flags until the end of the enclosing group; opens nothing.
        case flagsOnly(RegexFlags)
        /// `(?flags:…)`: a non-capturing group with these flags inside.
        case scopedFlags(RegexFlags)
        /// `(?P<name>…)` or `(?<name>…)`: a named capturing group.
        case named
    }

    /// Parses the header of a group starting `(?` at `position`, leaving `position` just after it.
    mutating func parseGroupExtension() throws(RegexSyntaxError) -> GroupExtension {
        let start = position
        func unsupported(_ feature: String, length: Int) -> RegexSyntaxError {
            .unsupported(feature, text(start, start + length), at: start)
        }
        switch peek(start + 2) {
        case "P":
            switch peek(start + 3) {
            case "<":
                try parseGroupName(from: start + 4, groupStart: start)
                return .named
            case "=": throw unsupported("backreference", length: 4)
            case ">": throw unsupported("recursion", length: 4)
            default: throw .invalidGroup(text(start, start + 4), at: start)
            }
        case "<":
            switch peek(start + 3) {
            case "=": throw unsupported("lookbehind", length: 4)
            case "!": throw unsupported("negative lookbehind", length: 4)
            default:
                try parseGroupName(from: start + 3, groupStart: start)
                return .named
            }
        case "=": throw unsupported("lookahead", length: 3)
        case "!": throw unsupported("negative lookahead", length: 3)
        case ">": throw unsupported("atomic group", length: 3)
        case "#": throw unsupported("comment group", length: 3)
        case "|": throw unsupported("branch reset group", length: 3)
        case "'": throw unsupported("quoted group name", length: 3)
        case "(": throw unsupported("conditional group", length: 3)
        default: return try parseFlags(groupStart: start)
        }
    }

    /// Parses `(?flags)` or `(?flags:`: letters `imsU`, optionally some after one `-` to clear them.
    private mutating func parseFlags(groupStart start: Int) throws(RegexSyntaxError) -> GroupExtension {
        var newFlags = flags
        var clearing = false
        var flagSinceSign = false
        var index = start + 2
        while true {
            guard let scalar = peek(index) else {
                throw .missingClosingParenthesis(at: start)
            }
            switch scalar {
            case "-":
                guard !clearing else {
                    throw .invalidFlagGroup(text(start, index + 1), at: index)
                }
                clearing = true
                flagSinceSign = false
            case ")", ":":
                // `(?:` needs no flag; `(?)`, `(?-)`, `(?i-:` and the like are malformed.
                let plainGroup = scalar == ":" && index == start + 2
                guard flagSinceSign || plainGroup else {
                    throw .invalidFlagGroup(text(start, index + 1), at: index)
                }
                position = index + 1
                return scalar == ")" ? .flagsOnly(newFlags) : .scopedFlags(newFlags)
            default:
                guard newFlags.set(scalar, to: !clearing) else {
                    throw .unknownFlag(text(index, index + 1), inGroup: text(start, index + 1), at: index)
                }
                flagSinceSign = true
            }
            index += 1
        }
    }

    /// Parses `name>` from `from`; names are ASCII letters, digits and `_`, unique within the pattern.
    private mutating func parseGroupName(from nameStart: Int, groupStart: Int) throws(RegexSyntaxError) {
        var index = nameStart
        while let scalar = peek(index), scalar != ">" { index += 1 }
        guard peek(index) == ">" else {
            throw .missingGroupNameEnd(at: groupStart)
        }
        let name = text(nameStart, index)
        let valid = !name.isEmpty && name.unicodeScalars.allSatisfy { RegexAssertion.isWord($0) }
        guard valid else {
            throw .invalidGroupName(name, at: nameStart)
        }
        guard groupNames.insert(name).inserted else {
            throw .duplicateGroupName(name, at: nameStart)
        }
        position = index + 1
    }
}
