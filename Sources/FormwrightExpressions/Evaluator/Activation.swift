public import FormwrightCore

/// The variables an evaluation reads, by name.
///
/// Qualified names are looked up whole (`"a.b.c"`), so a caller may bind either a nested map
/// under `a` or the flat name.
public protocol Activation: Sendable {
    /// The value bound to `name`, or nil when unbound.
    func value(named name: String) -> Value?
}

/// An activation backed by a dictionary.
public struct VariableBindings: Activation {
    /// The bound values by name.
    public var values: [String: Value]

    /// Creates bindings from a dictionary.
    public init(_ values: [String: Value] = [:]) {
        self.values = values
    }

    /// The bound value, or nil.
    public func value(named name: String) -> Value? { values[name] }
}
