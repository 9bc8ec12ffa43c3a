public import FormwrightCore

/// A checked app: what `app.yaml` describes, every value with its place in the file.
public struct AppDefinition: Sendable {
    /// The app's name (`app:`), naming its data and URLs.
    public var name: Located<String>
    /// The app's title.
    public var title: LocalizedText?
    /// What the app is for.
    public var description: LocalizedText?
    /// The IANA time zone for dates, periods and display.
    public var timezone: String
    /// The tables in the order written.
    public var tables: [TableDefinition]
    /// The forms in the order written.
    public var forms: [FormDefinition]
    /// The integrations in the order written.
    public var integrations: [IntegrationDefinition]
    /// The workflows in the order written.
    public var workflows: [WorkflowDefinition]
    /// The forecasts in the order written.
    public var forecasts: [ForecastDefinition]
    /// The dashboards in the order written.
    public var dashboards: [DashboardDefinition]
    /// The path of the app file.
    public var file: String
    /// A content hash of the app file: the definition revision records are written under.
    public var revision: String
    /// Every expression of the app, compiled; filled in when the app checks.
    public var expressions: AppExpressions
    /// Whether the app is a template (`template: true`): checked, but not served.
    public var isTemplate = false
    /// The template's parameters: of this app when it is a template, of its template when it extends one.
    public var parameters: [TemplateParameter] = []
    /// The parameters' values: the defaults for a template, `with:` (defaults filled in) for an app that extends one.
    public var arguments: [String: Value] = [:]
    /// The template's app file, when the app extends one (`extends:`).
    public var template: String?

    /// Creates an app definition.
    public init(
        name: Located<String>, title: LocalizedText?, description: LocalizedText?, timezone: String,
        tables: [TableDefinition], forms: [FormDefinition], integrations: [IntegrationDefinition] = [], workflows: [WorkflowDefinition] = [],
        forecasts: [ForecastDefinition] = [], dashboards: [DashboardDefinition] = [],
        file: String, revision: String, expressions: AppExpressions = AppExpressions()
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.timezone = timezone
        self.tables = tables
        self.forms = forms
        self.integrations = integrations
        self.workflows = workflows
        self.forecasts = forecasts
        self.dashboards = dashboards
        self.file = file
        self.revision = revision
        self.expressions = expressions
    }

    /// The table with a name.
    public func table(named name: String) -> TableDefinition? {
        tables.first { $0.name.value == name }
    }

    /// The form with a name.
    public func form(named name: String) -> FormDefinition? {
        forms.first { $0.name.value == name }
    }

    /// The integration with a name.
    public func integration(named name: String) -> IntegrationDefinition? {
        integrations.first { $0.name.value == name }
    }

    /// The workflow with a name.
    public func workflow(named name: String) -> WorkflowDefinition? {
        workflows.first { $0.name.value == name }
    }

    /// The forecast with a name.
    public func forecast(named name: String) -> ForecastDefinition? {
        forecasts.first { $0.name.value == name }
    }
}
