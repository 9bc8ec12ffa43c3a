/// Writes a `Value` as JSON text: maps as objects (keys as text), lists as arrays.
///
/// Integers are written exactly; doubles always with a decimal point (`2.0`), and the values
/// JSON lacks as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`; bytes as base64 text;
/// timestamps as RFC 3339 text; durations as CEL writes them (`"3.5s"`).
public enum JSONWriter {
    /// The JSON text of a value.
    public static func write(_ value: Value) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    /// Appends the JSON text of a value.
    public static func write(_ value: Value, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .uint(let number): out += String(number)
        case .double(let number): out += double(number)
        case .string(let text): out += JSONText.quote(text)
        case .bytes(let bytes): out += JSONText.quote(Base64.encode(bytes))
        case .timestamp(let timestamp): out += JSONText.quote(timestamp.rfc3339)
        case .duration(let span): out += JSONText.quote(span.text)
        case .list(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .map(let map):
            out += "{"
            for (index, entry) in map.entries.enumerated() {
                if index > 0 { out += "," }
                out += JSONText.quote(keyText(entry.key))
                out += ":"
                write(entry.value, into: &out)
            }
            out += "}"
        }
    }

    private static func double(_ number: Double) -> String {
        if number.isNaN { return "\"NaN\"" }
        if number.isInfinite { return number < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) + ".0" }
        return "\(number)"
    }

    private static func keyText(_ key: Value) -> String {
        if case .string(let text) = key { return text }
        return write(key)
    }
}

/// Standard base64 with padding.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let b0 = UInt32(chunk[chunk.startIndex])
            let b1 = chunk.count > 1 ? UInt32(chunk[chunk.startIndex + 1]) : 0
            let b2 = chunk.count > 2 ? UInt32(chunk[chunk.startIndex + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(triple >> 18 & 63)])
            out.append(alphabet[Int(triple >> 12 & 63)])
            out.append(chunk.count > 1 ? alphabet[Int(triple >> 6 & 63)] : "=")
            out.append(chunk.count > 2 ? alphabet[Int(triple & 63)] : "=")
            index += 3
        }
        return String(out)
    }
}
