/// The set of program positions alive at one text position: a sparse set, cleared in constant time.
///
/// Every instruction reached is recorded, so that no instruction is followed twice at one position
/// (which is what bounds the work per scalar and ends empty loops such as `(a*)*`); only the
/// instructions that consume a scalar or match are kept for the next step.
struct ThreadList {
    private var dense: [Int]
    private var sparse: [Int]
    private var visitedCount = 0
    private var runnable: [Int]
    /// How many consuming or matching instructions are alive.
    private(set) var count = 0

    /// An empty list for a program of `capacity` instructions.
    init(capacity: Int) {
        dense = [Int](repeating: 0, count: capacity)
        sparse = [Int](repeating: 0, count: capacity)
        runnable = [Int](repeating: 0, count: capacity)
    }

    /// Records `index` as reached; `false` if it already was.
    @inline(__always)
    mutating func visit(_ index: Int) -> Bool {
        let slot = sparse[index]
        if slot < visitedCount, dense[slot] == index { return false }
        sparse[index] = visitedCount
        dense[visitedCount] = index
        visitedCount += 1
        return true
    }

    /// Whether `index` has been reached.
    func contains(_ index: Int) -> Bool {
        let slot = sparse[index]
        return slot < visitedCount && dense[slot] == index
    }

    /// Keeps a reached consuming or matching instruction for the next step.
    @inline(__always)
    mutating func keep(_ index: Int) {
        runnable[count] = index
        count += 1
    }

    /// The `position`-th kept instruction.
    @inline(__always)
    subscript(position: Int) -> Int { runnable[position] }

    /// Empties the list.
    mutating func removeAll() {
        visitedCount = 0
        count = 0
    }
}
