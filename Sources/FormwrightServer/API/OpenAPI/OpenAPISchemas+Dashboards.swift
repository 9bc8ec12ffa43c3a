import FormwrightCore
import FormwrightDefinition

extension OpenAPISchemas {
    /// The schemas of a computed dashboard, as `DashboardResult.json` writes it. A tile carries the
    /// members of its kind: a figure (`value`, and when compared `previous`, `previous_window`,
    /// `change`), a chart (`by`, `split`, `categories`, `series`, what was left out) or records.
    static var dashboard: [(String, Value)] {
        [("DashboardResult", result), ("DashboardTile", tile), ("DashboardWindow", window)]
    }

    private static let nullableString = JSONSchema.nullable(string)
    private static let number = JSONSchema.nullable(JSONSchema.typed("number"))

    private static var result: Value {
        JSONSchema.closedObject([
            ("name", string), ("title", string), ("description", nullableString), ("time_zone", string),
            ("computed_at", JSONSchema.object([("type", .string("string")), ("format", .string("date-time"))])),
            ("tiles", JSONSchema.array(of: JSONSchema.reference("DashboardTile"))),
        ])
    }

    private static var window: Value {
        JSONSchema.closedObject([("period", string), ("last", integer), ("from", string), ("to", string)])
    }

    private static var tile: Value {
        let value = JSONSchema.object([("description", .string("A number, or for money its decimal text; null when there is none."))])
        let series = JSONSchema.closedObject([("name", nullableString), ("values", JSONSchema.array(of: value))])
        return JSONSchema.closedObject(
            [
                ("kind", JSONSchema.object([("type", .string("string")), ("enum", JSONSchema.strings(DashboardTile.Kind.allCases.map(\.rawValue)))])),
                ("title", string), ("table", string), ("measure", string),
                ("window", JSONSchema.nullable(JSONSchema.reference("DashboardWindow"))), ("value", value), ("previous", value),
                ("previous_window", JSONSchema.nullable(JSONSchema.reference("DashboardWindow"))), ("change", number),
                ("by", string), ("split", nullableString), ("categories", JSONSchema.array(of: nullableString)),
                ("series", JSONSchema.array(of: series)), ("omitted_categories", integer), ("omitted_series", integer),
                ("columns", JSONSchema.array(of: string)), ("records", JSONSchema.array(of: JSONSchema.typed("object"))),
            ], required: ["kind", "title", "table", "window"])
    }
}
