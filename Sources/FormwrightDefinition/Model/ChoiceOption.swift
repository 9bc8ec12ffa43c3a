public import FormwrightCore

/// One option of a `choice` or `multichoice` field: the stored value and how people see it.
public struct ChoiceOption: Sendable, Hashable {
    /// The value stored and used in expressions.
    public var value: String
    /// What people see; the value itself when absent.
    public var label: LocalizedText?
    /// Where the option was written.
    public var range: SourceRange

    /// Creates an option.
    public init(value: String, label: LocalizedText?, range: SourceRange) {
        self.value = value
        self.label = label
        self.range = range
    }
}
