extension MemoryApp {
    /// The reference answer to an aggregate query: records grouped in a dictionary, groups
    /// sorted by their keys as ``ColumnValue`` orders them.
    func aggregate(_ query: AggregateQuery, app: String) throws -> [AggregateRow] {
        let table = try tableSchema(query.table, app: app)
        let plan = try AggregatePlan(query, table: table)
        var groups: [[ColumnValue]: AggregateAccumulator] = [:]
        for record in try matching(table, [:], plan.condition) {
            let value = { (column: ColumnSchema) throws -> ColumnValue in try storedValue(record, column, table) }
            let keys = try plan.keys.map { key in try keyValue(key, value, plan.calendar) }
            if groups[keys] == nil {
                guard groups.count < plan.groupLimit else { throw plan.tooManyGroups }
                groups[keys] = AggregateAccumulator(plan.figures)
            }
            try groups[keys]?.add(value, plan: plan)
        }
        // Without keys there is always exactly one group, as SQL gives one row without GROUP BY.
        if plan.keys.isEmpty, groups.isEmpty { groups[[]] = AggregateAccumulator(plan.figures) }
        return groups.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { AggregateRow(keys: $0.key, values: $0.value.values) }
    }

    private func keyValue(_ key: AggregatePlan.Key, _ value: (ColumnSchema) throws -> ColumnValue, _ calendar: PeriodCalendar) throws
        -> ColumnValue
    {
        switch key {
        case .field(let column):
            return try value(column)
        case .period(let column, let period):
            switch try value(column) {
            case .integer(let micros): return .text(calendar.start(of: period, microseconds: micros))
            case .text(let date): return PeriodCalendar.start(of: period, date: date).map(ColumnValue.text) ?? .null
            default: return .null
            }
        }
    }
}
