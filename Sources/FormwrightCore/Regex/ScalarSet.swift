/// The scalars a character class matches: sorted ranges, Unicode general categories, and a negation.
///
/// Membership of ASCII scalars is precomputed into a 128-bit map, so the common case is one
/// shift and mask; other scalars are found by binary search over the ranges.
struct ScalarSet: Sendable, Hashable {
    /// Sorted, non-overlapping, non-adjacent ranges of scalar values (before negation).
    let ranges: [ClosedRange<UInt32>]
    /// Categories whose scalars are in the set (before negation).
    let categories: GeneralCategorySet
    /// Whether the set is the complement of `ranges` ∪ `categories`.
    let isNegated: Bool
    private let asciiLow: UInt64
    private let asciiHigh: UInt64

    /// A set of `ranges` (in any order, overlapping or not) and `categories`, complemented if `negated`.
    init(ranges: [ClosedRange<UInt32>], categories: GeneralCategorySet = .none, negated: Bool = false) {
        self.ranges = Self.normalized(ranges)
        self.categories = categories
        self.isNegated = negated
        var low: UInt64 = 0
        var high: UInt64 = 0
        for value in UInt32(0)..<128 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let member = (Self.search(self.ranges, value) || categories.contains(scalar)) != negated
            guard member else { continue }
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
        asciiLow = low
        asciiHigh = high
    }

    /// Whether `scalar` is in the set.
    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 64 { return asciiLow & (1 << UInt64(value)) != 0 }
        if value < 128 { return asciiHigh & (1 << UInt64(value - 64)) != 0 }
        return (Self.search(ranges, value) || categories.contains(scalar)) != isNegated
    }

    /// Whether the set holds ASCII scalar `value` (which must be below 128).
    func containsASCII(_ value: UInt32) -> Bool {
        value < 64 ? asciiLow & (1 << UInt64(value)) != 0 : asciiHigh & (1 << UInt64(value &- 64)) != 0
    }

    /// Whether some scalar at or above U+0080 may be in the set (answered conservatively).
    var mayContainNonASCII: Bool {
        isNegated || !categories.isEmpty || (ranges.last.map { $0.upperBound >= 128 } ?? false)
    }

    /// Whether `value` falls in one of the sorted `ranges`.
    private static func search(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = low + (high - low) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// `ranges` sorted, with overlapping and adjacent ranges merged.
    static func normalized(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        merged.reserveCapacity(sorted.count)
        for range in sorted {
            if let last = merged.last, range.lowerBound <= last.upperBound || range.lowerBound - last.upperBound == 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// The scalar values (0…U+10FFFF) not in `ranges`.
    static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in normalized(ranges) {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            guard range.upperBound < maximumScalar else { return result }
            next = range.upperBound + 1
        }
        result.append(next...maximumScalar)
        return result
    }

    /// The largest Unicode scalar value.
    static let maximumScalar: UInt32 = 0x10FFFF
}
