import FormwrightCore

/// One declared input or output of an integration: a name and the type of its values.
public struct IntegrationParameter: Sendable, Hashable {
    /// The name, as `with:` keys and `steps.<id>.<name>` use it.
    public var name: Located<String>
    /// The type of its values.
    public var type: IntegrationValueType

    /// Creates a parameter.
    public init(name: Located<String>, type: IntegrationValueType) {
        self.name = name
        self.type = type
    }

    /// A parameter of a built-in kind, which has no place in the file of its own; it borrows the integration's.
    init(builtIn name: String, type: IntegrationValueType, at range: SourceRange) {
        self.init(name: Located(name, at: range), type: type)
    }
}
