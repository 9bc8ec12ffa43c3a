import FormwrightCore
import FormwrightRuntime
import FormwrightStorage

/// The schemas every app's document shares: errors, form evaluation, aggregates, CSV imports
/// and workflow executions; those of forecasts are in `OpenAPISchemas+Forecasts.swift`.
enum OpenAPISchemas {
    /// The shared schemas by component name.
    static var shared: [(String, Value)] {
        [
            ("Error", error), ("FieldError", fieldError),
            ("FieldErrors", JSONSchema.closedObject([("errors", JSONSchema.array(of: JSONSchema.reference("FieldError")))])),
            ("FormEvaluation", formEvaluation), ("AggregateResult", aggregateResult), ("ImportReport", importReport),
            ("Execution", execution), ("ExecutionStep", executionStep), ("StepAttempt", stepAttempt),
            ("ExecutionPage", OpenAPIDocument.page("executions", of: JSONSchema.reference("Execution"))),
        ]
    }

    static let string = JSONSchema.typed("string")
    static let integer = JSONSchema.typed("integer")
    static let dateTime = JSONSchema.object([("type", .string("string")), ("format", .string("date-time"))])

    /// Text from a fixed list.
    static func oneOf(_ values: [String]) -> Value {
        JSONSchema.object([("type", .string("string")), ("enum", JSONSchema.strings(values))])
    }

    private static var error: Value {
        let body = JSONSchema.closedObject([
            ("message", JSONSchema.typed("string", "What went wrong, for people; never internal detail.")),
            ("id", JSONSchema.typed("string", "A stable identifier such as `not_found`, for programs.")),
        ])
        return JSONSchema.closedObject([("error", body)], description: "Every error but field errors.")
    }

    private static var fieldError: Value {
        JSONSchema.closedObject([
            ("field", JSONSchema.typed("string", "The field's name; empty for a rule of the table or form.")),
            ("message", JSONSchema.typed("string", "What is wrong, in the request's language.")),
        ])
    }

    private static var formEvaluation: Value {
        let state = JSONSchema.closedObject([
            ("name", string), ("visible", JSONSchema.typed("boolean")), ("required", JSONSchema.typed("boolean")),
            ("readonly", JSONSchema.typed("boolean")),
        ])
        return JSONSchema.closedObject([
            ("fields", JSONSchema.array(of: state, "Every field of the form, in its order.")),
            ("computed", JSONSchema.typed("object", "The computed fields that have a value, as a record shows them.")),
            ("errors", JSONSchema.array(of: JSONSchema.reference("FieldError"), "The errors the draft would get if submitted now.")),
        ])
    }

    private static var aggregateResult: Value {
        JSONSchema.closedObject([
            ("time_zone", JSONSchema.typed("string", "The IANA zone datetimes were put into days, weeks and months in.")),
            (
                "groups",
                JSONSchema.array(
                    of: JSONSchema.typed("object"),
                    "One object per group, in key order: its keys and measures by their terms (`region`, `week(sold_on)`, `sum(amount)`); "
                        + "values as a record shows them, a period as the date it starts, a count as a whole number.")
            ),
        ])
    }

    private static var importReport: Value {
        let rejection = JSONSchema.closedObject([
            ("line", JSONSchema.typed("integer", "The refused row's line in the file.")),
            ("field", JSONSchema.nullable(string)), ("message", string),
        ])
        return JSONSchema.closedObject([
            ("created", JSONSchema.typed("integer", "How many records were written.")),
            ("rejections", JSONSchema.array(of: rejection)),
        ])
    }

    private static var execution: Value {
        let trigger = JSONSchema.closedObject([("change", string), ("table", string), ("record_id", string)])
        return JSONSchema.closedObject([
            ("id", string), ("workflow", string), ("state", oneOf(JobState.allCases.map(\.rawValue))),
            ("revision", JSONSchema.typed("string", "The app revision the run started under.")), ("trigger", trigger),
            ("created_at", dateTime), ("updated_at", dateTime), ("due_at", dateTime), ("attempts", integer),
            ("last_error", JSONSchema.nullable(string)), ("next_step", JSONSchema.nullable(string)), ("dropped_attempts", integer),
            ("steps", JSONSchema.array(of: JSONSchema.reference("ExecutionStep"))),
        ])
    }

    private static var executionStep: Value {
        JSONSchema.closedObject([
            ("id", string), ("status", oneOf(ExecutionView.StepStatus.allCases.map(\.rawValue))),
            ("outputs", JSONSchema.nullable(JSONSchema.typed("object"))),
            ("attempts", JSONSchema.array(of: JSONSchema.reference("StepAttempt"), "Oldest first.")),
        ])
    }

    private static var stepAttempt: Value {
        JSONSchema.closedObject([
            ("try", integer), ("started_at", dateTime), ("finished_at", JSONSchema.nullable(dateTime)),
            ("outcome", JSONSchema.nullable(oneOf(StepAttempt.Outcome.allCases.map(\.rawValue)))), ("error", JSONSchema.nullable(string)),
            ("next_try_at", JSONSchema.nullable(dateTime)), ("duration_ms", JSONSchema.nullable(integer)),
        ])
    }
}
