import FormwrightCore

extension AppChecker {
    /// The kinds of field a forecast may add up, or read a driver or plan value from.
    static let numericFields: [FieldType] = [.integer, .number, .money]
    /// The kinds of field that may put a value in a period.
    static let dateFields: [FieldType] = [.date, .datetime]
    /// The kinds of field that may make groups.
    static let groupFields: [FieldType] = [.choice, .text, .link]

    /// Checks a forecast's references: tables and fields exist and have fitting types, weights fit their bounds and sign.
    mutating func checkForecast(_ forecast: ForecastDefinition) {
        let name = forecast.name.value
        let target = forecast.target
        if let table = knownTable(target.table, owner: "forecast '\(name)'") {
            for field in target.measure.fields {
                checkField(field, of: table, kinds: Self.numericFields, role: "a forecast measure")
            }
            checkField(target.date, of: table, kinds: Self.dateFields, role: "a forecast 'date'")
            for field in target.groupBy {
                checkField(field, of: table, kinds: Self.groupFields, role: "a group ('by') field")
            }
            if let pipeline = forecast.baseline.pipeline { checkPipeline(pipeline, baseline: forecast.baseline, of: table) }
        }
        let groupNames = target.groupBy.map(\.value)
        for driver in forecast.drivers {
            checkDriver(driver, groupNames: groupNames)
        }
        let driverNames = forecast.drivers.map(\.name.value)
        for scenario in forecast.scenarios {
            for change in scenario.overrides where !driverNames.contains(change.driver.value) {
                let hint = NameSuggester.hint(for: change.driver.value, among: driverNames)
                context.error(
                    .unknownDriver, "scenario '\(scenario.name.value)' changes unknown driver '\(change.driver.value)' of forecast '\(name)'\(hint)",
                    at: change.driver.range)
            }
        }
        let credibility = forecast.credibility
        let metrics = forecast.backtest.metrics.map(\.value)
        if !metrics.contains(credibility.metric.value) {
            context.error(
                .notApplicable,
                "credibility is judged on '\(credibility.metric.value.rawValue)', which the backtest does not measure "
                    + "(its metrics: \(metrics.map(\.rawValue).joined(separator: ", "))); add it to the backtest's 'metrics'",
                at: credibility.metric.range)
        }
        if let horizon = credibility.horizon, horizon.value > forecast.horizon.value {
            context.error(
                .outOfRange, "credibility's 'horizon' \(horizon.value) is beyond the forecast's horizon of \(forecast.horizon.value) periods",
                at: horizon.range)
        }
        if let plan = forecast.plan, let table = knownTable(plan.table, owner: "the plan of forecast '\(name)'") {
            checkField(plan.value, of: table, kinds: Self.numericFields, role: "a plan 'value'")
            checkField(plan.date, of: table, kinds: Self.dateFields, role: "a plan 'date'")
            checkGroups(plan.groupBy, of: table, groupNames: groupNames, owner: "the plan", hasOwnBy: plan.groupBy.first?.range != plan.table.range)
        }
    }

    private mutating func checkDriver(_ driver: ForecastDriver, groupNames: [String]) {
        let name = driver.name.value
        if let table = knownTable(driver.table, owner: "driver '\(name)'") {
            checkField(driver.value, of: table, kinds: Self.numericFields, role: "a driver 'value'")
            checkField(driver.date, of: table, kinds: Self.dateFields, role: "a driver 'date'")
            checkGroups(
                driver.groupBy, of: table, groupNames: groupNames, owner: "driver '\(name)'",
                hasOwnBy: driver.groupBy.first?.range != driver.name.range)
        }
        let weight = driver.weight.value
        if let bounds = driver.bounds {
            if !(bounds.value.lower...bounds.value.upper).contains(weight) {
                context.error(
                    .weightOutOfBounds,
                    "the weight \(AppDecoder.numberText(weight)) of driver '\(name)' is outside its bounds "
                        + "[\(AppDecoder.numberText(bounds.value.lower)), \(AppDecoder.numberText(bounds.value.upper))]",
                    at: driver.weight.range)
            }
            if driver.sign.value == .positive, bounds.value.upper < 0 || bounds.value.lower < 0 {
                context.error(
                    .constraintConflict, "driver '\(name)' has sign 'positive' but its bounds allow a negative weight; raise the lower bound to 0",
                    at: bounds.range)
            }
            if driver.sign.value == .negative, bounds.value.lower > 0 || bounds.value.upper > 0 {
                context.error(
                    .constraintConflict, "driver '\(name)' has sign 'negative' but its bounds allow a positive weight; lower the upper bound to 0",
                    at: bounds.range)
            }
        }
        if driver.sign.value == .positive, weight < 0 {
            context.error(
                .weightOutOfBounds, "the weight \(AppDecoder.numberText(weight)) of driver '\(name)' is negative but its sign is 'positive'",
                at: driver.weight.range)
        }
        if driver.sign.value == .negative, weight > 0 {
            context.error(
                .weightOutOfBounds, "the weight \(AppDecoder.numberText(weight)) of driver '\(name)' is positive but its sign is 'negative'",
                at: driver.weight.range)
        }
    }

