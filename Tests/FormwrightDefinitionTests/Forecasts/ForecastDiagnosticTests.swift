import FormwrightCore
import FormwrightDefinition
import Testing

/// One test per forecast diagnostic: its id, its exact message and its line and column.
@Suite struct ForecastDiagnosticTests {
    /// A forecast section around one driver, one scenario and the lines of `extra`.
    static func forecast(target: String = "{ table: opportunities, measure: amount, date: expected_close, by: [region] }", _ extra: String) -> String
    {
        """
        forecasts:
          f:
            target: \(target)
            period: week
            horizon: 4
        \(extra)
        """
    }

    static let naive = "    baseline: naive"

    @Test func unknownTargetTable() {
        ForecastFixture.expectOne(
            Self.forecast(target: "{ table: 1️⃣opportunity, measure: amount, date: expected_close }", Self.naive),
            id: "definition.unknownTable", message: "forecast 'f' names unknown table 'opportunity'; did you mean 'opportunities'?")
    }

    @Test func measureMustBeNumeric() {
        ForecastFixture.expectOne(
            Self.forecast(target: "{ table: opportunities, measure: 1️⃣note, date: expected_close }", Self.naive),
            id: "definition.wrongFieldType",
            message: "field 'note' of table 'opportunities' is longtext; a forecast measure must be integer, number or money")
    }

    @Test func ratioFieldsMustBeNumeric() {
        ForecastFixture.expectOne(
            Self.forecast(target: "{ table: opportunities, measure: { ratio: [accepted, 1️⃣stage] }, date: expected_close }", Self.naive),
            id: "definition.wrongFieldType",
            message: "field 'stage' of table 'opportunities' is choice; a forecast measure must be integer, number or money")
    }

    @Test func ratioTakesTwoFields() {
        ForecastFixture.expectOne(
            Self.forecast(target: "{ table: opportunities, measure: { ratio: 1️⃣[accepted] }, date: expected_close }", Self.naive),
            id: "definition.wrongType", message: "expected a list of two fields, [numerator, denominator] for 'ratio' but found a list")
    }

    @Test func dateMustBeADate() {
        ForecastFixture.expectOne(
            Self.forecast(target: "{ table: opportunities, measure: amount, date: 1️⃣amount }", Self.naive),
            id: "definition.wrongFieldType", message: "field 'amount' of table 'opportunities' is money; a forecast 'date' must be date or datetime")
    }

    @Test func groupFieldMustBeChoiceTextOrLink() {
        ForecastFixture.expectOne(
            Self.forecast(target: "{ table: opportunities, measure: amount, date: expected_close, by: [region, 1️⃣probability] }", Self.naive),
            id: "definition.wrongFieldType",
            message: "field 'probability' of table 'opportunities' is number; a group ('by') field must be choice, text or link")
    }

    @Test func unknownGroupField() {
        ForecastFixture.expectOne(
            Self.forecast(target: "{ table: opportunities, measure: amount, date: expected_close, by: [1️⃣regoin] }", Self.naive),
            id: "definition.unknownField", message: "unknown field 'regoin' in table 'opportunities'; did you mean 'region'?")
    }

