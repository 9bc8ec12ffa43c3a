public import FormwrightCore

/// A form evaluated on a draft — what someone has typed so far — without writing anything: for
/// each field whether it shows, must be filled in and may be edited, the computed values, and the
/// errors the draft would get if submitted now.
///
/// `json(locales:)` renders it for the live-form route
/// (`POST /api/v1/apps/{app}/forms/{form}/evaluate`), in this shape:
///
/// ```json
/// {
///   "fields": [
///     {"name": "channel", "visible": true, "required": false, "readonly": false},
///     {"name": "follow_up_on", "visible": true, "required": true, "readonly": false}
///   ],
///   "computed": {"risk": "unknown"},
///   "errors": [
///     {"field": "follow_up_on", "message": "This field is required."},
///     {"field": "", "message": "Please write at least a sentence or two."}
///   ]
/// }
/// ```
///
/// `fields` follows the form's order. `computed` holds every computed field that has a value, written
/// as the records API writes values (money as decimal text, dates as `YYYY-MM-DD`, date-times as
/// RFC 3339). `errors` uses the 422 shape; `field` is `""` for a failed rule. An expression that
/// cannot be evaluated on a partial draft (it reads a field not filled in yet) is not an error here:
/// the field keeps its plain settings and the computed value is left out.
public struct FormEvaluation: Sendable, Hashable {
    /// What the form's conditions decided for one field.
    public struct FieldState: Sendable, Hashable {
        /// The field's name.
        public var name: String
        /// Whether the field shows (`visible_if`).
        public var isVisible: Bool
        /// Whether it must be filled in (`required`, `required_if`).
        public var isRequired: Bool
        /// Whether it may not be edited (`readonly`, `readonly_if`).
        public var isReadOnly: Bool

        /// Creates a field state.
        public init(name: String, isVisible: Bool, isRequired: Bool, isReadOnly: Bool) {
            self.name = name
            self.isVisible = isVisible
            self.isRequired = isRequired
            self.isReadOnly = isReadOnly
        }
    }

    /// Every field of the form, in its order.
    public var fields: [FieldState]
    /// The computed fields' values, as the records API writes them.
    public var computed: [String: Value]
    /// The field and rule errors the draft has now.
    public var errors: [FieldError]

    /// Creates an evaluation.
    public init(fields: [FieldState], computed: [String: Value], errors: [FieldError]) {
        self.fields = fields
        self.computed = computed
        self.errors = errors
    }

    /// The evaluation as a JSON value, messages in the first of `locales` the app supports.
    public func json(locales: [String]) -> Value {
        let states = fields.map { state in
            Value.map(
                ValueMap([
                    (.string("name"), .string(state.name)), (.string("visible"), .bool(state.isVisible)),
                    (.string("required"), .bool(state.isRequired)), (.string("readonly"), .bool(state.isReadOnly)),
                ]))
        }
        let values = computed.sorted { $0.key < $1.key }.map { (Value.string($0.key), $0.value) }
        let problems = errors.map { error in
            Value.map(ValueMap([(.string("field"), .string(error.field)), (.string("message"), .string(error.problem.message(for: locales)))]))
        }
        return .map(
            ValueMap([(.string("fields"), .list(states)), (.string("computed"), .map(ValueMap(values))), (.string("errors"), .list(problems))]))
    }
}