    /// A driver's or plan's group fields: among the forecast's `by` when written, and present in its table.
    private mutating func checkGroups(_ fields: [Located<String>], of table: TableDefinition, groupNames: [String], owner: String, hasOwnBy: Bool) {
        for field in fields {
            if hasOwnBy, !groupNames.contains(field.value) {
                let among = groupNames.isEmpty ? "the forecast has no 'by'" : "the forecast's are: \(groupNames.joined(separator: ", "))"
                context.error(
                    .notApplicable, "\(owner) groups by '\(field.value)', which is not a 'by' field of the forecast (\(among))", at: field.range)
                continue
            }
            guard let definition = table.field(named: field.value) else {
                if hasOwnBy {
                    checkField(field, of: table, kinds: Self.groupFields, role: "a group ('by') field")
                } else {
                    context.error(
                        .unknownField,
                        "\(owner) reads table '\(table.name.value)', which lacks the forecast's group field '\(field.value)'; "
                            + "add the field, or give \(owner) its own 'by' (some of the forecast's 'by' fields, or [] for one value for all groups)",
                        at: field.range)
                }
                continue
            }
            if !Self.groupFields.contains(definition.type) {
                checkField(field, of: table, kinds: Self.groupFields, role: "a group ('by') field")
            }
        }
    }

    /// A weighted pipeline's stage or probability field.
    private mutating func checkPipeline(_ pipeline: ForecastPipeline, baseline: ForecastBaseline, of table: TableDefinition) {
        switch pipeline.source {
        case .field(let field):
            if field.range == baseline.method.range, table.field(named: field.value) == nil {
                context.error(
                    .missingKey,
                    "a 'weighted_pipeline' baseline reads each record's probability from field '\(field.value)', which table "
                        + "'\(table.name.value)' lacks; add it, or give the baseline 'stage' and 'probabilities'",
                    at: field.range)
                return
            }
            checkField(field, of: table, kinds: [.number], role: "a pipeline 'probability'")
        case .stages(let field, let probabilities):
            guard let definition = checkField(field, of: table, kinds: [.choice, .text], role: "a pipeline 'stage'"),
                definition.type == .choice
            else { return }
            let options = definition.options.map(\.value)
            for entry in probabilities where !options.contains(entry.stage.value) {
                let hint = NameSuggester.hint(for: entry.stage.value, among: options)
                context.error(
                    .unknownOption, "'\(entry.stage.value)' is not one of the options of field '\(field.value)'\(hint)", at: entry.stage.range)
            }
        }
    }

    /// The table a forecast part names, or an error with a suggestion.
    mutating func knownTable(_ name: Located<String>, owner: String) -> TableDefinition? {
        if let table = app.table(named: name.value) { return table }
        let hint = NameSuggester.hint(for: name.value, among: app.tables.map(\.name.value))
        context.error(.unknownTable, "\(owner) names unknown table '\(name.value)'\(hint)", at: name.range)
        return nil
    }

    /// The field a forecast part names, if it exists and is of one of `kinds`; else an error.
    @discardableResult
    mutating func checkField(_ name: Located<String>, of table: TableDefinition, kinds: [FieldType], role: String) -> FieldDefinition? {
        guard let field = table.field(named: name.value) else {
            let hint = NameSuggester.hint(for: name.value, among: table.fields.map(\.name.value))
            context.error(.unknownField, "unknown field '\(name.value)' in table '\(table.name.value)'\(hint)", at: name.range)
            return nil
        }
        guard kinds.contains(field.type) else {
            context.error(
                .wrongFieldType,
                "field '\(name.value)' of table '\(table.name.value)' is \(field.type.rawValue); \(role) must be "
                    + Self.kindList(kinds),
                at: name.range)
            return nil
        }
        return field
    }

    /// `integer, number or money`.
    private static func kindList(_ kinds: [FieldType]) -> String {
        let names = kinds.map(\.rawValue)
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }
}
