/// The set of program positions alive at one text position: a sparse set, cleared in constant time.
///
/// Every instruction reached is recorded, so that no instruction is followed twice at one position
/// (which is what bounds the work per scalar and ends empty loops such as `(a*)*`); only the
/// instructions that consume a scalar or match are kept for the next step.
struct ThreadList {
    /// Three arrays in one allocation: the dense and sparse halves of the visited set, then the kept instructions.
    private var storage: [Int]
    private let capacity: Int
    private var visitedCount = 0
    /// How many consuming or matching instructions are kept.
    private(set) var count = 0

    /// An empty list for a program of `capacity` instructions.
    init(capacity: Int) {
        self.capacity = capacity
        storage = [Int](repeating: 0, count: capacity * 3)
    }

    /// Records `index` as reached; `false` if it already was.
    @inline(__always)
    mutating func visit(_ index: Int) -> Bool {
        let slot = storage[capacity + index]
        if slot < visitedCount, storage[slot] == index { return false }
        storage[capacity + index] = visitedCount
        storage[visitedCount] = index
        visitedCount += 1
        return true
    }

    /// Whether `index` has been reached.
    func contains(_ index: Int) -> Bool {
        let slot = storage[capacity + index]
        return slot < visitedCount && storage[slot] == index
    }

    /// Keeps a reached consuming or matching instruction for the next step.
    @inline(__always)
    mutating func keep(_ index: Int) {
        storage[2 * capacity + count] = index
        count += 1
    }

    /// The `position`-th kept instruction.
    @inline(__always)
    subscript(position: Int) -> Int { storage[2 * capacity + position] }

    /// Empties the list.
    mutating func removeAll() {
        visitedCount = 0
        count = 0
    }
}