    @Test func unknownForecastKey() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    1️⃣scenario: {}"),
            id: "definition.unknownKey", message: "unknown key 'scenario' in forecast 'f'; did you mean 'scenarios'?")
    }

    @Test func unknownBacktestKey() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    backtest: { 1️⃣window: 4 }"),
            id: "definition.unknownKey", message: "unknown key 'window' in 'backtest'; did you mean 'windows'?")
    }

    @Test func missingTarget() {
        ForecastFixture.expectOne(
            """
            forecasts:
              f:
                1️⃣period: week
                horizon: 4
                baseline: naive
            """,
            id: "definition.missingKey", message: "forecast 'f' is missing the key 'target'")
    }

    @Test func horizonOutOfRange() {
        ForecastFixture.expectOne(
            """
            forecasts:
              f:
                target: { table: opportunities, measure: count, date: expected_close }
                period: week
                horizon: 1️⃣105
                baseline: naive
            """,
            id: "definition.outOfRange", message: "'horizon' must be between 1 and 104, not 105")
    }

    @Test func windowsOutOfRange() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    backtest: { windows: 1️⃣0 }"),
            id: "definition.outOfRange", message: "'windows' must be between 1 and 104, not 0")
    }

    @Test func unknownPeriod() {
        ForecastFixture.expectOne(
            """
            forecasts:
              f:
                target: { table: opportunities, measure: count, date: expected_close }
                period: 1️⃣weak
                horizon: 4
                baseline: naive
            """,
            id: "definition.invalidValue", message: "'weak' is not a valid 'period'; did you mean 'week'? (one of: day, week, month)")
    }

    @Test func unknownBaseline() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: 1️⃣moving_avg"),
            id: "definition.invalidValue",
            message:
                "'moving_avg' is not a valid 'baseline'; did you mean 'moving_average'? "
                + "(one of: naive, seasonal_naive, moving_average, holt_winters, weighted_pipeline)")
    }

    @Test func baselineOptionOfAnotherMethod() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: { method: naive, 1️⃣window: 3 }"),
            id: "definition.notApplicable", message: "'window' applies only to 'moving_average' baselines, not to 'naive'")
    }

    @Test func smoothingOutOfRange() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: { method: holt_winters, alpha: 1️⃣1.5 }"),
            id: "definition.outOfRange", message: "'alpha' must be between 0 and 1, not 1.5")
    }

    @Test func barePipelineNeedsAProbabilityField() {
        ForecastFixture.expectOne(
            Self.forecast(target: "{ table: plans, measure: planned, date: week }", "    baseline: 1️⃣weighted_pipeline"),
            id: "definition.missingKey",
            message:
                "a 'weighted_pipeline' baseline reads each record's probability from field 'probability', which table 'plans' lacks; "
                + "add it, or give the baseline 'stage' and 'probabilities'")
    }

    @Test func pipelineStageNotAnOption() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: { method: weighted_pipeline, probabilities: { lead: 0.1, 1️⃣wonn: 1 } }"),
            id: "definition.unknownOption", message: "'wonn' is not one of the options of field 'stage'; did you mean 'won'?")
    }

    @Test func driverTableUnknown() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    drivers:\n      subsidy: { table: 1️⃣subsidy, value: level, weight: 0.1 }"),
            id: "definition.unknownTable", message: "driver 'subsidy' names unknown table 'subsidy'; did you mean 'subsidies'?")
    }

    @Test func driverValueMustBeNumeric() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    drivers:\n      subsidy: { table: subsidies, value: 1️⃣region, weight: 0.1 }"),
            id: "definition.wrongFieldType",
            message: "field 'region' of table 'subsidies' is choice; a driver 'value' must be integer, number or money")
    }

    @Test func driverTableLacksAGroupField() {
        ForecastFixture.expectOne(
            Self.forecast(
                target: "{ table: opportunities, measure: amount, date: expected_close, by: [product] }",
                "    baseline: naive\n    drivers:\n      1️⃣subsidy: { table: subsidies, value: level, weight: 0.1 }"),
            id: "definition.unknownField",
            message:
                "driver 'subsidy' reads table 'subsidies', which lacks the forecast's group field 'product'; add the field, or give "
                + "driver 'subsidy' its own 'by' (some of the forecast's 'by' fields, or [] for one value for all groups)")
    }

    @Test func driverGroupsByAFieldTheForecastDoesNot() {
        ForecastFixture.expectOne(
            Self.forecast(
                "    baseline: naive\n    drivers:\n      ads: { table: ad_spend, value: spend, date: month, by: [1️⃣channel], weight: 0.1 }"),
            id: "definition.notApplicable",
            message: "driver 'ads' groups by 'channel', which is not a 'by' field of the forecast (the forecast's are: region)")
    }

    @Test func driverNeedsADateWhenItsTableHasSeveral() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    drivers:\n      1️⃣ads: { table: ad_spend, value: spend, by: [], weight: 0.1 }"),
            id: "definition.missingKey",
            message: "driver 'ads' needs a 'date' naming the field that puts a value in a period: table 'ad_spend' has several (month, paid_at)")
    }

    @Test func weightOutsideItsBounds() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    drivers:\n      subsidy: { table: subsidies, value: level, weight: 1️⃣0.5, bounds: [0, 0.4] }"),
            id: "definition.weightOutOfBounds", message: "the weight 0.5 of driver 'subsidy' is outside its bounds [0, 0.4]")
    }

    @Test func boundsOutOfOrder() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    drivers:\n      subsidy: { table: subsidies, value: level, weight: 0.1, bounds: [1️⃣0.4, 0] }"),
            id: "definition.constraintConflict", message: "the lower bound 0.4 is above the upper bound 0")
    }

    @Test func signAgainstBounds() {
        ForecastFixture.expectOne(
            Self.forecast(
                "    baseline: naive\n    drivers:\n      subsidy: { table: subsidies, value: level, weight: 0.1, bounds: 1️⃣[-0.1, 0.2], sign: positive }"
            ),
            id: "definition.constraintConflict",
            message: "driver 'subsidy' has sign 'positive' but its bounds allow a negative weight; raise the lower bound to 0")
    }

    @Test func weightAgainstSign() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    drivers:\n      subsidy: { table: subsidies, value: level, weight: 1️⃣0.1, sign: negative }"),
            id: "definition.weightOutOfBounds", message: "the weight 0.1 of driver 'subsidy' is positive but its sign is 'negative'")
    }

    @Test func unknownNormalisation() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    drivers:\n      subsidy: { table: subsidies, value: level, weight: 0.1, normalise: 1️⃣zscor }"),
            id: "definition.invalidValue", message: "'zscor' is not a valid 'normalise'; did you mean 'zscore'? (one of: zscore, percent)")
    }

    static let subsidy = "    baseline: naive\n    drivers:\n      subsidy: { table: subsidies, value: level, weight: 0.1 }\n"

    @Test func scenarioNamesUnknownDriver() {
        ForecastFixture.expectOne(
            Self.forecast(Self.subsidy + "    scenarios:\n      up: [{ driver: 1️⃣subsidies, scale: 1.2 }]"),
            id: "definition.unknownDriver", message: "scenario 'up' changes unknown driver 'subsidies' of forecast 'f'; did you mean 'subsidy'?")
    }

    @Test func scenarioChangeTakesOneOperation() {
        ForecastFixture.expectOne(
            Self.forecast(Self.subsidy + "    scenarios:\n      up: [{ driver: subsidy, set: 1, 1️⃣scale: 2 }]"),
            id: "definition.constraintConflict",
            message: "a change takes one of 'set', 'scale' or 'add', and 'set' is already given; write another change for 'scale'")
    }

    @Test func scenarioChangeNeedsAnOperation() {
        ForecastFixture.expectOne(
            Self.forecast(Self.subsidy + "    scenarios:\n      up: [{ driver: 1️⃣subsidy }]"),
            id: "definition.missingKey", message: "the change of driver 'subsidy' needs one of 'set', 'scale' or 'add'")
    }

    @Test func scenarioConditionMustBeBoolean() {
        ForecastFixture.expectOne(
            Self.forecast(Self.subsidy + "    scenarios:\n      up: [{ driver: subsidy, where: \"1️⃣region\", scale: 2 }]"),
            id: "expression.typeMismatch", message: "expected 'bool' but found 'string' for 'where'")
    }

    @Test func scenarioConditionSeesOnlyGroupFields() {
        let (loaded, fixture) = ForecastFixture.load(
            Self.forecast(Self.subsidy + "    scenarios:\n      up: [{ driver: subsidy, where: \"1️⃣amount > 3.0\", scale: 2 }]"))
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.message))")
        #expect(errors.first?.id == "expression.undeclaredReference")
        #expect(errors.first?.message.contains("'amount'") == true, "\(errors.map(\.message))")
        #expect(errors.first?.range.start == fixture.markers["1"])
        #expect(loaded.definition == nil)
    }

    @Test func credibilityBandsOutOfOrder() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    credibility: { green: 1️⃣0.3, amber: 0.2 }"),
            id: "definition.constraintConflict", message: "'green' (0.3) is above 'amber' (0.2); green is the tighter band")
    }

    @Test func credibilityMetricNotMeasured() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    backtest: { metrics: [wape] }\n    credibility: { metric: 1️⃣mase }"),
            id: "definition.notApplicable",
            message:
                "credibility is judged on 'mase', which the backtest does not measure (its metrics: wape); add it to the backtest's 'metrics'")
    }

    @Test func credibilityHorizonBeyondTheForecast() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    credibility: { horizon: 1️⃣5 }"),
            id: "definition.outOfRange", message: "credibility's 'horizon' 5 is beyond the forecast's horizon of 4 periods")
    }

    @Test func planValueMustBeNumeric() {
        ForecastFixture.expectOne(
            Self.forecast("    baseline: naive\n    plan: { table: plans, value: 1️⃣label }"),
            id: "definition.wrongFieldType", message: "field 'label' of table 'plans' is text; a plan 'value' must be integer, number or money")
    }

    @Test func forecastsAreNoLongerWarnedAbout() {
        let (loaded, _) = ForecastFixture.load("forecasts: {}\n")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        #expect(loaded.definition?.forecasts.isEmpty == true)
    }
}
