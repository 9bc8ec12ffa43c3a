/// Turns pattern text into a `RegexTree`, or the first syntax error.
///
/// The parser never recurses: open groups live on an explicit stack of frames, limited to
/// `maximumNesting`, so no pattern can exhaust the call stack.
struct RegexParser {
    /// The deepest group nesting accepted, as in RE2.
    static let maximumNesting = 1000
    /// The largest count accepted in `{n,m}`, as in RE2.
    static let maximumRepetitionCount = 1000
    /// The most nodes a pattern may parse into, so that patterns compiling to little (`()()()…`) stay cheap.
    static let maximumNodes = 5 * RegexCompiler.maximumInstructions

    /// An open group: the alternatives finished so far and the items of the current one.
    private struct Frame {
        var alternatives: [Int] = []
        var items: [Int] = []
        /// The flags to restore when the group closes.
        var savedFlags: RegexFlags
        /// Where the group's `(` is (0 for the whole pattern).
        var openOffset: Int
        /// Where the repetition operator applied to the last item starts, if there is one.
        var lastRepetitionOffset: Int?
    }

    let scalars: [Unicode.Scalar]
    var position = 0
    var flags = RegexFlags()
    var tree = RegexTree()
    private var frames: [Frame]
    var groupNames: Set<String> = []

