public import FormwrightCore
import FormwrightStorage

extension AppRuntime {
    /// A table's records grouped and measured by the store, in the app's time zone.
    ///
    /// ```swift
    /// let result = try await runtime.aggregate(table: "deals", groupBy: ["region", "week(closed_at)"], measures: ["count", "sum(amount)"])
    /// ```
    ///
    /// A `filter` chooses the records that count. It is the records API's CEL condition, but here
    /// the store must evaluate all of it, since it groups the records itself: a filter the store
    /// cannot evaluate exactly (see `FilterTranslator`) is a bad request saying so.
    ///
    /// - Parameters:
    ///   - tableName: the table.
    ///   - groupBy: the grouping keys, such as `region` or `week(closed_at)`; empty for one group.
    ///   - measures: the measures, such as `count` or `sum(amount)`; empty for `count` alone.
    ///   - filter: a CEL condition such as `channel == 'email'`; nil or empty for every record.
    ///   - user: the caller, as `user` in the filter.
    /// - Throws: `RuntimeError(.badRequest)` for a term that cannot be read or used (see
    ///   ``AggregateSpec``) and for more than ``AggregateQuery/maximumGroups`` groups;
    ///   `.notFound` for an unknown table.
    public func aggregate(
        table tableName: String, groupBy: [String], measures: [String], filter: String? = nil, user: Value = .map(ValueMap())
    ) async throws -> AggregateResult {
        let table = try self.table(tableName)
        let spec = try AggregateSpec(groups: groupBy, measures: measures, table: table)
        let timeZone = definition.timezone
        var query = spec.query(timeZone: timeZone)
        if let filter, !filter.allSatisfy(\.isWhitespace) {
            let program = try Self.compileFilter(filter, table: table)
            let translation = FilterTranslator(
                table: table, program: program, values: pipeline.values, context: EvaluationContext(now: .now, user: user)
            ).translate()
            guard translation.isComplete else {
                throw RuntimeError(
                    .badRequest,
                    "filter: the store groups the records itself, so an aggregate filter may only compare fields with values "
                        + "(==, !=, <, <=, >, >=, in, startsWith, contains, joined by &&, || and !); this one needs more")
            }
            query.condition = translation.condition
        }
        let rows = try await mapStorageErrors { try await storage.read(app: name) { [query] in try $0.aggregate(query) } }
        return AggregateResult(rows, spec: spec, timeZone: timeZone)
    }
}
