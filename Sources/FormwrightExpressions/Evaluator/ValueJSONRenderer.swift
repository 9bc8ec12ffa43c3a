public import FormwrightCore
import Foundation

/// Renders expression results as JSON text.
///
/// int and uint become JSON numbers, doubles numbers (NaN and infinities, which JSON lacks, become
/// the strings `"NaN"`, `"Infinity"`, `"-Infinity"`), bytes a base64 string, timestamps an RFC 3339
/// string, durations a string such as `"3.5s"`, and map keys their text.
public enum ValueJSONRenderer {
    /// The JSON text of a value.
    public static func render(_ value: Value) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    /// The JSON text of a run-time value; a type value renders as its name.
    public static func render(_ value: RuntimeValue) -> String {
        switch value {
        case .value(let plain): render(plain)
        case .type(let name): JSONText.quote(name)
        }
    }

    static func write(_ value: Value, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .uint(let number): output += String(number)
        case .double(let number):
            if number.isFinite {
                output += number == number.rounded() && abs(number) < 1e15 ? String(format: "%.1f", number) : "\(number)"
            } else {
                output += JSONText.quote(DoubleFormatting.shortest(number))
            }
        case .string(let text): output += JSONText.quote(text)
        case .bytes(let bytes): output += JSONText.quote(Data(bytes).base64EncodedString())
        case .timestamp(let timestamp): output += JSONText.quote(TimeCalculations.format(timestamp))
        case .duration(let span): output += JSONText.quote(TimeCalculations.format(span))
        case .list(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                write(element, into: &output)
            }
            output += "]"
        case .map(let map):
            output += "{"
            for (index, entry) in map.entries.enumerated() {
                if index > 0 { output += "," }
                output += JSONText.quote(keyText(entry.key)) + ":"
                write(entry.value, into: &output)
            }
            output += "}"
        }
    }

    static func keyText(_ key: Value) -> String {
        switch key {
        case .string(let text): text
        case .int(let number): String(number)
        case .uint(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        default: render(key)
        }
    }
}
