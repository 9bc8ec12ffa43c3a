public import FormwrightExpressions

extension FieldDefinition {
    /// The type of the field's values inside expressions, when not empty.
    ///
    /// | field type | in expressions |
    /// |---|---|
    /// | text, longtext, email, phone, url, choice | `string` |
    /// | link | `string`, the linked record's id |
    /// | integer | `int` |
    /// | number, money | `double` (money exactly as stored, in whole units: `12.5`) |
    /// | boolean | `bool` |
    /// | date | `timestamp`: the moment the day starts in the app's time zone |
    /// | datetime | `timestamp` |
    /// | multichoice | `list(string)` |
    public var expressionType: ExpressionType {
        switch type {
        case .text, .longtext, .email, .phone, .url, .choice, .link: .string
        case .integer: .int
        case .number, .money: .double
        case .boolean: .bool
        case .date, .datetime: .timestamp
        case .multichoice: .list(.string)
        }
    }

    /// The type expressions see: nullable (`double?`) unless the field is required.
    public var declaredExpressionType: ExpressionType {
        isRequired ? expressionType : .nullable(expressionType)
    }

    /// The largest size of the field's values, for cost estimates: its `max_length`, or its number of options.
    var expressionMaxSize: UInt64? {
        if let maximum = maximumLength?.value { return UInt64(maximum) }
        if type == .multichoice { return UInt64(options.count) }
        return nil
    }
}
