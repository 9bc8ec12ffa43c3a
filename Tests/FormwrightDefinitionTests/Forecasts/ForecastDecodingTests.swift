import FormwrightCore
import FormwrightDefinition
import Testing

/// Valid `forecasts:` sections decode to the expected model, defaults included.
@Suite struct ForecastDecodingTests {
    /// The design's sketch, as written there.
    static let sketch = """
        forecasts:
          weekly_revenue:
            target: { table: opportunities, measure: amount, date: expected_close, by: [region] }
            period: week
            horizon: 4
            baseline: weighted_pipeline      # or seasonal_naive, moving_average, holt_winters
            drivers:
              subsidy:    { table: subsidies, value: level, weight: 0.10 }     # ≈ % change per 1σ of the driver
              competitor: { table: competitor_prices, value: index, weight: 0.15, bounds: [0, 0.4] }
            combine: log_linear              # forecast = baseline × exp(Σ weight × z(driver))
            scenarios:
              east_subsidy_up: [{ driver: subsidy, where: "region == 'east'", scale: 1.2 }]
            backtest: { windows: 12, metrics: [wape, mape, bias] }
            credibility: { green: 0.10, amber: 0.20 }              # on WAPE at the last horizon
        """

    static let full = """
        forecasts:
          acceptance:
            title: { en: Offer acceptance, zh: 报价接受率 }
            description: Accepted offers over offered ones, per region and product.
            target:
              table: opportunities
              measure: { ratio: [accepted, offered] }
              date: expected_close
              by: [region, product]
              filter: "stage != 'lost'"
            period: month
            horizon: 6
            baseline: { method: holt_winters, season: 12, alpha: 0.3, beta: 0.1, gamma: 0.2 }
            drivers:
              ads:
                table: ad_spend
                value: spend
                date: month
                by: []
                weight: 0.05
                bounds: [0, 0.2]
                sign: positive
                lag: 1
                normalise: { method: percent, window: 6 }
                missing: zero
              rivals: { table: competitor_prices, value: index, by: region, weight: -0.1, sign: negative, normalise: zscore, missing: skip }
            cap: 0.5
            scenarios:
              push:
                - { driver: ads, where: "region == 'east' && product == 'pro'", set: 2 }
                - { driver: ads, add: 0.5 }
              calm: [{ driver: rivals, scale: 0.8 }]
            backtest: { windows: 8, metrics: [mase, wape] }
            credibility: { metric: mase, horizon: 3, green: 0.8, amber: 1.2 }
            plan: { table: plans, value: planned, date: week, by: [region] }
        """

    @Test func theDesignSketchDecodesAsWritten() throws {
        let (loaded, _) = ForecastFixture.load(Self.sketch)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        let forecast = try #require(loaded.definition?.forecast(named: "weekly_revenue"))
        #expect(forecast.target.table.value == "opportunities")
        #expect(forecast.target.measure == .sum(Located("amount", at: forecast.target.measure.fields[0].range)))
        #expect(forecast.target.date.value == "expected_close")
        #expect(forecast.target.groupBy.map(\.value) == ["region"])
        #expect(forecast.period.value == .week)
        #expect(forecast.horizon.value == 4)
        #expect(forecast.baseline.method.value == .weightedPipeline)
        guard case .field(let probability)? = forecast.baseline.pipeline?.source else {
            Issue.record("a bare weighted pipeline reads a probability field")
            return
        }
        #expect(probability.value == "probability")
        #expect(forecast.drivers.map(\.name.value) == ["subsidy", "competitor"])
        let subsidy = try #require(forecast.driver(named: "subsidy"))
        #expect(subsidy.table.value == "subsidies")
        #expect(subsidy.value.value == "level")
        #expect(subsidy.date.value == "week")
        #expect(subsidy.groupBy.map(\.value) == ["region"])
        #expect(subsidy.weight.value == 0.10)
        #expect(subsidy.bounds == nil)
        #expect(subsidy.sign.value == .any)
        #expect(subsidy.lag == 0)
        #expect(subsidy.normalisation == ForecastNormalisation(method: .zscore, window: 13))
        #expect(subsidy.missing == .last)
        let competitor = try #require(forecast.driver(named: "competitor"))
        #expect(competitor.bounds?.value == ForecastBounds(lower: 0, upper: 0.4))
        #expect(competitor.allowedWeights == 0...0.4)
        #expect(forecast.combine.value == .logLinear)
        #expect(forecast.cap == nil)
        let scenario = try #require(forecast.scenario(named: "east_subsidy_up"))
        #expect(scenario.overrides.count == 1)
        #expect(scenario.overrides.first?.driver.value == "subsidy")
        #expect(scenario.overrides.first?.condition?.text == "region == 'east'")
        #expect(scenario.overrides.first?.change.value == .scale(1.2))
        #expect(forecast.backtest.windows.value == 12)
        #expect(forecast.backtest.metrics.map(\.value) == [.wape, .mape, .bias])
        #expect(forecast.credibility.metric.value == .wape)
        #expect(forecast.credibility.horizon == nil)
        #expect(forecast.credibility.green.value == 0.10)
        #expect(forecast.credibility.amber.value == 0.20)
        #expect(forecast.plan == nil)
        let expressions = try #require(loaded.definition?.expressions.forecasts["weekly_revenue"])
        #expect(expressions.scenarios["east_subsidy_up"]?.count == 1)
        #expect((expressions.scenarios["east_subsidy_up"]?.first ?? nil) != nil)
    }

