public import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

extension AppRuntime {
    /// Computes a dashboard on the store's current data: every figure and chart an aggregate the
    /// store computes itself, every record list a query, all in one read transaction so the tiles agree.
    ///
    /// ```swift
    /// let pipeline = try await runtime.dashboard("pipeline")
    /// print(JSONWriter.write(pipeline.json))
    /// ```
    ///
    /// - Parameters:
    ///   - name: the dashboard's name in the app.
    ///   - locales: the preferred languages for titles, best first.
    ///   - now: the moment windows end with the period of.
    ///   - user: the caller, as `user` in the filters.
    /// - Throws: `RuntimeError(.notFound)` for an unknown dashboard; `.badRequest` for a filter the
    ///   store cannot evaluate whole, or a sum that does not fit 64 bits; the store's errors.
    public func dashboard(
        _ name: String, locales: [String] = [], now: Timestamp = .now, user: Value = .map(ValueMap())
    ) async throws -> DashboardResult {
        guard let dashboard = definition.dashboard(named: name) else {
            let hint = NameSuggester.hint(for: name, among: definition.dashboards.map(\.name.value))
            throw RuntimeError(.notFound, "app '\(self.name)' has no dashboard '\(name)'\(hint)")
        }
        let reader = try DashboardReader(
            app: definition, dashboard: dashboard, locales: locales, context: EvaluationContext(now: now, user: user), values: pipeline.values)
        let tiles = try await mapStorageErrors { try await storage.read(app: self.name) { try reader.read($0) } }
        return DashboardResult(
            name: name, title: dashboard.title?.resolve(for: locales) ?? name, description: dashboard.description?.resolve(for: locales),
            timeZone: definition.timezone, computedAt: now, tiles: tiles)
    }
}
