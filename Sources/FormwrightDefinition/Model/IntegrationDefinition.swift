/// A named connection to another system that workflow steps `call`.
///
/// An integration takes named inputs (the step's `with`) and gives named outputs, which later
/// steps read as `steps.<id>.<output>`. What the call does depends on its kind.
public struct IntegrationDefinition: Sendable {
    /// The integration's name, as `call:` names it.
    public var name: Located<String>
    /// What it is for, for people.
    public var description: LocalizedText?
    /// What the call does.
    public var kind: IntegrationKind
    /// The declared inputs in the order written; nil when the integration declares none (any `with` is accepted).
    public var inputs: [IntegrationParameter]?
    /// The declared outputs in the order written; for an http integration without `outputs`, its `output` keys typed `dyn`.
    public var outputs: [IntegrationParameter]

    /// Creates an integration.
    public init(
        name: Located<String>, description: LocalizedText?, kind: IntegrationKind, inputs: [IntegrationParameter]?, outputs: [IntegrationParameter]
    ) {
        self.name = name
        self.description = description
        self.kind = kind
        self.inputs = inputs
        self.outputs = outputs
    }
}
