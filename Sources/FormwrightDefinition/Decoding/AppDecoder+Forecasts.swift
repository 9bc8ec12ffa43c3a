import FormwrightCore

extension AppDecoder {
    static let forecastKeys = [
        "title", "description", "target", "period", "horizon", "baseline", "drivers", "combine", "cap", "scenarios", "backtest",
        "credibility", "plan",
    ]
    static let targetKeys = ["table", "measure", "date", "by", "filter"]
    static let baselineKeys = ["method", "window", "season", "alpha", "beta", "gamma", "stage", "probabilities", "probability", "open"]
    /// The baseline options and the methods they apply to.
    static let baselineOptions: [(key: String, methods: [ForecastBaseline.Method])] = [
        ("window", [.movingAverage]), ("season", [.seasonalNaive, .holtWinters]), ("alpha", [.holtWinters]), ("beta", [.holtWinters]),
        ("gamma", [.holtWinters]), ("stage", [.weightedPipeline]), ("probabilities", [.weightedPipeline]),
        ("probability", [.weightedPipeline]), ("open", [.weightedPipeline]),
    ]

    /// Decodes `forecasts:`; references to tables and fields are checked by `AppChecker`.
    mutating func decodeForecasts(_ node: YAMLNode, tables: [TableDefinition]) -> [ForecastDefinition] {
        guard let entries = context.mapping(node, key: "forecasts", expected: "a mapping of forecast names to forecasts") else { return [] }
        var forecasts: [ForecastDefinition] = []
        for entry in entries {
            guard checkName(entry, kind: "forecast", reservedApplies: false),
                let reader = MappingReader(
                    entry.value, subject: "forecast '\(entry.key)'", key: entry.key, allowed: Self.forecastKeys,
                    required: ["target", "period", "horizon", "baseline"], context: &context)
            else { continue }
            let name = Located(entry.key, at: entry.keyRange)
            let target = reader["target"].flatMap { decodeTarget($0) }
            let period = reader["period"].flatMap { node in
                context.word(node, key: "period", among: ForecastPeriod.allCases.map(\.rawValue)).flatMap { word in
                    ForecastPeriod(rawValue: word.value).map { Located($0, at: word.range) }
                }
            }
            let horizon = reader["horizon"].flatMap { context.integer($0, key: "horizon", in: 1...ForecastDefinition.maximumHorizon) }
            let baseline = reader["baseline"].flatMap { decodeBaseline($0, period: period?.value ?? .week) }
            let drivers = reader["drivers"].map { decodeDrivers($0, period: period?.value ?? .week, target: target, tables: tables) } ?? []
            var combine = Located(target?.measure.isRatio == true ? ForecastCombination.additive : .logLinear, at: name.range)
            if let node = reader["combine"], let word = context.word(node, key: "combine", among: ForecastCombination.allCases.map(\.rawValue)),
                let chosen = ForecastCombination(rawValue: word.value)
            {
                combine = Located(chosen, at: word.range)
            }
            var cap: Located<Double>?
            if let node = reader["cap"], let value = context.number(node, key: "cap") {
                if value > 0 {
                    cap = Located(value, at: node.range)
                } else {
                    context.error(.outOfRange, "'cap' must be above 0, not \(Self.numberText(value))", at: node.range)
                }
            }
            let scenarios = reader["scenarios"].map { decodeScenarios($0) } ?? []
            let backtest = reader["backtest"].flatMap { decodeBacktest($0) } ?? Self.defaultBacktest(at: name.range)
            let credibility = reader["credibility"].flatMap { decodeCredibility($0) } ?? Self.defaultCredibility(at: name.range)
            let plan = reader["plan"].flatMap { decodePlan($0, target: target, tables: tables) }
            guard let target, let period, let horizon, let baseline else { continue }
            forecasts.append(
                ForecastDefinition(
                    name: name, title: reader["title"].flatMap { context.localized($0, key: "title") },
                    description: reader["description"].flatMap { context.localized($0, key: "description") }, target: target,
                    period: period, horizon: horizon, baseline: baseline, drivers: drivers, combine: combine, cap: cap, scenarios: scenarios,
                    backtest: backtest, credibility: credibility, plan: plan))
        }
        return forecasts
    }

    /// `target: { table, measure, date, by, filter }`.
    private mutating func decodeTarget(_ node: YAMLNode) -> ForecastTarget? {
        guard
            let reader = MappingReader(
                node, subject: "'target'", key: "target", allowed: Self.targetKeys, required: ["table", "measure", "date"], context: &context),
            let table = reader["table"].flatMap({ context.text($0, key: "table") }),
            let measure = reader["measure"].flatMap({ decodeMeasure($0) }),
            let date = reader["date"].flatMap({ context.text($0, key: "date") })
        else { return nil }
        return ForecastTarget(
            table: table, measure: measure, date: date, groupBy: reader["by"].map { fieldNames($0, key: "by") } ?? [],
            filter: reader["filter"].flatMap { context.expression($0, key: "filter") })
    }

    /// `measure: count`, `measure: amount` or `measure: { ratio: [won, offered] }`.
    private mutating func decodeMeasure(_ node: YAMLNode) -> ForecastMeasure? {
        if let text = node.scalar, !node.isEmptyPlainScalar {
            return text == "count" ? .count : .sum(Located(text, at: node.range))
        }
        guard let reader = MappingReader(node, subject: "'measure'", key: "measure", allowed: ["ratio"], required: ["ratio"], context: &context),
            let ratio = reader["ratio"]
        else { return nil }
        guard let items = ratio.items, items.count == 2 else {
            context.wrongType("a list of two fields, [numerator, denominator]", for: "ratio", found: ratio)
            return nil
        }
        guard let numerator = context.text(items[0], key: "ratio"), let denominator = context.text(items[1], key: "ratio") else { return nil }
        return .ratio(numerator: numerator, denominator: denominator)
    }