    /// A parser for `pattern`.
    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
        frames = [Frame(savedFlags: RegexFlags(), openOffset: 0)]
    }

    /// Parses the whole pattern.
    mutating func parse() throws(RegexSyntaxError) -> RegexTree {
        while position < scalars.count {
            try checkSize()
            let scalar = scalars[position]
            switch scalar {
            case "(": try openGroup()
            case ")": try closeGroup()
            case "|":
                finishAlternative()
                position += 1
            case "*": try repeatLastItem(minimum: 0, maximum: nil, operatorEnd: position + 1)
            case "+": try repeatLastItem(minimum: 1, maximum: nil, operatorEnd: position + 1)
            case "?": try repeatLastItem(minimum: 0, maximum: 1, operatorEnd: position + 1)
            case "{":
                if let counted = try countedRepetition() {
                    try repeatLastItem(minimum: counted.minimum, maximum: counted.maximum, operatorEnd: counted.end)
                } else {
                    addLiteral(scalar.value, at: position)
                    position += 1
                }
            case "[": try parseClass()
            case "\\": try parseEscape()
            case ".":
                addItem(flags.dotMatchesNewline ? .anyScalar : .anyExceptNewline, at: position)
                position += 1
            case "^":
                addItem(.assertion(flags.multiLine ? .lineStart : .textStart), at: position)
                position += 1
            case "$":
                addItem(.assertion(flags.multiLine ? .lineEnd : .textEnd), at: position)
                position += 1
            default:
                addLiteral(scalar.value, at: position)
                position += 1
            }
        }
        try checkSize()
        if frames.count > 1, let open = frames.last {
            throw .missingClosingParenthesis(at: open.openOffset)
        }
        tree.root = finishGroup(frames[0])
        return tree
    }

    /// Fails with "pattern too large" once the pattern has parsed into more than `maximumNodes` nodes.
    func checkSize() throws(RegexSyntaxError) {
        guard tree.nodes.count <= Self.maximumNodes else {
            throw .patternTooLarge(at: min(position, scalars.count))
        }
    }

    // MARK: - Items

    /// Appends a node as the next item of the current alternative.
    mutating func addItem(_ node: RegexNode, at offset: Int) {
        let index = tree.add(node, at: offset)
        frames[frames.count - 1].items.append(index)
        frames[frames.count - 1].lastRepetitionOffset = nil
    }

    /// Appends a literal scalar, as a case-folded set under `(?i)`.
    mutating func addLiteral(_ value: UInt32, at offset: Int) {
        if flags.caseInsensitive {
            let others = CaseFolding.others(of: value)
            if !others.isEmpty {
                let ranges = ([value] + others).map { $0...$0 }
                addItem(.set(ScalarSet(ranges: ranges)), at: offset)
                return
            }
        }
        addItem(.scalar(value), at: offset)
    }

    /// The text of the pattern between two offsets, for messages.
    func text(_ start: Int, _ end: Int) -> String {
        let lower = min(max(0, start), scalars.count)
        let upper = min(max(lower, end), scalars.count)
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[lower..<upper])
        return result
    }

    /// The scalar at `offset`, or `nil` past the end.
    func peek(_ offset: Int) -> Unicode.Scalar? {
        offset >= 0 && offset < scalars.count ? scalars[offset] : nil
    }

    // MARK: - Groups and alternation

    private mutating func openGroup() throws(RegexSyntaxError) {
        let start = position
        var innerFlags = flags
        if peek(start + 1) == "?" {
            switch try parseGroupExtension() {
            case .flagsOnly(let newFlags):
                flags = newFlags
                return
            case .scopedFlags(let newFlags):
                innerFlags = newFlags
            case .named:
                tree.captureCount += 1
            }
        } else {
            position += 1
            tree.captureCount += 1
        }
        guard frames.count <= Self.maximumNesting else {
            throw .nestingTooDeep(limit: Self.maximumNesting, at: start)
        }
        frames.append(Frame(savedFlags: flags, openOffset: start))
        flags = innerFlags
    }

    private mutating func closeGroup() throws(RegexSyntaxError) {
        guard frames.count > 1, let frame = frames.popLast() else {
            throw .unexpectedClosingParenthesis(at: position)
        }
        let node = finishGroup(frame)
        flags = frame.savedFlags
        frames[frames.count - 1].items.append(node)
        frames[frames.count - 1].lastRepetitionOffset = nil
        position += 1
    }

    /// Ends the current alternative at a `|`.
    private mutating func finishAlternative() {
        let top = frames.count - 1
        let items = frames[top].items
        frames[top].items = []
        let alternative = concatenation(items, fallbackOffset: position)
        frames[top].alternatives.append(alternative)
        frames[top].lastRepetitionOffset = nil
    }

    /// The node for a whole group: its alternatives, each a concatenation of items.
    private mutating func finishGroup(_ frame: Frame) -> Int {
        let last = concatenation(frame.items, fallbackOffset: position)
        guard !frame.alternatives.isEmpty else { return last }
        let children = frame.alternatives + [last]
        return tree.add(.alternation(children), at: tree.offsets[children[0]])
    }

    private mutating func concatenation(_ items: [Int], fallbackOffset: Int) -> Int {
        switch items.count {
        case 0: tree.add(.empty, at: fallbackOffset)
        case 1: items[0]
        default: tree.add(.concatenation(items), at: tree.offsets[items[0]])
        }
    }

    // MARK: - Repetition

    /// Applies `{minimum,maximum}` to the last item; `position` is at the operator, `operatorEnd` just after it.
    private mutating func repeatLastItem(minimum: Int, maximum: Int?, operatorEnd: Int) throws(RegexSyntaxError) {
        let start = position
        var end = operatorEnd
        if peek(end) == "?" {
            end += 1  // lazy: the same set of matches, so the same answer
        } else if peek(end) == "+" {
            throw .unsupported("possessive quantifier", text(start, end + 1), at: start)
        }
        // Read the frame in place: a copy would make the write below copy its item list, and a long
        // run of `a*a*a*…` quadratic.
        let top = frames.count - 1
        if let previous = frames[top].lastRepetitionOffset {
            throw .nestedRepetition(text(previous, end), at: start)
        }
        guard let item = frames[top].items.last else {
            throw .missingRepetitionArgument(text(start, end), at: start)
        }
        let node = tree.add(.repetition(item, minimum: minimum, maximum: maximum), at: start)
        frames[top].items[frames[top].items.count - 1] = node
        frames[top].lastRepetitionOffset = start
        position = end
    }

    /// Parses `{n}`, `{n,}` or `{n,m}` at `position`; `nil` when the brace does not start one (then it is a literal).
    private func countedRepetition() throws(RegexSyntaxError) -> (minimum: Int, maximum: Int?, end: Int)? {
        var index = position + 1
        func number() -> Int? {
            var value: Int?
            while let scalar = peek(index), ("0"..."9").contains(scalar) {
                // Saturate: any count past the limit is an error, however many digits it has.
                value = min((value ?? 0) * 10 + Int(scalar.value - 0x30), 1_000_000)
                index += 1
            }
            return value
        }
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        if peek(index) == "," {
            index += 1
            maximum = number()
        }
        guard peek(index) == "}" else { return nil }
        index += 1
        if minimum > Self.maximumRepetitionCount || (maximum ?? 0) > Self.maximumRepetitionCount {
            throw .repetitionCountTooLarge(at: position)
        }
        if let maximum, maximum < minimum {
            throw .invalidRepetitionCount(text(position, index), at: position)
        }
        return (minimum, maximum, index)
    }
}
