import FormwrightCore

/// CEL's standard functions and operators, each declared once with its signatures and implementation.
public enum StandardLibrary {
    /// Every function by name.
    public static let functions: [String: FunctionDeclaration] = {
        var byName: [String: [Overload]] = [:]
        let groups = [arithmetic, comparisons, collections, conversions, strings, stringExtensions, time]
        for group in groups {
            for (name, overloads) in group { byName[name, default: []].append(contentsOf: overloads) }
        }
        return byName.reduce(into: [:]) { result, entry in
            result[entry.key] = FunctionDeclaration(name: entry.key, overloads: entry.value)
        }
    }()

    /// The type names that stand for type values when used as identifiers (`int`, `list`, …).
    static let typeDenotations: [String: ExpressionType] = [
        "int": .int, "uint": .uint, "double": .double, "bool": .bool, "string": .string, "bytes": .bytes,
        "null_type": .null, "list": .list(.dyn), "map": .map(key: .dyn, value: .dyn), "type": .type(.dyn),
        "google.protobuf.Timestamp": .timestamp, "google.protobuf.Duration": .duration,
    ]

    static func unary(
        _ id: String, _ parameter: ExpressionType, _ result: ExpressionType, member: Bool = false, grows: Bool = false,
        _ body: @escaping @Sendable (RuntimeValue) throws(EvaluationError) -> RuntimeValue
    ) -> Overload {
        Overload(id, [parameter], result, member: member, grows: grows, .unary(body))
    }

    static func binary(
        _ id: String, _ first: ExpressionType, _ second: ExpressionType, _ result: ExpressionType, member: Bool = false,
        grows: Bool = false, _ body: @escaping @Sendable (RuntimeValue, RuntimeValue) throws(EvaluationError) -> RuntimeValue
    ) -> Overload {
        Overload(id, [first, second], result, member: member, grows: grows, .binary(body))
    }

    /// The error for an implementation reached with values its signature excludes.
    static func mismatch(_ values: RuntimeValue...) -> EvaluationError {
        EvaluationError("no matching overload for arguments (\(values.map(\.typeName).joined(separator: ", ")))")
    }
}
