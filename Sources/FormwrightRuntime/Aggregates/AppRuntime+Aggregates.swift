import FormwrightStorage

extension AppRuntime {
    /// A table's records grouped and measured by the store, in the app's time zone.
    ///
    /// ```swift
    /// let result = try await runtime.aggregate(table: "deals", groupBy: ["region", "week(closed_at)"], measures: ["count", "sum(amount)"])
    /// ```
    ///
    /// Filters are not taken yet: every record of the table counts.
    ///
    /// - Parameters:
    ///   - tableName: the table.
    ///   - groupBy: the grouping keys, such as `region` or `week(closed_at)`; empty for one group.
    ///   - measures: the measures, such as `count` or `sum(amount)`; empty for `count` alone.
    /// - Throws: `RuntimeError(.badRequest)` for a term that cannot be read or used (see
    ///   ``AggregateSpec``) and for more than ``AggregateQuery/maximumGroups`` groups;
    ///   `.notFound` for an unknown table.
    public func aggregate(table tableName: String, groupBy: [String], measures: [String]) async throws -> AggregateResult {
        let table = try self.table(tableName)
        let spec = try AggregateSpec(groups: groupBy, measures: measures, table: table)
        let timeZone = definition.timezone
        let query = spec.query(timeZone: timeZone)
        let rows = try await mapStorageErrors { try await storage.read(app: name) { try $0.aggregate(query) } }
        return AggregateResult(rows, spec: spec, timeZone: timeZone)
    }
}
