/// A deterministic automaton built lazily from a `RegexProgram` while it scans one text.
///
/// A state is the set of instructions alive between two scalars, plus what kind of scalar came
/// before (start of text, newline, ASCII word character, other) — all that `^ $ \b \B` need to know
/// about the left side. Assertions stay pending in the state until the scalar on their right is read.
/// Each transition is computed once per (state, scalar) and then costs one table lookup, so long
/// texts scan several times faster than with the Pike VM. The automaton is private to one call:
/// no shared mutable state. If the text makes it grow past its budget, `matches` gives up (`nil`)
/// and the caller runs the Pike VM instead; the time spent stays within the same linear bound.
struct RegexDFA {
    /// Texts shorter than this (in UTF-8 bytes) are matched by the Pike VM: building states would cost more than it saves.
    static let minimumTextLength = 256
    /// How many scalars the Pike VM reads first: enough for an anchored pattern to fail or a search to succeed
    /// early, few enough that starting again with the DFA costs little.
    static let pikePrefixLength = 32
    /// The most states built in one call.
    static let maximumStates = 1_000
    /// The most instruction indices stored across all states, and the most non-ASCII transitions cached.
    static let maximumStoredEntries = 200_000
    /// Past this many states, each must have paid for itself with `minimumScalarsPerState` scalars read,
    /// or the automaton is thrashing (`(?:a?){500}a{500}` makes a new state at every scalar) and gives up early.
    static let statesBeforeThrashCheck = 64
    static let minimumScalarsPerState = 4

    /// What the scalar before a position was, as far as assertions care.
    private enum PreviousKind: UInt8 {
        case textStart, newline, word, other

        init(_ scalar: Unicode.Scalar) {
            self = scalar == "\n" ? .newline : RegexAssertion.isWord(scalar) ? .word : .other
        }

        /// A scalar of this kind, or `nil` at the start, for `RegexAssertion.holds`.
        var representative: Unicode.Scalar? {
            switch self {
            case .textStart: nil
            case .newline: "\n"
            case .word: "a"
            case .other: " "
            }
        }
    }

    private struct StateKey: Hashable {
        let pending: [Int]
        let previous: PreviousKind
    }

    private let program: RegexProgram
    /// Whether a new thread starts at every position (a search not anchored at the start).
    private let seedsEveryPosition: Bool
    private var states: [StateKey] = []
    private var stateIndices: [StateKey: Int] = [:]
    /// For each state, 128 ASCII transitions: -1 not yet known, else `next << 1 | matchedBefore`.
    private var asciiTransitions: [Int32] = []
    private var otherTransitions: [UInt64: Int32] = [:]
    private var storedEntries = 0
    private var work: ThreadList
    private var stack: [Int] = []

    /// An empty automaton for `program`; `anchored` when only position 0 may start a match.
    init(_ program: RegexProgram, anchored: Bool) {
        self.program = program
        seedsEveryPosition = !anchored
        work = ThreadList(capacity: program.instructions.count)
    }

    /// Whether the program matches some substring of `text` (`whole: false`) or all of it; `nil` if over budget.
    mutating func matches(_ text: String, whole: Bool) -> Bool? {
        work.removeAll()
        var pending: [Int] = []
        collectPending(from: 0, into: &pending)
        guard var state = addState(StateKey(pending: pending.sorted(), previous: .textStart)) else { return nil }
        var scalarsRead = 0
        for scalar in text.unicodeScalars {
            scalarsRead += 1
            guard let transition = transition(from: state, on: scalar) else { return nil }
            if states.count > Self.statesBeforeThrashCheck, states.count * Self.minimumScalarsPerState > scalarsRead {
                return nil
            }
            if transition.matchedBefore, !whole { return true }
            state = transition.next
            if !seedsEveryPosition, states[state].pending.isEmpty { return false }
        }
        return resolve(states[state], next: nil).matched
    }

    // MARK: - Transitions

