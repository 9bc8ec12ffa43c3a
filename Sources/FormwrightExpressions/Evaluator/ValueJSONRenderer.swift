public import FormwrightCore

/// Renders expression results as JSON text: plain values as Core's `JSONWriter` writes them
/// (doubles with a decimal point, NaN and infinities as strings, bytes as base64, timestamps
/// as RFC 3339, durations such as `"3.5s"`), and type values by their name.
public enum ValueJSONRenderer {
    /// The JSON text of a value.
    public static func render(_ value: Value) -> String {
        JSONWriter.write(value)
    }

    /// The JSON text of a run-time value; a type value renders as its name.
    public static func render(_ value: RuntimeValue) -> String {
        switch value {
        case .value(let plain): render(plain)
        case .type(let name): JSONText.quote(name)
        }
    }
}
