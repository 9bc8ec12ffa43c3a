/// A compiled pattern: instructions, the character classes they refer to, and facts found once at compile time.
struct RegexProgram: Sendable {
    /// The instructions; execution starts at 0, and the last one is the only `match`.
    let instructions: [RegexInstruction]
    /// The classes referred to by `.set` instructions.
    let sets: [ScalarSet]
    /// The index of the `match` instruction.
    let matchIndex: Int
    /// Whether every path from the start passes `\A` (or `^` without `(?m)`) before consuming or matching,
    /// so a search need only try position 0.
    let isAnchoredAtStart: Bool
    /// The scalars a match can start with, when that is known and narrower than "any": a search skips
    /// other scalars without running the machine.
    let firstScalars: ScalarSet?

    /// Analyses `instructions` (which must end with `match`).
    init(instructions: [RegexInstruction], sets: [ScalarSet]) {
        self.instructions = instructions
        self.sets = sets
        matchIndex = instructions.count - 1
        isAnchoredAtStart = Self.anchoredAtStart(instructions)
        firstScalars = Self.firstScalars(instructions, sets: sets)
    }

    /// The instructions reachable from 0 without consuming: calls `visit` on each; it returns whether to follow on.
    private static func walkFromStart(_ instructions: [RegexInstruction], _ visit: (RegexInstruction) -> Bool) {
        var seen = Set<Int>()
        var stack = [0]
        while let index = stack.popLast() {
            guard index < instructions.count, seen.insert(index).inserted else { continue }
            let instruction = instructions[index]
            guard visit(instruction) else { continue }
            switch instruction {
            case .split(let first, let second): stack += [second, first]
            case .jump(let target): stack.append(target)
            case .assertion: stack.append(index + 1)
            default: break
            }
        }
    }

    private static func anchoredAtStart(_ instructions: [RegexInstruction]) -> Bool {
        var anchored = true
        walkFromStart(instructions) { instruction in
            switch instruction {
            case .assertion(.textStart): return false
            case .split, .jump, .assertion: return true
            default:
                anchored = false
                return false
            }
        }
        return anchored
    }

    private static func firstScalars(_ instructions: [RegexInstruction], sets: [ScalarSet]) -> ScalarSet? {
        var ranges: [ClosedRange<UInt32>] = []
        var known = true
        walkFromStart(instructions) { instruction in
            switch instruction {
            case .split, .jump: return true
            case .scalar(let value): ranges.append(value...value)
            case .set(let index) where index < sets.count && !sets[index].isNegated && sets[index].categories.isEmpty:
                ranges += sets[index].ranges
            default: known = false  // a class with negation or categories, `.`, an assertion, an empty match
            }
            return false
        }
        return known ? ScalarSet(ranges: ranges) : nil
    }
}