    /// `baseline: moving_average` or `baseline: { method: moving_average, window: 6 }`.
    private mutating func decodeBaseline(_ node: YAMLNode, period: ForecastPeriod) -> ForecastBaseline? {
        let methods = ForecastBaseline.Method.allCases.map(\.rawValue)
        if node.scalar != nil {
            guard let word = context.word(node, key: "baseline", among: methods), let method = ForecastBaseline.Method(rawValue: word.value)
            else { return nil }
            let pipeline: ForecastPipeline? =
                method == .weightedPipeline
                ? ForecastPipeline(source: .field(Located(ForecastPipeline.defaultProbabilityField, at: word.range)), open: nil) : nil
            return ForecastBaseline(method: Located(method, at: word.range), season: period.defaultSeason, pipeline: pipeline)
        }
        guard
            let reader = MappingReader(
                node, subject: "'baseline'", key: "baseline", allowed: Self.baselineKeys, required: ["method"], context: &context),
            let word = reader["method"].flatMap({ context.word($0, key: "method", among: methods) }),
            let method = ForecastBaseline.Method(rawValue: word.value)
        else { return nil }
        for option in Self.baselineOptions where !option.methods.contains(method) {
            guard let entry = reader.entry(option.key) else { continue }
            let names = option.methods.map { "'\($0.rawValue)'" }.joined(separator: " and ")
            context.error(.notApplicable, "'\(option.key)' applies only to \(names) baselines, not to '\(method.rawValue)'", at: entry.keyRange)
        }
        var baseline = ForecastBaseline(method: Located(method, at: word.range), season: period.defaultSeason)
        if let window = reader["window"].flatMap({ context.integer($0, key: "window", in: 1...ForecastNormalisation.maximumWindow) }) {
            baseline.window = window.value
        }
        if let season = reader["season"].flatMap({ context.integer($0, key: "season", in: 2...ForecastNormalisation.maximumWindow) }) {
            baseline.season = season.value
        }
        baseline.alpha = reader["alpha"].flatMap { fraction($0, key: "alpha") }
        baseline.beta = reader["beta"].flatMap { fraction($0, key: "beta") }
        baseline.gamma = reader["gamma"].flatMap { fraction($0, key: "gamma") }
        if method == .weightedPipeline { baseline.pipeline = decodePipeline(reader, method: word) }
        return baseline
    }

    /// A weighted pipeline's `stage` and `probabilities`, or `probability`, and `open`.
    private mutating func decodePipeline(_ reader: MappingReader, method: Located<String>) -> ForecastPipeline? {
        let open = reader["open"].flatMap { context.expression($0, key: "open") }
        if let entry = reader.entry("probability") {
            for key in ["stage", "probabilities"] {
                guard let other = reader.entry(key) else { continue }
                context.error(
                    .constraintConflict, "'\(key)' and 'probability' both give the probabilities; keep one", at: other.keyRange)
            }
            return context.text(entry.value, key: "probability").map { ForecastPipeline(source: .field($0), open: open) }
        }
        guard let probabilitiesNode = reader["probabilities"] else {
            if let stage = reader.entry("stage") {
                context.error(.missingKey, "'stage' needs 'probabilities', a probability from 0 to 1 per stage", at: stage.keyRange)
                return nil
            }
            return ForecastPipeline(source: .field(Located(ForecastPipeline.defaultProbabilityField, at: method.range)), open: open)
        }
        guard
            let entries = context.mapping(
                probabilitiesNode, key: "probabilities", expected: "a mapping of stages to probabilities such as { won: 1, proposal: 0.4 }")
        else { return nil }
        var probabilities: [(stage: Located<String>, probability: Double)] = []
        for entry in entries {
            if let probability = fraction(entry.value, key: entry.key) {
                probabilities.append((Located(entry.key, at: entry.keyRange), probability))
            }
        }
        let stage = reader["stage"].flatMap { context.text($0, key: "stage") } ?? Located("stage", at: method.range)
        guard probabilities.count == entries.count else { return nil }
        return ForecastPipeline(source: .stages(field: stage, probabilities: probabilities), open: open)
    }

    /// A number from 0 to 1.
    mutating func fraction(_ node: YAMLNode, key: String) -> Double? {
        guard let value = context.number(node, key: key) else { return nil }
        guard (0...1).contains(value) else {
            context.error(.outOfRange, "'\(key)' must be between 0 and 1, not \(Self.numberText(value))", at: node.range)
            return nil
        }
        return value
    }

    /// A field name or a list of them.
    mutating func fieldNames(_ node: YAMLNode, key: String) -> [Located<String>] {
        if let items = node.items { return items.compactMap { context.text($0, key: key) } }
        return context.text(node, key: key).map { [$0] } ?? []
    }

    /// A number as it was most likely written: `0.4`, `3`.
    static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func defaultBacktest(at range: SourceRange) -> ForecastBacktest {
        ForecastBacktest(
            windows: Located(ForecastBacktest.defaultWindows, at: range), metrics: ForecastMetric.allCases.map { Located($0, at: range) })
    }

    private static func defaultCredibility(at range: SourceRange) -> ForecastCredibility {
        ForecastCredibility(
            metric: Located(.wape, at: range), horizon: nil, green: Located(ForecastCredibility.defaultGreen, at: range),
            amber: Located(ForecastCredibility.defaultAmber, at: range))
    }
}

extension ForecastMeasure {
    /// Whether the measure is a rate.
    var isRatio: Bool {
        if case .ratio = self { return true }
        return false
    }
}