    private mutating func transition(from state: Int, on scalar: Unicode.Scalar) -> (next: Int, matchedBefore: Bool)? {
        let value = scalar.value
        let cached: Int32? =
            value < 128 ? asciiTransitions[state * 128 + Int(value)] : otherTransitions[UInt64(state) << 21 | UInt64(value)]
        if let cached, cached >= 0 { return (Int(cached >> 1), cached & 1 == 1) }
        let (runnable, matched) = resolve(states[state], next: scalar)
        var pending: [Int] = []
        work.removeAll()
        for index in runnable where Self.consumes(program.instructions[index], scalar, sets: program.sets) {
            collectPending(from: index + 1, into: &pending)
        }
        if seedsEveryPosition { collectPending(from: 0, into: &pending) }
        guard let next = addState(StateKey(pending: pending.sorted(), previous: PreviousKind(scalar))),
            next <= Int(Int32.max >> 1)
        else { return nil }
        let entry = Int32(next) << 1 | (matched ? 1 : 0)
        if value < 128 {
            asciiTransitions[state * 128 + Int(value)] = entry
        } else {
            guard storedEntries < Self.maximumStoredEntries else { return nil }
            otherTransitions[UInt64(state) << 21 | UInt64(value)] = entry
            storedEntries += 1
        }
        return (next, matched)
    }

    /// Follows the state's pending instructions with the scalar on the right known: the instructions that
    /// may consume it, and whether `match` is reached here.
    private mutating func resolve(_ state: StateKey, next: Unicode.Scalar?) -> (runnable: [Int], matched: Bool) {
        let previous = state.previous.representative
        var runnable: [Int] = []
        var matched = false
        work.removeAll()
        stack.removeAll(keepingCapacity: true)
        for index in state.pending where work.visit(index) { stack.append(index) }
        while let index = stack.popLast() {
            switch program.instructions[index] {
            case .jump(let target):
                if work.visit(target) { stack.append(target) }
            case .split(let first, let second):
                if work.visit(second) { stack.append(second) }
                if work.visit(first) { stack.append(first) }
            case .assertion(let assertion):
                if assertion.holds(previous: previous, next: next), work.visit(index + 1) { stack.append(index + 1) }
            case .match:
                matched = true
            case .scalar, .set, .anyScalar, .anyExceptNewline:
                runnable.append(index)
            }
        }
        return (runnable, matched)
    }

    /// Adds to `pending` what is reachable from `start` through jumps and splits: consuming instructions,
    /// `match`, and assertions (left for the next scalar to decide). Uses `work` to visit each once.
    private mutating func collectPending(from start: Int, into pending: inout [Int]) {
        guard work.visit(start) else { return }
        stack.removeAll(keepingCapacity: true)
        stack.append(start)
        while let index = stack.popLast() {
            switch program.instructions[index] {
            case .jump(let target):
                if work.visit(target) { stack.append(target) }
            case .split(let first, let second):
                if work.visit(second) { stack.append(second) }
                if work.visit(first) { stack.append(first) }
            case .assertion, .match, .scalar, .set, .anyScalar, .anyExceptNewline:
                pending.append(index)
            }
        }
    }

    private static func consumes(_ instruction: RegexInstruction, _ scalar: Unicode.Scalar, sets: [ScalarSet]) -> Bool {
        switch instruction {
        case .scalar(let value): scalar.value == value
        case .set(let index): sets[index].contains(scalar)
        case .anyScalar: true
        case .anyExceptNewline: scalar != "\n"
        default: false
        }
    }

    /// The index of the state `key`, added if new; `nil` when the budget is spent.
    private mutating func addState(_ key: StateKey) -> Int? {
        if let existing = stateIndices[key] { return existing }
        guard states.count < Self.maximumStates, storedEntries + key.pending.count <= Self.maximumStoredEntries else {
            return nil
        }
        storedEntries += key.pending.count
        states.append(key)
        stateIndices[key] = states.count - 1
        asciiTransitions.append(contentsOf: repeatElement(-1, count: 128))
        return states.count - 1
    }
}
