import FormwrightCore

extension StandardLibrary {
    static let arithmetic: [String: [Overload]] = [
        "_+_": [
            binary("add_int64", .int, .int, .int) { a, b throws(EvaluationError) in
                guard case .value(.int(let x)) = a, case .value(.int(let y)) = b else { throw mismatch(a, b) }
                let (sum, overflow) = x.addingReportingOverflow(y)
                if overflow { throw .overflow() }
                return .value(.int(sum))
            },
            binary("add_uint64", .uint, .uint, .uint) { a, b throws(EvaluationError) in
                guard case .value(.uint(let x)) = a, case .value(.uint(let y)) = b else { throw mismatch(a, b) }
                let (sum, overflow) = x.addingReportingOverflow(y)
                if overflow { throw .overflow("unsigned integer") }
                return .value(.uint(sum))
            },
            binary("add_double", .double, .double, .double) { a, b throws(EvaluationError) in
                guard case .value(.double(let x)) = a, case .value(.double(let y)) = b else { throw mismatch(a, b) }
                return .value(.double(x + y))
            },
            binary("add_string", .string, .string, .string, grows: true) { a, b throws(EvaluationError) in
                guard case .value(.string(let x)) = a, case .value(.string(let y)) = b else { throw mismatch(a, b) }
                return .value(.string(x + y))
            },
            binary("add_bytes", .bytes, .bytes, .bytes, grows: true) { a, b throws(EvaluationError) in
                guard case .value(.bytes(let x)) = a, case .value(.bytes(let y)) = b else { throw mismatch(a, b) }
                return .value(.bytes(x + y))
            },
            binary("add_list", .list(.parameter("A")), .list(.parameter("A")), .list(.parameter("A")), grows: true) { a, b throws(EvaluationError) in
                guard case .value(.list(let x)) = a, case .value(.list(let y)) = b else { throw mismatch(a, b) }
                return .value(.list(x + y))
            },
            binary("add_timestamp_duration", .timestamp, .duration, .timestamp) { a, b throws(EvaluationError) in
                guard case .value(.timestamp(let x)) = a, case .value(.duration(let y)) = b else { throw mismatch(a, b) }
                return .value(.timestamp(try TimeCalculations.add(x, y)))
            },
            binary("add_duration_timestamp", .duration, .timestamp, .timestamp) { a, b throws(EvaluationError) in
                guard case .value(.duration(let x)) = a, case .value(.timestamp(let y)) = b else { throw mismatch(a, b) }
                return .value(.timestamp(try TimeCalculations.add(y, x)))
            },
            binary("add_duration_duration", .duration, .duration, .duration) { a, b throws(EvaluationError) in
                guard case .value(.duration(let x)) = a, case .value(.duration(let y)) = b else { throw mismatch(a, b) }
                return .value(.duration(try TimeCalculations.add(x, y)))
            },
        ],
        "_-_": [
            binary("subtract_int64", .int, .int, .int) { a, b throws(EvaluationError) in
                guard case .value(.int(let x)) = a, case .value(.int(let y)) = b else { throw mismatch(a, b) }
                let (difference, overflow) = x.subtractingReportingOverflow(y)
                if overflow { throw .overflow() }
                return .value(.int(difference))
            },
            binary("subtract_uint64", .uint, .uint, .uint) { a, b throws(EvaluationError) in
                guard case .value(.uint(let x)) = a, case .value(.uint(let y)) = b else { throw mismatch(a, b) }
                let (difference, overflow) = x.subtractingReportingOverflow(y)
                if overflow { throw .overflow("unsigned integer") }
                return .value(.uint(difference))
            },
            binary("subtract_double", .double, .double, .double) { a, b throws(EvaluationError) in
                guard case .value(.double(let x)) = a, case .value(.double(let y)) = b else { throw mismatch(a, b) }
                return .value(.double(x - y))
            },
            binary("subtract_timestamp_timestamp", .timestamp, .timestamp, .duration) { a, b throws(EvaluationError) in
                guard case .value(.timestamp(let x)) = a, case .value(.timestamp(let y)) = b else { throw mismatch(a, b) }
                return .value(.duration(try TimeCalculations.difference(x, y)))
            },
            binary("subtract_timestamp_duration", .timestamp, .duration, .timestamp) { a, b throws(EvaluationError) in
                guard case .value(.timestamp(let x)) = a, case .value(.duration(let y)) = b else { throw mismatch(a, b) }
                return .value(.timestamp(try TimeCalculations.add(x, try TimeCalculations.negate(y))))
            },
            binary("subtract_duration_duration", .duration, .duration, .duration) { a, b throws(EvaluationError) in
                guard case .value(.duration(let x)) = a, case .value(.duration(let y)) = b else { throw mismatch(a, b) }
                return .value(.duration(try TimeCalculations.add(x, try TimeCalculations.negate(y))))
            },
        ],
        "_*_": [
            binary("multiply_int64", .int, .int, .int) { a, b throws(EvaluationError) in
                guard case .value(.int(let x)) = a, case .value(.int(let y)) = b else { throw mismatch(a, b) }
                let (product, overflow) = x.multipliedReportingOverflow(by: y)
                if overflow { throw .overflow() }
                return .value(.int(product))
            },
            binary("multiply_uint64", .uint, .uint, .uint) { a, b throws(EvaluationError) in
                guard case .value(.uint(let x)) = a, case .value(.uint(let y)) = b else { throw mismatch(a, b) }
                let (product, overflow) = x.multipliedReportingOverflow(by: y)
                if overflow { throw .overflow("unsigned integer") }
                return .value(.uint(product))
            },
            binary("multiply_double", .double, .double, .double) { a, b throws(EvaluationError) in
                guard case .value(.double(let x)) = a, case .value(.double(let y)) = b else { throw mismatch(a, b) }
                return .value(.double(x * y))
            },
        ],
        "_/_": [
            binary("divide_int64", .int, .int, .int) { a, b throws(EvaluationError) in
                guard case .value(.int(let x)) = a, case .value(.int(let y)) = b else { throw mismatch(a, b) }
                if y == 0 { throw .divisionByZero }
                let (quotient, overflow) = x.dividedReportingOverflow(by: y)
                if overflow { throw .overflow() }
                return .value(.int(quotient))
            },
            binary("divide_uint64", .uint, .uint, .uint) { a, b throws(EvaluationError) in
                guard case .value(.uint(let x)) = a, case .value(.uint(let y)) = b else { throw mismatch(a, b) }
                if y == 0 { throw .divisionByZero }
                return .value(.uint(x / y))
            },
            binary("divide_double", .double, .double, .double) { a, b throws(EvaluationError) in
                guard case .value(.double(let x)) = a, case .value(.double(let y)) = b else { throw mismatch(a, b) }
                return .value(.double(x / y))
            },
        ],
        "_%_": [
            binary("modulo_int64", .int, .int, .int) { a, b throws(EvaluationError) in
                guard case .value(.int(let x)) = a, case .value(.int(let y)) = b else { throw mismatch(a, b) }
                if y == 0 { throw .moduloByZero }
                let (remainder, overflow) = x.remainderReportingOverflow(dividingBy: y)
                if overflow { throw .overflow() }
                return .value(.int(remainder))
            },
            binary("modulo_uint64", .uint, .uint, .uint) { a, b throws(EvaluationError) in
                guard case .value(.uint(let x)) = a, case .value(.uint(let y)) = b else { throw mismatch(a, b) }
                if y == 0 { throw .moduloByZero }
                return .value(.uint(x % y))
            },
        ],
        "-_": [
            unary("negate_int64", .int, .int) { a throws(EvaluationError) in
                guard case .value(.int(let x)) = a else { throw mismatch(a) }
                let (negated, overflow) = Int64(0).subtractingReportingOverflow(x)
                if overflow { throw .overflow() }
                return .value(.int(negated))
            },
            unary("negate_double", .double, .double) { a throws(EvaluationError) in
                guard case .value(.double(let x)) = a else { throw mismatch(a) }
                return .value(.double(-x))
            },
        ],
        "!_": [
            unary("logical_not", .bool, .bool) { a throws(EvaluationError) in
                guard case .value(.bool(let x)) = a else { throw mismatch(a) }
                return .value(.bool(!x))
            }
        ],
    ]
}
