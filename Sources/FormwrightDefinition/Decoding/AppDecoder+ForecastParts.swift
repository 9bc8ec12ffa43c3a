import FormwrightCore

extension AppDecoder {
    static let driverKeys = ["table", "value", "date", "by", "weight", "bounds", "sign", "lag", "normalise", "missing"]
    static let normaliseKeys = ["method", "window"]
    static let overrideKeys = ["driver", "where", "set", "scale", "add"]
    static let backtestKeys = ["windows", "metrics"]
    static let credibilityKeys = ["metric", "horizon", "green", "amber"]
    static let planKeys = ["table", "value", "date", "by"]

    /// `drivers: { name: { table, value, weight, … } }`.
    mutating func decodeDrivers(_ node: YAMLNode, period: ForecastPeriod, target: ForecastTarget?, tables: [TableDefinition]) -> [ForecastDriver] {
        guard let entries = context.mapping(node, key: "drivers", expected: "a mapping of driver names to drivers") else { return [] }
        var drivers: [ForecastDriver] = []
        for entry in entries {
            guard checkName(entry, kind: "driver", reservedApplies: false),
                let reader = MappingReader(
                    entry.value, subject: "driver '\(entry.key)'", key: entry.key, allowed: Self.driverKeys,
                    required: ["table", "value", "weight"], context: &context)
            else { continue }
            let name = Located(entry.key, at: entry.keyRange)
            let table = reader["table"].flatMap { context.text($0, key: "table") }
            let value = reader["value"].flatMap { context.text($0, key: "value") }
            let weight = reader["weight"].flatMap { node in context.number(node, key: "weight").map { Located($0, at: node.range) } }
            let bounds = reader["bounds"].flatMap { decodeBounds($0) }
            var sign = Located(ForecastDriver.Sign.any, at: name.range)
            if let node = reader["sign"], let word = context.word(node, key: "sign", among: ForecastDriver.Sign.allCases.map(\.rawValue)),
                let chosen = ForecastDriver.Sign(rawValue: word.value)
            {
                sign = Located(chosen, at: word.range)
            }
            let lag = reader["lag"].flatMap { context.integer($0, key: "lag", in: 0...ForecastDriver.maximumLag) }?.value ?? 0
            let normalisation =
                reader["normalise"].flatMap { decodeNormalisation($0, period: period) }
                ?? ForecastNormalisation(method: .zscore, window: period.defaultNormalisationWindow)
            var missing = ForecastDriver.MissingValue.last
            if let node = reader["missing"],
                let word = context.word(node, key: "missing", among: ForecastDriver.MissingValue.allCases.map(\.rawValue)),
                let chosen = ForecastDriver.MissingValue(rawValue: word.value)
            {
                missing = chosen
            }
            let date = reader["date"].flatMap { context.text($0, key: "date") }
            let groupBy = reader["by"].map { fieldNames($0, key: "by") } ?? target?.groupBy.map { Located($0.value, at: name.range) } ?? []
            guard let table, let value, let weight else { continue }
            guard let resolvedDate = date ?? onlyDateField(of: table, tables: tables, owner: "driver '\(entry.key)'", at: name.range) else {
                continue
            }
            drivers.append(
                ForecastDriver(
                    name: name, table: table, value: value, date: resolvedDate, groupBy: groupBy, weight: weight, bounds: bounds, sign: sign,
                    lag: lag, normalisation: normalisation, missing: missing))
        }
        return drivers
    }

    /// The date a driver or plan without `date` reads: its table's only date or datetime field.
    ///
    /// An unknown table gives an empty name here; `AppChecker` reports the table.
    private mutating func onlyDateField(
        of table: Located<String>, tables: [TableDefinition], owner: String, at range: SourceRange
    ) -> Located<String>? {
        guard let definition = tables.first(where: { $0.name.value == table.value }) else { return Located("", at: range) }
        let dates = definition.fields.filter { $0.type == .date || $0.type == .datetime }.map(\.name.value)
        guard dates.count == 1 else {
            let found = dates.isEmpty ? "has no date or datetime field" : "has several (\(dates.joined(separator: ", ")))"
            context.error(
                .missingKey, "\(owner) needs a 'date' naming the field that puts a value in a period: table '\(table.value)' \(found)", at: range)
            return nil
        }
        return Located(dates[0], at: range)
    }

