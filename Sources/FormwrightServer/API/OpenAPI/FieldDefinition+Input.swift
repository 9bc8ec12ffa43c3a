import FormwrightDefinition

extension FieldDefinition {
    /// Whether input may set the field: it is neither computed nor read-only.
    var isWritable: Bool { compute == nil && !isReadOnly }
}
