import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions

extension ForecastEngine {
    /// A group's drivers with a scenario's changes made to their values over the horizon; the
    /// history stays as it was, so only the forecast periods move.
    ///
    /// A change applies to a group when it has no `where` or its `where` gives true for the group's
    /// key values; `set` replaces a value (an empty one too), `scale` multiplies and `add` adds to a
    /// known value. Changes apply in the order written.
    func scenarioDrivers(_ drivers: [ForecastDriver], scenario: ForecastScenario, key: ForecastData.Key, firstPeriod: Int) throws -> [ForecastDriver] {
        let conditions = app.expressions.forecasts[forecast.name.value]?.scenarios[scenario.name.value] ?? []
        let bindings = VariableBindings(
            Dictionary(
                zip(forecast.target.groupBy.map(\.value), key).map { ($0, $1.map(Value.string) ?? .null) },
                uniquingKeysWith: { first, _ in first }))
        var changed = drivers
        for (index, change) in scenario.overrides.enumerated() {
            if index < conditions.count, let condition = conditions[index] {
                switch condition.evaluate(bindings) {
                case .success(.bool(true)): break
                case .success: continue
                case .failure(let error):
                    throw RuntimeError(
                        .badRequest,
                        "scenario '\(scenario.name.value)': the 'where' of its change to '\(change.driver.value)' failed for group "
                            + "'\(Self.label(key))': \(error.message)")
                }
            }
            guard let position = changed.firstIndex(where: { $0.name == change.driver.value }) else { continue }
            for period in firstPeriod..<changed[position].values.count {
                let value = changed[position].values[period]
                switch change.change.value {
                case .set(let number): changed[position].values[period] = number
                case .scale(let factor): changed[position].values[period] = value.map { $0 * factor }
                case .add(let amount): changed[position].values[period] = value.map { $0 + amount }
                }
            }
        }
        return changed
    }
}