    /// `bounds: [lo, hi]`.
    private mutating func decodeBounds(_ node: YAMLNode) -> Located<ForecastBounds>? {
        guard let items = node.items, items.count == 2 else {
            context.wrongType("a list of two numbers, [lowest, highest]", for: "bounds", found: node)
            return nil
        }
        guard let lower = context.number(items[0], key: "bounds"), let upper = context.number(items[1], key: "bounds") else { return nil }
        guard lower <= upper else {
            context.error(
                .constraintConflict, "the lower bound \(Self.numberText(lower)) is above the upper bound \(Self.numberText(upper))",
                at: items[0].range)
            return nil
        }
        return Located(ForecastBounds(lower: lower, upper: upper), at: node.range)
    }

    /// `normalise: zscore` or `normalise: { method: percent, window: 8 }`.
    private mutating func decodeNormalisation(_ node: YAMLNode, period: ForecastPeriod) -> ForecastNormalisation? {
        let methods = ForecastNormalisation.Method.allCases.map(\.rawValue)
        let methodNode: YAMLNode?
        var window = period.defaultNormalisationWindow
        if node.scalar != nil {
            methodNode = node
        } else {
            guard
                let reader = MappingReader(
                    node, subject: "'normalise'", key: "normalise", allowed: Self.normaliseKeys, required: ["method"], context: &context)
            else { return nil }
            methodNode = reader["method"]
            if let node = reader["window"] {
                guard let value = context.integer(node, key: "window", in: 2...ForecastNormalisation.maximumWindow) else { return nil }
                window = value.value
            }
        }
        guard let methodNode, let word = context.word(methodNode, key: node.scalar != nil ? "normalise" : "method", among: methods),
            let method = ForecastNormalisation.Method(rawValue: word.value)
        else { return nil }
        return ForecastNormalisation(method: method, window: window)
    }

    /// `scenarios: { name: [ { driver, where, set | scale | add } ] }`.
    mutating func decodeScenarios(_ node: YAMLNode) -> [ForecastScenario] {
        guard let entries = context.mapping(node, key: "scenarios", expected: "a mapping of scenario names to lists of driver changes") else {
            return []
        }
        var scenarios: [ForecastScenario] = []
        for entry in entries where checkName(entry, kind: "scenario", reservedApplies: false) {
            guard let items = entry.value.items, !items.isEmpty else {
                context.wrongType(
                    "a non-empty list of driver changes such as [{ driver: subsidy, scale: 1.2 }]", for: entry.key, found: entry.value)
                continue
            }
            let overrides = items.compactMap { decodeOverride($0) }
            guard overrides.count == items.count else { continue }
            scenarios.append(ForecastScenario(name: Located(entry.key, at: entry.keyRange), overrides: overrides))
        }
        return scenarios
    }

    private mutating func decodeOverride(_ node: YAMLNode) -> ForecastOverride? {
        guard
            let reader = MappingReader(
                node, subject: "a scenario change", key: "scenarios", allowed: Self.overrideKeys, required: ["driver"], context: &context),
            let driver = reader["driver"].flatMap({ context.text($0, key: "driver") })
        else { return nil }
        let condition = reader["where"].flatMap { context.expression($0, key: "where") }
        let changes = reader.entries.filter { ForecastOverride.Change.keys.contains($0.key) }
        guard let first = changes.first else {
            context.error(.missingKey, "the change of driver '\(driver.value)' needs one of 'set', 'scale' or 'add'", at: driver.range)
            return nil
        }
        for extra in changes.dropFirst() {
            context.error(
                .constraintConflict,
                "a change takes one of 'set', 'scale' or 'add', and '\(first.key)' is already given; "
                    + "write another change for '\(extra.key)'", at: extra.keyRange)
        }
        guard changes.count == 1, let amount = context.number(first.value, key: first.key) else { return nil }
        let change: ForecastOverride.Change =
            switch first.key {
            case "set": .set(amount)
            case "scale": .scale(amount)
            default: .add(amount)
            }
        return ForecastOverride(driver: driver, condition: condition, change: Located(change, at: first.value.range), range: node.range)
    }

