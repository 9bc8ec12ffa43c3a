/// Runs a `RegexProgram` over a text as a Pike VM: all threads advance together, one scalar at a time.
///
/// Each scalar costs at most one visit per instruction, so a run takes O(program size × text length)
/// time and O(program size) memory, whatever the pattern and text — there is no backtracking.
struct RegexMatcher {
    /// The program to run.
    let program: RegexProgram

    /// Whether the program matches some substring of `text` (`whole: false`) or all of it (`whole: true`).
    func matches(_ text: String, whole: Bool) -> Bool {
        // Without a limit the run always decides.
        matches(text, whole: whole, scalarLimit: Int.max) ?? false
    }

    /// Like `matches(_:whole:)`, but gives up (`nil`) once `scalarLimit` scalars have been read without an answer.
    func matches(_ text: String, whole: Bool, scalarLimit: Int) -> Bool? {
        var scalarsRead = 0
        let program = self.program
        // The threads alive before the current scalar, and those alive after it.
        var current = ThreadList(capacity: program.instructions.count)
        var next = ThreadList(capacity: program.instructions.count)
        var stack: [Int] = []
        stack.reserveCapacity(program.instructions.count)
        func addThread(to list: inout ThreadList, from start: Int, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool {
            Self.addThread(program.instructions, to: &list, stack: &stack, from: start, previous: previous, next: next)
        }
        let anchored = whole || program.isAnchoredAtStart
        var scalars = text.unicodeScalars.makeIterator()
        var previous: Unicode.Scalar?
        var upcoming = scalars.next()
        var atStart = true
        while true {
            if !anchored {
                if current.count == 0, let filter = program.firstScalars {
                    // Nothing is alive: skip to the next scalar that can start a match. The filter exists only
                    // when a match must consume a scalar, so reaching the end means there is none. Instructions
                    // visited at the old position must not count as visited at the new one.
                    current.removeAll()
                    while let scalar = upcoming, !filter.contains(scalar) {
                        previous = scalar
                        upcoming = scalars.next()
                    }
                    guard upcoming != nil else { return false }
                }
                if addThread(to: &current, from: 0, previous: previous, next: upcoming) { return true }
            } else if atStart {
                if addThread(to: &current, from: 0, previous: previous, next: upcoming), !whole { return true }
            } else if current.count == 0 {
                return false
            }
            atStart = false
            guard let scalar = upcoming else { break }
            guard scalarsRead < scalarLimit else { return nil }
            scalarsRead += 1
            let following = scalars.next()
            next.removeAll()
            for position in 0..<current.count {
                let index = current[position]
                let advances: Bool
                switch program.instructions[index] {
                case .scalar(let value): advances = scalar.value == value
                case .set(let set): advances = program.sets[set].contains(scalar)
                case .anyScalar: advances = true
                case .anyExceptNewline: advances = scalar != "\n"
                default: advances = false
                }
                if advances, addThread(to: &next, from: index + 1, previous: scalar, next: following), !whole {
                    return true
                }
            }
            swap(&current, &next)
            previous = scalar
            upcoming = following
        }
        return whole && current.contains(program.matchIndex)
    }

    /// Adds the thread at `start` and everything reachable from it without consuming; `true` if that reaches `match`.
    private static func addThread(
        _ instructions: [RegexInstruction], to list: inout ThreadList, stack: inout [Int],
        from start: Int, previous: Unicode.Scalar?, next: Unicode.Scalar?
    ) -> Bool {
        guard list.visit(start) else { return false }
        var matched = false
        stack.removeAll(keepingCapacity: true)
        stack.append(start)
        while let index = stack.popLast() {
            switch instructions[index] {
            case .jump(let target):
                if list.visit(target) { stack.append(target) }
            case .split(let first, let second):
                if list.visit(second) { stack.append(second) }
                if list.visit(first) { stack.append(first) }
            case .assertion(let assertion):
                if assertion.holds(previous: previous, next: next), list.visit(index + 1) { stack.append(index + 1) }
            case .match:
                matched = true
                list.keep(index)
            case .scalar, .set, .anyScalar, .anyExceptNewline:
                list.keep(index)
            }
        }
        return matched
    }
}