    @Test func aFullForecastDecodesToTheExpectedModel() throws {
        let (loaded, _) = ForecastFixture.load(Self.full)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        let forecast = try #require(loaded.definition?.forecasts.first)
        #expect(loaded.definition?.forecasts.count == 1)
        #expect(forecast.name.value == "acceptance")
        #expect(forecast.title?.resolve(for: ["zh"]) == "报价接受率")
        #expect(forecast.description?.resolve(for: []) == "Accepted offers over offered ones, per region and product.")
        guard case .ratio(let numerator, let denominator) = forecast.target.measure else {
            Issue.record("expected a ratio measure, found \(forecast.target.measure)")
            return
        }
        #expect(numerator.value == "accepted" && denominator.value == "offered")
        #expect(forecast.target.groupBy.map(\.value) == ["region", "product"])
        #expect(forecast.target.filter?.text == "stage != 'lost'")
        #expect(forecast.period.value == .month)
        #expect(forecast.horizon.value == 6)
        let baseline = forecast.baseline
        #expect(baseline.method.value == .holtWinters)
        #expect(baseline.season == 12)
        #expect(baseline.alpha == 0.3 && baseline.beta == 0.1 && baseline.gamma == 0.2)
        #expect(baseline.pipeline == nil)
        let ads = try #require(forecast.driver(named: "ads"))
        #expect(ads.date.value == "month")
        #expect(ads.groupBy.isEmpty)
        #expect(ads.weight.value == 0.05)
        #expect(ads.sign.value == .positive)
        #expect(ads.lag == 1)
        #expect(ads.normalisation == ForecastNormalisation(method: .percent, window: 6))
        #expect(ads.missing == .zero)
        #expect(ads.allowedWeights == 0...0.2)
        let rivals = try #require(forecast.driver(named: "rivals"))
        #expect(rivals.groupBy.map(\.value) == ["region"])
        #expect(rivals.date.value == "week")
        #expect(rivals.sign.value == .negative)
        #expect(rivals.allowedWeights == -Double.infinity...0)
        #expect(rivals.normalisation == ForecastNormalisation(method: .zscore, window: 12))
        #expect(rivals.missing == .skip)
        #expect(forecast.combine.value == .additive)
        #expect(forecast.cap?.value == 0.5)
        #expect(forecast.scenarios.map(\.name.value) == ["push", "calm"])
        #expect(forecast.scenario(named: "push")?.overrides.map(\.change.value) == [.set(2), .add(0.5)])
        #expect(forecast.scenario(named: "calm")?.overrides.map(\.change.value) == [.scale(0.8)])
        #expect(forecast.backtest.windows.value == 8)
        #expect(forecast.backtest.metrics.map(\.value) == [.mase, .wape])
        #expect(forecast.credibility.metric.value == .mase)
        #expect(forecast.credibility.horizon?.value == 3)
        #expect(forecast.credibility.green.value == 0.8 && forecast.credibility.amber.value == 1.2)
        let plan = try #require(forecast.plan)
        #expect(plan.table.value == "plans" && plan.value.value == "planned" && plan.date.value == "week")
        #expect(plan.groupBy.map(\.value) == ["region"])
        let expressions = try #require(loaded.definition?.expressions.forecasts["acceptance"])
        #expect(expressions.filter != nil)
        #expect(expressions.open == nil)
        #expect(expressions.scenarios["push"]?.map { $0 != nil } == [true, false])
        #expect(expressions.scenarios["calm"]?.map { $0 != nil } == [false])
    }

    @Test func aPipelineWithStagesDecodes() throws {
        let (loaded, _) = ForecastFixture.load(
            """
            forecasts:
              pipeline:
                target: { table: opportunities, measure: count, date: expected_close }
                period: day
                horizon: 14
                baseline:
                  method: weighted_pipeline
                  stage: stage
                  probabilities: { lead: 0.1, proposal: 0.4, won: 1 }
                  open: "stage != 'lost'"
            """)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        let forecast = try #require(loaded.definition?.forecast(named: "pipeline"))
        #expect(forecast.target.measure == .count)
        #expect(forecast.target.groupBy.isEmpty)
        #expect(forecast.baseline.season == 7)
        #expect(forecast.combine.value == .logLinear)
        #expect(forecast.backtest.windows.value == 12)
        #expect(forecast.backtest.metrics.map(\.value) == [.wape, .mape, .bias, .mase])
        guard case .stages(let field, let probabilities)? = forecast.baseline.pipeline?.source else {
            Issue.record("expected stage probabilities")
            return
        }
        #expect(field.value == "stage")
        #expect(probabilities.map(\.stage.value) == ["lead", "proposal", "won"])
        #expect(probabilities.map(\.probability) == [0.1, 0.4, 1])
        #expect(loaded.definition?.expressions.forecasts["pipeline"]?.open != nil)
    }

    @Test func aMovingAverageTakesItsWindow() throws {
        let (loaded, _) = ForecastFixture.load(
            """
            forecasts:
              volume:
                target: { table: opportunities, measure: amount, date: expected_close, by: customer }
                period: week
                horizon: 104
                baseline: { method: moving_average, window: 8 }
            """)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        let forecast = try #require(loaded.definition?.forecast(named: "volume"))
        #expect(forecast.baseline.method.value == .movingAverage)
        #expect(forecast.baseline.window == 8)
        #expect(forecast.target.groupBy.map(\.value) == ["customer"])
        #expect(forecast.horizon.value == 104)
    }

    @Test func everyCompleteAppOfTheLanguageReferenceChecksClean() throws {
        let examples = try DocumentationExampleTests.examples(in: "forecasts-language.md").filter { $0.hasPrefix("formwright: 1") }
        #expect(!examples.isEmpty)
        for example in examples {
            let loaded = DefinitionLoader().load(bytes: Array(example.utf8), path: "example.yaml")
            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { "\($0.range.start) \($0.message)" })")
            #expect(loaded.definition?.forecasts.isEmpty == false)
        }
    }
}