    /// `backtest: { windows, metrics }`.
    mutating func decodeBacktest(_ node: YAMLNode) -> ForecastBacktest? {
        guard let reader = MappingReader(node, subject: "'backtest'", key: "backtest", allowed: Self.backtestKeys, context: &context) else {
            return nil
        }
        let windows =
            reader["windows"].flatMap { context.integer($0, key: "windows", in: 1...ForecastBacktest.maximumWindows) }
            ?? Located(ForecastBacktest.defaultWindows, at: node.range)
        var metrics = ForecastMetric.allCases.map { Located($0, at: node.range) }
        if let metricsNode = reader["metrics"] {
            guard let items = metricsNode.items, !items.isEmpty else {
                context.wrongType("a non-empty list of metrics such as [wape, mape, bias, mase]", for: "metrics", found: metricsNode)
                return nil
            }
            metrics = items.compactMap { metric($0, key: "metrics") }
            guard metrics.count == items.count else { return nil }
        }
        return ForecastBacktest(windows: windows, metrics: metrics)
    }

    /// `credibility: { metric, horizon, green, amber }`.
    mutating func decodeCredibility(_ node: YAMLNode) -> ForecastCredibility? {
        guard let reader = MappingReader(node, subject: "'credibility'", key: "credibility", allowed: Self.credibilityKeys, context: &context)
        else { return nil }
        let judged = reader["metric"].flatMap { metric($0, key: "metric") } ?? Located(ForecastMetric.wape, at: node.range)
        var horizon: Located<Int>?
        if let node = reader["horizon"], node.scalar != "last" {
            guard let value = context.integer(node, key: "horizon", in: 1...ForecastDefinition.maximumHorizon) else { return nil }
            horizon = value
        }
        func band(_ key: String, _ fallback: Double) -> Located<Double>? {
            guard let node = reader[key] else { return Located(fallback, at: reader.range) }
            guard let value = context.number(node, key: key) else { return nil }
            guard value >= 0 else {
                context.error(.outOfRange, "'\(key)' must be 0 or more, not \(Self.numberText(value))", at: node.range)
                return nil
            }
            return Located(value, at: node.range)
        }
        guard let green = band("green", ForecastCredibility.defaultGreen), let amber = band("amber", ForecastCredibility.defaultAmber) else {
            return nil
        }
        guard green.value <= amber.value else {
            context.error(
                .constraintConflict,
                "'green' (\(Self.numberText(green.value))) is above 'amber' (\(Self.numberText(amber.value))); green is the tighter band",
                at: green.range)
            return nil
        }
        return ForecastCredibility(metric: judged, horizon: horizon, green: green, amber: amber)
    }

    /// `plan: { table, value, date, by }`.
    mutating func decodePlan(_ node: YAMLNode, target: ForecastTarget?, tables: [TableDefinition]) -> ForecastPlan? {
        guard
            let reader = MappingReader(
                node, subject: "'plan'", key: "plan", allowed: Self.planKeys, required: ["table", "value"], context: &context),
            let table = reader["table"].flatMap({ context.text($0, key: "table") }),
            let value = reader["value"].flatMap({ context.text($0, key: "value") })
        else { return nil }
        let date = reader["date"].flatMap { context.text($0, key: "date") }
        guard let resolvedDate = date ?? onlyDateField(of: table, tables: tables, owner: "'plan'", at: table.range) else { return nil }
        let groupBy = reader["by"].map { fieldNames($0, key: "by") } ?? target?.groupBy.map { Located($0.value, at: table.range) } ?? []
        return ForecastPlan(table: table, value: value, date: resolvedDate, groupBy: groupBy)
    }

    private mutating func metric(_ node: YAMLNode, key: String) -> Located<ForecastMetric>? {
        guard let word = context.word(node, key: key, among: ForecastMetric.allCases.map(\.rawValue)),
            let metric = ForecastMetric(rawValue: word.value)
        else { return nil }
        return Located(metric, at: word.range)
    }
}
