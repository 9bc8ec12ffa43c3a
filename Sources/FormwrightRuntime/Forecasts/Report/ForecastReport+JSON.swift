public import FormwrightCore

extension ForecastReport {
    /// The report as the API shows it.
    ///
    /// ```json
    /// {"forecast": "weekly_revenue", "revision": "…", "computed_at": "…", "period": "week",
    ///  "weights": [{"driver": "ads", "weight": 0.05, "effective": 0.05}],
    ///  "history": ["2026-11-02", …], "periods": ["2026-11-30", …],
    ///  "credibility": {"metric": "wape", "horizon": 4, "green": 0.1, "amber": 0.2, "definition": "…"},
    ///  "groups": [{"keys": {"region": "east"}, "label": "east", "actuals": […], "forecast": […],
    ///              "lower": […], "upper": […], "baseline": […], "plan": […],
    ///              "backtest": [{"track": "model", "overall": {"wape": …}, "by_horizon": […]}],
    ///              "credibility": {"colour": "green", "value": 0.08}}],
    ///  "scenarios": [{"name": "east_subsidy_up", "groups": [{"label": "east", "forecast": […], "delta": […], "total": …}]}],
    ///  "notes": []}
    /// ```
    /// A number that is not finite is shown as null.
    public var json: Value {
        Self.object([
            ("forecast", .string(name)), ("title", .string(title)), ("revision", .string(revision)),
            ("computed_at", .string(computedAt.rfc3339)), ("period", .string(period)), ("time_zone", .string(timeZone)),
            ("baseline", .string(baseline)), ("combine", .string(combine)), ("group_by", .list(groupBy.map(Value.string))),
            ("weights", .list(weights.map(\.json))), ("history", .list(history.map(Value.string))),
            ("periods", .list(periods.map(Value.string))), ("credibility", credibility.json),
            ("groups", .list(groups.map { $0.json(groupBy: groupBy) })), ("scenarios", .list(scenarios.map(\.json))),
            ("notes", .list(notes.map(Value.string))),
        ])
    }

    static func object(_ pairs: [(String, Value)]) -> Value {
        .map(ValueMap(pairs.map { (Value.string($0.0), $0.1) }))
    }

    static func number(_ value: Double?) -> Value {
        guard let value, value.isFinite else { return .null }
        return .double(value)
    }

    static func numbers(_ values: [Double?]?) -> Value {
        guard let values else { return .null }
        return .list(values.map(number))
    }
}

extension ForecastWeight {
    var json: Value {
        ForecastReport.object([
            ("driver", .string(driver)), ("weight", ForecastReport.number(weight)), ("effective", ForecastReport.number(effective)),
        ])
    }
}

extension CredibilityRule {
    var json: Value {
        ForecastReport.object([
            ("metric", .string(metric)), ("horizon", .int(Int64(horizon))), ("green", ForecastReport.number(green)),
            ("amber", ForecastReport.number(amber)), ("definition", .string(definition)),
        ])
    }
}

extension ForecastGroupReport {
    func json(groupBy: [String]) -> Value {
        let keyPairs = zip(groupBy, keys).map { (Value.string($0.0), $0.1.map(Value.string) ?? .null) }
        var pairs: [(String, Value)] = [
            ("keys", .map(ValueMap(keyPairs))), ("label", .string(label)), ("actuals", ForecastReport.numbers(actuals)),
            ("forecast", ForecastReport.numbers(forecast)), ("lower", ForecastReport.numbers(lower)),
            ("upper", ForecastReport.numbers(upper)), ("baseline", ForecastReport.numbers(baseline)),
        ]
        if let plan { pairs.append(("plan", ForecastReport.numbers(plan))) }
        pairs.append(("backtest", .list(tracks.map(\.json))))
        pairs.append(("credibility", credibility.json))
        return ForecastReport.object(pairs)
    }
}

extension ForecastTrack {
    var json: Value {
        var pairs: [(String, Value)] = [("track", .string(name))]
        if let result {
            pairs.append(("overall", result.overall.json))
            pairs.append(("by_horizon", .list(result.byHorizon.map(\.json))))
        }
        if let unavailable { pairs.append(("unavailable", .string(unavailable))) }
        return ForecastReport.object(pairs)
    }
}

extension ForecastMetrics {
    var json: Value {
        ForecastReport.object([
            ("wape", ForecastReport.number(wape)), ("mape", ForecastReport.number(mape)), ("bias", ForecastReport.number(bias)),
            ("mase", ForecastReport.number(mase)), ("count", .int(Int64(count))),
        ])
    }

    /// The value of a metric by its name in the language (`wape`, `mape`, `bias`, `mase`).
    public func value(of metric: String) -> Double? {
        switch metric {
        case "wape": wape
        case "mape": mape
        case "bias": bias
        case "mase": mase
        default: nil
        }
    }
}

extension CredibilityScore {
    var json: Value {
        var pairs: [(String, Value)] = [("colour", .string(colour.rawValue)), ("value", ForecastReport.number(value))]
        if let reason { pairs.append(("reason", .string(reason))) }
        return ForecastReport.object(pairs)
    }
}

extension ScenarioReport {
    var json: Value {
        ForecastReport.object([
            ("name", .string(name)),
            ("groups", .list(groups.map { group in
                ForecastReport.object([
                    ("label", .string(group.label)), ("forecast", ForecastReport.numbers(group.forecast)),
                    ("delta", ForecastReport.numbers(group.delta)), ("total", ForecastReport.number(group.total)),
                ])
            })),
        ])
    }
}
