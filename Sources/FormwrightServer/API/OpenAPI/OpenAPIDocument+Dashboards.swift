import FormwrightCore
import FormwrightDefinition

extension OpenAPIDocument {
    /// A dashboard's path: its tiles computed on the store's current data.
    func dashboardPath(_ dashboard: DashboardDefinition) -> (String, Value) {
        let name = dashboard.name.value
        let compute = OpenAPIOperation(
            operationID: "getDashboard\(names.dashboard(name))", summary: "Compute the dashboard '\(name)'",
            description: "Every tile's figure, chart or records, computed by the store on its current data.", tag: "dashboards",
            responses: [("200", OpenAPIOperation.json(JSONSchema.reference("DashboardResult"), "The dashboard."))],
            errors: OpenAPIErrorStatus.reading)
        return ("/dashboards/\(name)", JSONSchema.object([("get", compute.json)]))
    }
}
