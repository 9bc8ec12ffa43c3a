/// Collects the members of a character class, applying case folding and negation item by item.
///
/// As in RE2, a negated item such as `\W` or `[:^alpha:]` under `(?i)` is folded first and
/// negated second, so `(?i)\W` still excludes `k` and `K`.
struct ScalarSetBuilder {
    /// Whether the class is read under `(?i)`.
    let caseInsensitive: Bool
    private var ranges: [ClosedRange<UInt32>] = []
    private var categories = GeneralCategorySet.none

    /// An empty builder.
    init(caseInsensitive: Bool) {
        self.caseInsensitive = caseInsensitive
    }

    /// Adds a literal scalar or range (`a`, `a-z`).
    mutating func add(_ range: ClosedRange<UInt32>) {
        if caseInsensitive {
            ranges += CaseFolding.folded([range])
        } else {
            ranges.append(range)
        }
    }

    /// Adds a named group of scalars (`\d`, `[:alpha:]`), or its complement.
    mutating func add(group: [ClosedRange<UInt32>], negated: Bool) {
        var members = caseInsensitive ? CaseFolding.folded(group) : group
        if negated { members = ScalarSet.complement(members) }
        ranges += members
    }

    /// Adds a Unicode class (`\pL`), or its complement (`\PL`).
    mutating func add(categories added: GeneralCategorySet, negated: Bool) {
        var members = caseInsensitive ? added.caseFolded : added
        if negated { members = members.complement }
        categories = categories.union(members)
    }

    /// The finished set, complemented as a whole for `[^…]`.
    func build(negated: Bool) -> ScalarSet {
        ScalarSet(ranges: ranges, categories: categories, negated: negated)
    }
}
