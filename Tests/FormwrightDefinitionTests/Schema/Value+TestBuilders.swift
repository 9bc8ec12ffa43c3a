import FormwrightCore

/// Short ways to write `Value` literals in tests.
extension Value {
    /// An object (a `.map` with `.string` keys), keeping the order written.
    static func object(_ pairs: KeyValuePairs<String, Value>) -> Value {
        .map(ValueMap(pairs.map { (Value.string($0.key), $0.value) }))
    }

    /// A list of strings.
    static func strings(_ items: String...) -> Value {
        .list(items.map(Value.string))
    }

    /// This object with `key` set to `value` (appended when new, replaced in place otherwise); `nil` removes the key.
    /// Other values are returned unchanged.
    func setting(_ key: String, to value: Value?) -> Value {
        guard case .map(var map) = self else { return self }
        map[.string(key)] = value
        return .map(map)
    }

    /// This document with the value at `path` (object keys and list indexes) replaced by `replacement`; the last key
    /// is added when the object lacks it. Unchanged when the path does not lead anywhere.
    func replacing(at path: [String], with replacement: Value) -> Value {
        guard let first = path.first else { return replacement }
        let rest = Array(path.dropFirst())
        switch self {
        case .map(var map):
            if let member = map[.string(first)] {
                map[.string(first)] = member.replacing(at: rest, with: replacement)
            } else if rest.isEmpty {
                map[.string(first)] = replacement
            }
            return .map(map)
        case .list(var items):
            guard let index = Int(first), items.indices.contains(index) else { return self }
            items[index] = items[index].replacing(at: rest, with: replacement)
            return .list(items)
        default:
            return self
        }
    }

    /// The member `key` of an object, or nil.
    func member(_ key: String) -> Value? {
        guard case .map(let map) = self else { return nil }
        return map[.string(key)]
    }

    /// The text of a non-empty string, or nil.
    var nonEmptyString: String? {
        guard case .string(let text) = self, !text.isEmpty else { return nil }
        return text
    }
}
