import FormwrightCore
import FormwrightRuntime

extension OpenAPISchemas {
    /// The schemas of a forecast run, as `ForecastReport.json` writes it; a number that is not finite is null.
    static var forecast: [(String, Value)] {
        [
            ("ForecastReport", report), ("ForecastGroup", group), ("ForecastTrack", track), ("ForecastMetrics", metrics),
            ("CredibilityScore", credibility), ("ForecastScenario", scenario),
        ]
    }

    private static let number = JSONSchema.nullable(JSONSchema.typed("number"))
    private static let numbers = JSONSchema.array(of: number)
    private static let date = JSONSchema.object([("type", .string("string")), ("format", .string("date"))])

    private static var report: Value {
        let weight = JSONSchema.closedObject([("driver", string), ("weight", number), ("effective", number)])
        let rule = JSONSchema.closedObject([("metric", string), ("horizon", integer), ("green", number), ("amber", number), ("definition", string)])
        return JSONSchema.closedObject([
            ("forecast", string), ("title", string), ("revision", JSONSchema.typed("string", "The app revision the run used.")),
            ("computed_at", dateTime), ("period", string), ("time_zone", string), ("baseline", string), ("combine", string),
            ("group_by", JSONSchema.array(of: string)), ("weights", JSONSchema.array(of: weight)),
            ("history", JSONSchema.array(of: date, "The start of each period of actuals.")),
            ("periods", JSONSchema.array(of: date, "The start of each forecast period.")), ("credibility", rule),
            ("groups", JSONSchema.array(of: JSONSchema.reference("ForecastGroup"))),
            ("scenarios", JSONSchema.array(of: JSONSchema.reference("ForecastScenario"))),
            ("notes", JSONSchema.array(of: string)),
        ])
    }

    private static var group: Value {
        let properties: [(String, Value)] = [
            ("keys", JSONSchema.object([("type", .string("object")), ("additionalProperties", JSONSchema.nullable(string))])),
            ("label", string), ("actuals", numbers), ("forecast", numbers), ("lower", JSONSchema.nullable(numbers)),
            ("upper", JSONSchema.nullable(numbers)), ("baseline", numbers), ("plan", numbers),
            ("backtest", JSONSchema.array(of: JSONSchema.reference("ForecastTrack"))), ("credibility", JSONSchema.reference("CredibilityScore")),
        ]
        return JSONSchema.closedObject(
            properties, required: properties.map(\.0).filter { $0 != "plan" }, description: "`plan` only when the forecast has one.")
    }

    private static var track: Value {
        JSONSchema.closedObject(
            [
                ("track", string), ("overall", JSONSchema.reference("ForecastMetrics")),
                ("by_horizon", JSONSchema.array(of: JSONSchema.reference("ForecastMetrics"))), ("unavailable", string),
            ], required: ["track"], description: "A backtest: `overall` and `by_horizon` when it ran, `unavailable` with the reason when not.")
    }

    private static var metrics: Value {
        JSONSchema.closedObject([("wape", number), ("mape", number), ("bias", number), ("mase", number), ("count", integer)])
    }

    private static var credibility: Value {
        JSONSchema.closedObject(
            [("colour", oneOf(CredibilityScore.Colour.allCases.map(\.rawValue))), ("value", number), ("reason", string)],
            required: ["colour", "value"])
    }

    private static var scenario: Value {
        let delta = JSONSchema.closedObject([("label", string), ("forecast", numbers), ("delta", numbers), ("total", number)])
        return JSONSchema.closedObject([("name", string), ("groups", JSONSchema.array(of: delta))])
    }
}
