public import FormwrightCore

/// The names an expression may use: variables with their types, and the namespace names resolve in.
///
/// A variable may carry the largest size of its values (elements of a list or map, characters of a
/// string) so the checker can bound the cost of loops over it; without one,
/// `ExpressionLimits.assumedCollectionSize` is assumed.
public struct Declarations: Sendable {
    /// One declared variable.
    public struct Variable: Sendable, Hashable {
        /// The full name, possibly dotted (`x.y`).
        public var name: String
        /// The declared type.
        public var type: ExpressionType
        /// The largest size of the variable's list, map or string values, when known.
        public var maxSize: UInt64?
    }

    /// The declared variables by full name.
    public private(set) var variables: [String: Variable] = [:]
    /// The values of variables known when compiling (a template's parameters), by full name; each is planned as a constant.
    public private(set) var constants: [String: Value] = [:]
    /// The namespace unqualified names resolve in first (`a.b` makes `x` try `a.b.x`, then `a.x`, then `x`).
    public var container: String

    /// Creates declarations with no variables.
    public init(container: String = "") {
        self.container = container
    }

    /// Declares (or redeclares) a variable.
    public mutating func declare(_ name: String, _ type: ExpressionType, maxSize: UInt64? = nil) {
        variables[name] = Variable(name: name, type: type, maxSize: maxSize)
    }

    /// Declares a variable whose value is known when compiling, such as a template's `params.region`.
    public mutating func declareConstant(_ name: String, _ type: ExpressionType, value: Value) {
        declare(name, type)
        constants[name] = value
    }

    /// Declares every field of a record as a variable of its own, so `field` works as well as `record.field`.
    public mutating func declareFields(of record: RecordType) {
        for (name, type) in record.fields { declare(name, type, maxSize: record.maxSizes[name]) }
    }

    /// The full names `name` may stand for in `container`, most qualified first; a leading `.` means the root only.
    static func candidateNames(_ name: String, container: String) -> [String] {
        if name.hasPrefix(".") { return [String(name.dropFirst())] }
        var names: [String] = []
        var prefix = container
        while !prefix.isEmpty {
            names.append(prefix + "." + name)
            if let dot = prefix.lastIndex(of: ".") { prefix = String(prefix[..<dot]) } else { prefix = "" }
        }
        names.append(name)
        return names
    }
}
