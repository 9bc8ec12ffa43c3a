import FormwrightCore
import FormwrightExpressions

extension ExpressionChecker {
    /// Compiles a forecast's target filter, pipeline `open` and scenario conditions.
    mutating func checkForecast(_ forecast: ForecastDefinition) {
        guard let table = app.table(named: forecast.target.table.value) else { return }
        let scope = expressions.tables[table.name.value]?.scope ?? TableScope(table: table)
        var result = ForecastExpressions()
        if let filter = forecast.target.filter {
            result.filter = compile(filter, scalarText: filter.text, in: scope, for: .condition(key: "filter"))
        }
        if let open = forecast.baseline.pipeline?.open {
            result.open = compile(open, scalarText: open.text, in: scope, for: .condition(key: "open"))
        }
        var declarations = Declarations()
        var options: [String: [String]] = [:]
        for name in forecast.target.groupBy {
            declarations.declare(name.value, .string)
            if let field = table.field(named: name.value), field.type.hasOptions { options[name.value] = field.options.map(\.value) }
        }
        let compiler = ExpressionCompiler(declarations: declarations)
        for scenario in forecast.scenarios {
            result.scenarios[scenario.name.value] = scenario.overrides.map { change in
                change.condition.flatMap { compile($0, scalarText: $0.text, compiler: compiler, options: options, for: .condition(key: "where")) }
            }
        }
        expressions.forecasts[forecast.name.value] = result
    }
}
