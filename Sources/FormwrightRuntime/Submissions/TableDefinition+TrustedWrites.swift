import FormwrightDefinition

extension TableDefinition {
    /// The table as a trusted writer sees it — a workflow step or an import, which write data
    /// rather than a person's edit: its `readonly` fields may be set. Computed fields stay
    /// refused, since they are recomputed on every write.
    var allowingReadOnlyWrites: TableDefinition {
        var writable = self
        writable.fields = fields.map { field in
            var copy = field
            copy.isReadOnly = false
            return copy
        }
        return writable
    }
}
