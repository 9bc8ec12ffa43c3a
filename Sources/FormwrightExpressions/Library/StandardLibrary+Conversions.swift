import FormwrightCore

extension StandardLibrary {
    static func convertToInt(_ value: RuntimeValue) throws(EvaluationError) -> RuntimeValue {
        switch value {
        case .value(.int): return value
        case .value(.uint(let x)):
            guard let converted = Int64(exactly: x) else { throw EvaluationError("int conversion out of range") }
            return .value(.int(converted))
        case .value(.double(let x)):
            guard x.isFinite, x > -9_223_372_036_854_775_808.0, x < 9_223_372_036_854_775_807.0 else {
                throw EvaluationError("int conversion out of range")
            }
            return .value(.int(Int64(x.rounded(.towardZero))))
        case .value(.string(let text)):
            guard let converted = Int64(text) else { throw EvaluationError("cannot convert '\(text)' to int") }
            return .value(.int(converted))
        case .value(.timestamp(let timestamp)): return .value(.int(timestamp.seconds))
        default: throw mismatch(value)
        }
    }

    static func convertToUInt(_ value: RuntimeValue) throws(EvaluationError) -> RuntimeValue {
        switch value {
        case .value(.uint): return value
        case .value(.int(let x)):
            guard let converted = UInt64(exactly: x) else { throw EvaluationError("uint conversion out of range") }
            return .value(.uint(converted))
        case .value(.double(let x)):
            guard x.isFinite, x > -1, x < 18_446_744_073_709_551_616.0 else { throw EvaluationError("uint conversion out of range") }
            return .value(.uint(UInt64(x.rounded(.towardZero))))
        case .value(.string(let text)):
            guard let converted = UInt64(text) else { throw EvaluationError("cannot convert '\(text)' to uint") }
            return .value(.uint(converted))
        default: throw mismatch(value)
        }
    }

    static func convertToDouble(_ value: RuntimeValue) throws(EvaluationError) -> RuntimeValue {
        switch value {
        case .value(.double): return value
        case .value(.int(let x)): return .value(.double(Double(x)))
        case .value(.uint(let x)): return .value(.double(Double(x)))
        case .value(.string(let text)):
            guard let converted = Double(text) else { throw EvaluationError("cannot convert '\(text)' to double") }
            return .value(.double(converted))
        default: throw mismatch(value)
        }
    }

    static func convertToString(_ value: RuntimeValue) throws(EvaluationError) -> RuntimeValue {
        switch value {
        case .value(.string): return value
        case .value(.int(let x)): return .value(.string(String(x)))
        case .value(.uint(let x)): return .value(.string(String(x)))
        case .value(.double(let x)): return .value(.string(DoubleFormatting.shortest(x)))
        case .value(.bool(let x)): return .value(.string(x ? "true" : "false"))
        case .value(.bytes(let bytes)):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw EvaluationError("bytes are not valid UTF-8")
            }
            return .value(.string(text))
        case .value(.timestamp(let timestamp)): return .value(.string(TimeCalculations.format(try TimeCalculations.checked(timestamp))))
        case .value(.duration(let span)): return .value(.string(TimeCalculations.format(span)))
        default: throw mismatch(value)
        }
    }

    static func convertToBool(_ value: RuntimeValue) throws(EvaluationError) -> RuntimeValue {
        switch value {
        case .value(.bool): return value
        case .value(.string(let text)):
            switch text {
            case "1", "t", "true", "TRUE", "True": return .true
            case "0", "f", "false", "FALSE", "False": return .false
            default: throw EvaluationError("cannot convert '\(text)' to bool")
            }
        default: throw mismatch(value)
        }
    }

    static func convertToBytes(_ value: RuntimeValue) throws(EvaluationError) -> RuntimeValue {
        switch value {
        case .value(.bytes): return value
        case .value(.string(let text)): return .value(.bytes(Array(text.utf8)))
        default: throw mismatch(value)
        }
    }

    static let conversions: [String: [Overload]] = [
        "int": [
            unary("int64_to_int64", .int, .int, convertToInt), unary("uint64_to_int64", .uint, .int, convertToInt),
            unary("double_to_int64", .double, .int, convertToInt), unary("string_to_int64", .string, .int, convertToInt),
            unary("timestamp_to_int64", .timestamp, .int, convertToInt),
        ],
        "uint": [
            unary("uint64_to_uint64", .uint, .uint, convertToUInt), unary("int64_to_uint64", .int, .uint, convertToUInt),
            unary("double_to_uint64", .double, .uint, convertToUInt), unary("string_to_uint64", .string, .uint, convertToUInt),
        ],
        "double": [
            unary("double_to_double", .double, .double, convertToDouble), unary("int64_to_double", .int, .double, convertToDouble),
            unary("uint64_to_double", .uint, .double, convertToDouble), unary("string_to_double", .string, .double, convertToDouble),
        ],
        "string": [
            unary("string_to_string", .string, .string, convertToString), unary("int64_to_string", .int, .string, convertToString),
            unary("uint64_to_string", .uint, .string, convertToString), unary("double_to_string", .double, .string, convertToString),
            unary("bool_to_string", .bool, .string, convertToString), unary("bytes_to_string", .bytes, .string, convertToString),
            unary("timestamp_to_string", .timestamp, .string, convertToString),
            unary("duration_to_string", .duration, .string, convertToString),
        ],
        "bool": [
            unary("bool_to_bool", .bool, .bool, convertToBool), unary("string_to_bool", .string, .bool, convertToBool),
        ],
        "bytes": [
            unary("bytes_to_bytes", .bytes, .bytes, convertToBytes), unary("string_to_bytes", .string, .bytes, convertToBytes),
        ],
        "dyn": [unary("to_dyn", .parameter("A"), .dyn) { $0 }],
        "type": [
            unary("type", .parameter("A"), .type(.parameter("A"))) { value in
                switch value {
                case .value(let plain): .type(plain.kindName)
                case .type: .type("type")
                }
            }
        ],
    ]
}
