/// A map from values to values that remembers the order its keys were first inserted.
public struct ValueMap: Sendable, Hashable {
    /// The keys, in insertion order.
    public private(set) var keys: [Value] = []
    private var storage: [Value: Value] = [:]

    /// Creates an empty map.
    public init() {}

    /// Creates a map from ordered pairs; a later duplicate key replaces the earlier value.
    public init(_ pairs: [(Value, Value)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The number of entries.
    public var count: Int { keys.count }

    /// The value for a key, or nil; assigning nil removes the entry.
    public subscript(key: Value) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// The entries in insertion order.
    public var entries: [(key: Value, value: Value)] {
        keys.compactMap { key in storage[key].map { (key, $0) } }
    }

    public static func == (lhs: ValueMap, rhs: ValueMap) -> Bool { lhs.storage == rhs.storage }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}
