/// Estimates the worst-case cost of a checked expression from the declared sizes of its inputs.
///
/// Every node costs one unit; string and list operations add a tenth of the sizes they scan, and a
/// loop costs the size of its range times the cost of its body, so nested loops multiply. Sizes come
/// from `Declarations` (`maxSize`), record field sizes, literal lengths, or
/// `ExpressionLimits.assumedCollectionSize` when nothing is known. Sums and products saturate.
struct CostEstimator {
    let checked: CheckedExpression
    let declarations: Declarations
    let limits: ExpressionLimits
    /// Loop variables in scope with the size assumed for their values.
    var locals: [String] = []

    static func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : product
    }

    /// The largest size (elements or characters) a node's value can have.
    func size(_ node: ExpressionNode) -> UInt64 {
        if case .variable(let name, _) = checked.references[node.id], let declared = declarations.variables[name]?.maxSize {
            return declared
        }
        switch node.kind {
        case .literal(.string(let text)): return UInt64(text.unicodeScalars.count)
        case .literal(.bytes(let bytes)): return UInt64(bytes.count)
        case .list(let elements): return UInt64(elements.count)
        case .map(let entries): return UInt64(entries.count)
        case .select(let operand, let field, false):
            if case .record(let record) = checked.types[operand.id]?.nonNull, let declared = record.maxSizes[field] { return declared }
        case .comprehension(let comprehension) where comprehension.macro == .map || comprehension.macro == .filter:
            return size(comprehension.range)
        case .call("_+_", nil, let arguments) where arguments.count == 2:
            return Self.add(size(arguments[0]), size(arguments[1]))
        default:
            break
        }
        return limits.assumedCollectionSize
    }

    /// Whether a node's type is one whose operations scan its contents.
    func isSized(_ node: ExpressionNode) -> Bool {
        switch checked.types[node.id]?.nonNull {
        case .string, .bytes, .list, .map: true
        default: false
        }
    }

    func cost(_ node: ExpressionNode) -> UInt64 {
        switch node.kind {
        case .literal: return 0
        case .identifier: return 1
        case .select(let operand, _, _): return Self.add(1, cost(operand))
        case .list(let elements): return elements.reduce(1) { Self.add($0, cost($1)) }
        case .map(let entries): return entries.reduce(1) { Self.add(Self.add($0, cost($1.key)), cost($1.value)) }
        case .call(let function, let target, let arguments):
            let operands = (target.map { [$0] } ?? []) + arguments
            var total = operands.reduce(UInt64(1)) { Self.add($0, cost($1)) }
            switch function {
            case "@in":
                if operands.count == 2, case .list = checked.types[operands[1].id]?.nonNull { total = Self.add(total, size(operands[1])) }
            case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_", "_+_", "contains", "startsWith", "endsWith", "matches", "string", "bytes",
                "charAt", "indexOf", "lastIndexOf", "lowerAscii", "upperAscii", "replace", "split", "substring", "trim", "reverse", "join":
                for operand in operands where isSized(operand) { total = Self.add(total, size(operand) / 10 + 1) }
            default:
                break
            }
            return total
        case .comprehension(let comprehension):
            var body: UInt64 = 1
            if let predicate = comprehension.predicate { body = Self.add(body, cost(predicate)) }
            if let transform = comprehension.transform { body = Self.add(body, cost(transform)) }
            return Self.add(cost(comprehension.range), Self.multiply(size(comprehension.range), body))
        }
    }
}
