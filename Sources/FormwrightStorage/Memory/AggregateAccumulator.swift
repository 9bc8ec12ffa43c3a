/// The running measures of one group as the in-memory store adds its records, computed the way
/// SQL computes them: empty values skipped, integer sums exact, averages as floats.
struct AggregateAccumulator {
    private var running: [Running]

    private enum Running {
        case count(Int64)
        case integerSum(ColumnSchema, Int64?)
        case realSum(ColumnSchema, Double?)
        /// An integer column's exact total while it fits, with a float total once it no longer does.
        case integerAverage(ColumnSchema, exact: Int64?, approximate: Double, count: Int64)
        case realAverage(ColumnSchema, total: Double, count: Int64)
        case minimum(ColumnSchema, ColumnValue)
        case maximum(ColumnSchema, ColumnValue)
    }

    /// An empty group's measures.
    init(_ figures: [AggregatePlan.Figure]) {
        running = figures.map { figure -> Running in
            switch figure {
            case .count: .count(0)
            case .integerSum(let column): .integerSum(column, nil)
            case .realSum(let column): .realSum(column, nil)
            case .average(let column):
                if case .double = column.type {
                    .realAverage(column, total: 0, count: 0)
                } else {
                    .integerAverage(column, exact: 0, approximate: 0, count: 0)
                }
            case .minimum(let column): .minimum(column, .null)
            case .maximum(let column): .maximum(column, .null)
            }
        }
    }

    /// Adds one record, given as its stored value per column.
    ///
    /// - Throws: the plan's ``AggregatePlan/sumOverflow(_:)`` when an integer sum leaves 64 bits.
    mutating func add(_ value: (ColumnSchema) throws -> ColumnValue, plan: AggregatePlan) throws {
        for index in running.indices {
            switch running[index] {
            case .count(let count):
                running[index] = .count(count + 1)
            case .integerSum(let column, let total):
                guard case .integer(let number) = try value(column) else { continue }
                let (sum, overflow) = (total ?? 0).addingReportingOverflow(number)
                if overflow { throw plan.sumOverflow(column) }
                running[index] = .integerSum(column, sum)
            case .realSum(let column, let total):
                guard case .real(let number) = try value(column) else { continue }
                running[index] = .realSum(column, (total ?? 0) + number)
            case .integerAverage(let column, let exact, let approximate, let count):
                guard case .integer(let number) = try value(column) else { continue }
                let sum = exact.flatMap { total -> Int64? in
                    let (sum, overflow) = total.addingReportingOverflow(number)
                    return overflow ? nil : sum
                }
                running[index] = .integerAverage(column, exact: sum, approximate: approximate + Double(number), count: count + 1)
            case .realAverage(let column, let total, let count):
                guard case .real(let number) = try value(column) else { continue }
                running[index] = .realAverage(column, total: total + number, count: count + 1)
            case .minimum(let column, let smallest):
                let stored = try value(column)
                if stored != .null, smallest == .null || stored < smallest { running[index] = .minimum(column, stored) }
            case .maximum(let column, let largest):
                let stored = try value(column)
                if stored != .null, largest == .null || largest < stored { running[index] = .maximum(column, stored) }
            }
        }
    }

    /// The group's measures as stored values, in the plan's order.
    var values: [ColumnValue] {
        running.map { figure -> ColumnValue in
            switch figure {
            case .count(let count): .integer(count)
            case .integerSum(_, let total): total.map(ColumnValue.integer) ?? .null
            case .realSum(_, let total): total.map(ColumnValue.real) ?? .null
            case .integerAverage(_, let exact, let approximate, let count):
                count == 0 ? .null : .real((exact.map(Double.init) ?? approximate) / Double(count))
            case .realAverage(_, let total, let count): count == 0 ? .null : .real(total / Double(count))
            case .minimum(_, let value), .maximum(_, let value): value
            }
        }
    }
}
