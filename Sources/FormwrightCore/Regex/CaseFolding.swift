/// Simple case folding for `(?i)`: which scalars match each other regardless of case.
///
/// Two scalars are equivalent when one is the single-scalar lowercase, uppercase or titlecase
/// mapping of the other, closed transitively — so `k`, `K` and the Kelvin sign `K` form one
/// orbit, as do `s`, `S` and the long `ſ`. Multi-scalar mappings (`ß` → `SS`) are ignored.
/// The table is built once, on first use, from the standard library's Unicode properties.
enum CaseFolding {
    /// Each cased scalar paired with every other member of its orbit, sorted by the first value.
    private static let pairs: [(scalar: UInt32, other: UInt32)] = buildPairs()

    /// The other members of the orbit of `value` (empty for caseless scalars).
    static func others(of value: UInt32) -> [UInt32] {
        var result: [UInt32] = []
        var index = firstIndex(atLeast: value)
        while index < pairs.count, pairs[index].scalar == value {
            result.append(pairs[index].other)
            index += 1
        }
        return result
    }

    /// `ranges` together with every scalar in the same orbit as one of their members.
    static func folded(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result = ranges
        for range in ranges {
            var index = firstIndex(atLeast: range.lowerBound)
            while index < pairs.count, pairs[index].scalar <= range.upperBound {
                let other = pairs[index].other
                result.append(other...other)
                index += 1
            }
        }
        return ScalarSet.normalized(result)
    }

    private static func firstIndex(atLeast value: UInt32) -> Int {
        var low = 0
        var high = pairs.count
        while low < high {
            let middle = low + (high - low) / 2
            if pairs[middle].scalar < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func buildPairs() -> [(scalar: UInt32, other: UInt32)] {
        // Union-find over the scalars linked by a single-scalar case mapping.
        var parent: [UInt32: UInt32] = [:]
        func root(_ value: UInt32) -> UInt32 {
            var current = value
            while let next = parent[current], next != current { current = next }
            return current
        }
        for value in UInt32(0)...ScalarSet.maximumScalar {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped else { continue }
            let properties = scalar.properties
            for mapping in [properties.lowercaseMapping, properties.uppercaseMapping, properties.titlecaseMapping] {
                let mapped = mapping.unicodeScalars
                guard mapped.count == 1, let target = mapped.first?.value, target != value else { continue }
                if parent[value] == nil { parent[value] = value }
                if parent[target] == nil { parent[target] = target }
                let (a, b) = (root(value), root(target))
                if a != b { parent[a] = b }
            }
        }
        var orbits: [UInt32: [UInt32]] = [:]
        for value in parent.keys { orbits[root(value), default: []].append(value) }
        var pairs: [(scalar: UInt32, other: UInt32)] = []
        for members in orbits.values {
            for member in members {
                for other in members where other != member { pairs.append((member, other)) }
            }
        }
        pairs.sort { ($0.scalar, $0.other) < ($1.scalar, $1.other) }
        return pairs
    }
}
