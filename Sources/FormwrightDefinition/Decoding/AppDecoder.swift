import FormwrightCore
import Foundation

/// Turns the root node of an app file into an `AppDefinition`, reporting every mistake it meets.
///
/// Decoding checks each node's shape and each value's type; `AppChecker` then checks what the
/// parts say about each other (links, form fields, defaults against constraints). Integrations
/// and workflows are decoded after the tables, so their references to tables, fields and
/// integrations are checked as they are read; forecasts' and dashboards' references are checked by `AppChecker`.
struct AppDecoder {
    static let topLevelKeys = [
        "formwright", "app", "title", "description", "timezone", "tables", "forms",
        "integrations", "workflows", "forecasts", "dashboards", "access",
        "template", "parameters", "extends", "with",
    ]
    /// Sections the language reserves for later versions: read, kept out of the way, and warned about.
    static let laterSections = ["access"]

    var context: DecodingContext
    let file: String

    init(file: String) {
        self.file = file
        context = DecodingContext(file: file)
    }

    mutating func decode(_ root: YAMLNode, revision: String) -> AppDefinition? {
        guard let app = MappingReader(
            root, subject: "the app", key: "the file", allowed: Self.topLevelKeys, required: ["formwright", "app"], context: &context)
        else { return nil }
        if let version = app["formwright"] {
            if case .scalar("1", .plain) = version.content {} else {
                context.error(.unsupportedVersion, "'formwright' must be 1, the language version this tool reads", at: version.range)
            }
        }
        var name: Located<String>?
        if let node = app["app"], let text = context.text(node, key: "app") {
            if NameRules.isValidAppName(text.value) {
                name = text
            } else {
                context.error(
                    .invalidAppName,
                    "app name '\(text.value)' may hold only lower-case letters, digits and '-', starting with a letter (at most 63)",
                    at: text.range)
            }
        }
        let title = app["title"].flatMap { context.localized($0, key: "title") }
        let description = app["description"].flatMap { context.localized($0, key: "description") }
        var timezone = "UTC"
        if let node = app["timezone"], let zone = context.text(node, key: "timezone") {
            if TimeZone(identifier: zone.value) != nil {
                timezone = zone.value
            } else {
                let hint = NameSuggester.hint(for: zone.value, among: TimeZone.knownTimeZoneIdentifiers)
                context.error(.invalidTimezone, "unknown time zone '\(zone.value)'; use an IANA name such as 'Asia/Shanghai'\(hint)", at: zone.range)
            }
        }
        for section in Self.laterSections {
            if let entry = app.entry(section) {
                context.warning(
                    .notYetEnforced, "section '\(section)' is not yet enforced; it is read but has no effect in this version",
                    at: entry.keyRange)
            }
        }
        var isTemplate = false
        if let node = app["template"], let flag = context.bool(node, key: "template") { isTemplate = flag }
        var parameters: [TemplateParameter] = []
        if let entry = app.entry("parameters") {
            var reader = ParameterDecoder(context: context)
            parameters = reader.parameters(entry.value)
            context = reader.context
            if !isTemplate {
                context.error(.notApplicable, "'parameters' belongs to a template; add 'template: true' or remove it", at: entry.keyRange)
            }
        }
        if let entry = app.entry("with") {
            context.error(
                .notApplicable, "'with' gives values to a template's parameters; it needs 'extends:' naming the template", at: entry.keyRange)
        }
        let tables = app["tables"].map { decodeTables($0) } ?? []
        let forms = app["forms"].map { decodeForms($0, tables: tables) } ?? []
        let integrations = app["integrations"].map { decodeIntegrations($0) } ?? []
        let workflows = app["workflows"].map { decodeWorkflows($0, tables: tables, integrations: integrations) } ?? []
        let forecasts = app["forecasts"].map { decodeForecasts($0, tables: tables) } ?? []
        let dashboards = app["dashboards"].map { decodeDashboards($0) } ?? []
        guard let name else { return nil }
        var definition = AppDefinition(
            name: name, title: title, description: description, timezone: timezone, tables: tables, forms: forms,
            integrations: integrations, workflows: workflows, forecasts: forecasts, dashboards: dashboards, file: file, revision: revision)
        definition.isTemplate = isTemplate
        definition.parameters = parameters
        for parameter in parameters {
            definition.arguments[parameter.name.value] = parameter.defaultValue ?? parameter.placeholder
        }
        return definition
    }

    /// Reads a name used as a mapping key (a table, field or form name) and reports a bad one.
    mutating func checkName(_ entry: YAMLNode.Entry, kind: String, reservedApplies: Bool = true) -> Bool {
        if let problem = NameRules.problem(with: entry.key) {
            context.error(
                .invalidName, "\(kind) name '\(entry.key)' \(problem); try '\(NameRules.suggestion(for: entry.key))'", at: entry.keyRange)
            return false
        }
        if reservedApplies, NameRules.reserved.contains(entry.key) {
            context.error(
                .reservedName, "'\(entry.key)' cannot be a \(kind) name: expressions and records already use it; try '\(entry.key)_name'",
                at: entry.keyRange)
            return false
        }
        return true
    }
}
