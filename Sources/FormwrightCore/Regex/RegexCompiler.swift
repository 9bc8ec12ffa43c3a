/// Compiles a `RegexTree` into a Thompson-NFA program for `RegexMatcher`.
///
/// Nodes are compiled in one forward pass, children first, each into a self-contained fragment
/// whose exit is just past its end; a parent copies its children's fragments into its own. The
/// total size of the fragments alive at any moment never exceeds the final program's size, so
/// checking it against `maximumInstructions` stops `((a{1000}){1000}){1000}` early and cheaply.
enum RegexCompiler {
    /// The largest program accepted; larger patterns fail with "pattern too large".
    static let maximumInstructions = 10_000

    /// The program for `tree`, or "pattern too large".
    static func compile(_ tree: RegexTree) throws(RegexSyntaxError) -> RegexProgram {
        let nodes = tree.nodes
        guard tree.root < nodes.count else {
            return RegexProgram(instructions: [.match], sets: [])
        }
        var reachable = [Bool](repeating: false, count: nodes.count)
        reachable[tree.root] = true
        for index in stride(from: tree.root, through: 0, by: -1) where reachable[index] {
            for child in children(of: nodes[index]) { reachable[child] = true }
        }
        var fragments = [[RegexInstruction]?](repeating: nil, count: nodes.count)
        var sets: [ScalarSet] = []
        var liveSize = 0
        for index in 0...tree.root where reachable[index] {
            func take(_ child: Int) -> [RegexInstruction] {
                let fragment = fragments[child] ?? []
                fragments[child] = nil
                liveSize -= fragment.count
                return fragment
            }
            let tooLarge = RegexSyntaxError.patternTooLarge(at: tree.offsets[index])
            var fragment: [RegexInstruction]
            switch nodes[index] {
            case .empty: fragment = []
            case .scalar(let value): fragment = [.scalar(value)]
            case .set(let set):
                sets.append(set)
                fragment = [.set(sets.count - 1)]
            case .anyScalar: fragment = [.anyScalar]
            case .anyExceptNewline: fragment = [.anyExceptNewline]
            case .assertion(let assertion): fragment = [.assertion(assertion)]
            case .concatenation(let items):
                fragment = []
                for item in items { append(take(item), to: &fragment) }
            case .alternation(let alternatives):
                fragment = alternation(alternatives.map { take($0) })
            case .repetition(let child, let minimum, let maximum):
                let body = take(child)
                guard let size = repetitionSize(body.count, minimum: minimum, maximum: maximum),
                    liveSize + size < maximumInstructions
                else { throw tooLarge }
                fragment = repetition(body, minimum: minimum, maximum: maximum)
            }
            liveSize += fragment.count
            guard liveSize < maximumInstructions else { throw tooLarge }
            fragments[index] = fragment
        }
        var instructions = fragments[tree.root] ?? []
        instructions.append(.match)
        return RegexProgram(instructions: instructions, sets: sets)
    }

    private static func children(of node: RegexNode) -> [Int] {
        switch node {
        case .concatenation(let items), .alternation(let items): items
        case .repetition(let child, _, _): [child]
        default: []
        }
    }

    private static func append(_ fragment: [RegexInstruction], to result: inout [RegexInstruction]) {
        let base = result.count
        result.append(contentsOf: fragment.lazy.map { $0.relocated(by: base) })
    }

    /// `split(A, next) A jump(end) split(B, next) B jump(end) … Z`.
    private static func alternation(_ alternatives: [[RegexInstruction]]) -> [RegexInstruction] {
        var result: [RegexInstruction] = []
        var jumps: [Int] = []
        for (number, alternative) in alternatives.enumerated() {
            guard number < alternatives.count - 1 else {
                append(alternative, to: &result)
                break
            }
            let split = result.count
            result.append(.split(split + 1, split))
            append(alternative, to: &result)
            jumps.append(result.count)
            result.append(.jump(0))
            result[split] = .split(split + 1, result.count)
        }
        for jump in jumps { result[jump] = .jump(result.count) }
        return result
    }

    /// The size of `repetition(body, …)`, or `nil` if it would overflow.
    private static func repetitionSize(_ size: Int, minimum: Int, maximum: Int?) -> Int? {
        let (required, overflow) = size.multipliedReportingOverflow(by: minimum)
        guard !overflow else { return nil }
        guard let maximum else { return minimum == 0 ? size + 2 : required + 1 }
        let (optional, optionalOverflow) = (size + 1).multipliedReportingOverflow(by: maximum - minimum)
        let (total, totalOverflow) = required.addingReportingOverflow(optional)
        return optionalOverflow || totalOverflow ? nil : total
    }

    /// `x{n}` as n copies; `x{n,m}` adds m−n nested optional copies; `x*` a loop; `x{n,}` n−1 copies and `x+`.
    private static func repetition(_ body: [RegexInstruction], minimum: Int, maximum: Int?) -> [RegexInstruction] {
        var result: [RegexInstruction] = []
        guard let maximum else {
            if minimum == 0 {
                result.append(.split(1, body.count + 2))
                append(body, to: &result)
                result.append(.jump(0))
            } else {
                for _ in 1..<minimum { append(body, to: &result) }
                let loop = result.count
                append(body, to: &result)
                result.append(.split(loop, result.count + 1))
            }
            return result
        }
        for _ in 0..<minimum { append(body, to: &result) }
        var splits: [Int] = []
        for _ in minimum..<maximum {
            splits.append(result.count)
            result.append(.split(result.count + 1, 0))
            append(body, to: &result)
        }
        for split in splits { result[split] = .split(split + 1, result.count) }
        return result
    }
}
