import FormwrightCore

/// Writes values into a job's JSON payload and reads them back with their exact types.
///
/// JSON has no timestamps, durations, bytes or unsigned integers, and its objects cannot hold
/// keys that are not text, so the payload tags them: a map is `{"map": [[key, value], …]}`,
/// a timestamp `{"timestamp": "2026-11-29T10:00:00Z"}`, and so on. Null, booleans, integers,
/// finite doubles (always written with a decimal point), text and lists are written as JSON has
/// them, so every value read back equals the value written.
enum PayloadValue {
    /// The tagged JSON form of a value.
    static func encode(_ value: Value) -> Value {
        switch value {
        case .null, .bool, .int, .string: value
        case .double(let number): number.isFinite ? value : tagged("double", .string(String(number)))
        case .uint(let number): tagged("uint", .string(String(number)))
        case .bytes(let bytes): tagged("bytes", .list(bytes.map { .int(Int64($0)) }))
        case .timestamp(let time): tagged("timestamp", .list([.int(time.seconds), .int(Int64(time.nanos))]))
        case .duration(let span): tagged("duration", .list([.int(span.seconds), .int(Int64(span.nanos))]))
        case .list(let items): .list(items.map(encode))
        case .map(let map): tagged("map", .list(map.entries.map { .list([encode($0.key), encode($0.value)]) }))
        }
    }

    /// The value a tagged JSON form stands for, or nil when it is not one this type writes.
    static func decode(_ json: Value) -> Value? {
        switch json {
        case .null, .bool, .int, .double, .string: return json
        case .list(let items):
            var values: [Value] = []
            for item in items {
                guard let value = decode(item) else { return nil }
                values.append(value)
            }
            return .list(values)
        case .map(let map):
            guard map.count == 1, let entry = map.entries.first, case .string(let tag) = entry.key else { return nil }
            return decodeTagged(tag, entry.value)
        case .uint, .bytes, .timestamp, .duration: return nil
        }
    }

    private static func tagged(_ tag: String, _ value: Value) -> Value {
        .map(ValueMap([(.string(tag), value)]))
    }

    private static func decodeTagged(_ tag: String, _ content: Value) -> Value? {
        switch (tag, content) {
        case ("double", .string(let text)): return Double(text).map(Value.double)
        case ("uint", .string(let text)): return UInt64(text).map(Value.uint)
        case ("bytes", .list(let items)):
            var bytes: [UInt8] = []
            for item in items {
                guard case .int(let number) = item, let byte = UInt8(exactly: number) else { return nil }
                bytes.append(byte)
            }
            return .bytes(bytes)
        case ("timestamp", .list(let parts)):
            return secondsAndNanos(parts).map { .timestamp(Timestamp(seconds: $0.seconds, nanos: $0.nanos)) }
        case ("duration", .list(let parts)):
            return secondsAndNanos(parts).map { .duration(TimeSpan(seconds: $0.seconds, nanos: $0.nanos)) }
        case ("map", .list(let entries)):
            var pairs: [(Value, Value)] = []
            for entry in entries {
                guard case .list(let pair) = entry, pair.count == 2, let key = decode(pair[0]), let value = decode(pair[1]) else { return nil }
                pairs.append((key, value))
            }
            return .map(ValueMap(pairs))
        default: return nil
        }
    }

    private static func secondsAndNanos(_ parts: [Value]) -> (seconds: Int64, nanos: Int32)? {
        guard parts.count == 2, case .int(let seconds) = parts[0], case .int(let nanos) = parts[1], let small = Int32(exactly: nanos) else {
            return nil
        }
        return (seconds, small)
    }
}
