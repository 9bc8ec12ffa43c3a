/// The bounds that keep compiling and evaluating one expression cheap, whatever its text or input.
///
/// The defaults, used by `formwright serve` and `formwright eval` alike and enforced in every build:
///
/// | limit | default | checked |
/// |---|---:|---|
/// | `maxSourceLength` | 10,000 scalars | before parsing |
/// | `maxNestingDepth` | 250 levels | while parsing: brackets, calls and operator chains |
/// | `maxEstimatedCost` | 1,000,000 | after checking, from declared sizes |
/// | `maxSteps` | 1,000,000 | while evaluating: one step per node visited and per loop iteration |
/// | `maxStringLength` | 100,000 bytes | each string (UTF-8) or bytes value an evaluation builds |
/// | `maxListLength` | 10,000 elements | each list or map an evaluation builds |
/// | `assumedCollectionSize` | 1,000 | cost estimate for a list, map or string without a declared size |
///
/// The estimate follows Kubernetes' approach: a variable may declare the largest size its list,
/// map or string can have, a loop multiplies the cost of its body by the size of its range, and an
/// expression whose worst case exceeds `maxEstimatedCost` is rejected before it ever runs.
public struct ExpressionLimits: Sendable, Hashable {
    /// The longest source text accepted, in Unicode scalars.
    public var maxSourceLength: Int
    /// The deepest nesting of brackets, calls and operators accepted; parsing never recurses deeper.
    public var maxNestingDepth: Int
    /// The largest worst-case cost the checker accepts.
    public var maxEstimatedCost: UInt64
    /// The most evaluation steps one evaluation may take.
    public var maxSteps: Int
    /// The longest string (in UTF-8 bytes) or bytes value one evaluation may build.
    public var maxStringLength: Int
    /// The longest list (or largest map) one evaluation may build.
    public var maxListLength: Int
    /// The size assumed for a list, map, string or bytes value whose size is not declared.
    public var assumedCollectionSize: UInt64

    /// Creates limits; every parameter defaults to the documented default.
    public init(
        maxSourceLength: Int = 10_000,
        maxNestingDepth: Int = 250,
        maxEstimatedCost: UInt64 = 1_000_000,
        maxSteps: Int = 1_000_000,
        maxStringLength: Int = 100_000,
        maxListLength: Int = 10_000,
        assumedCollectionSize: UInt64 = 1_000
    ) {
        self.maxSourceLength = maxSourceLength
        self.maxNestingDepth = maxNestingDepth
        self.maxEstimatedCost = maxEstimatedCost
        self.maxSteps = maxSteps
        self.maxStringLength = maxStringLength
        self.maxListLength = maxListLength
        self.assumedCollectionSize = assumedCollectionSize
    }

    /// The documented defaults.
    public static let `default` = ExpressionLimits()
}
