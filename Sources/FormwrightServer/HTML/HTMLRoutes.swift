import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Hummingbird
import NIOCore

/// The HTML pages: sign-in, app home, forms (working without JavaScript), record lists, records, forecasts and dashboards.
struct HTMLRoutes {
    let apps: AppRegistry
    let access: AccessControl
    let reading: RequestReading
    let renderer: PageRenderer

    func register(on router: Router<FormwrightRequestContext>) {
        router.get("/") { request, context in home(request, context) }
        router.get("/apps") { request, context in home(request, context) }
        router.get("/login") { request, context in login(request, context) }
        router.get("/assets/live-form.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=300"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: LiveFormScript.source)))
        }
        router.get("/apps/:app") { request, context in try appHome(request, context) }
        router.get("/apps/:app/forms/:form") { request, context in try await formPage(request, context) }
        router.post("/apps/:app/forms/:form") { request, context in try await submitForm(request, context) }
        router.get("/apps/:app/forms/:form/done") { request, context in try done(request, context) }
        router.get("/apps/:app/tables/:table") { request, context in try await recordList(request, context) }
        router.get("/apps/:app/tables/:table/records/:id") { request, context in try await recordPage(request, context) }
        router.post("/apps/:app/workflows/executions/:id/retry") { request, context in try await retryRun(request, context) }
        router.get("/apps/:app/forecasts/:name") { request, context in try await forecastPage(request, context) }
        router.get("/apps/:app/dashboards/:name") { request, context in try await dashboardPage(request, context) }
    }

    // MARK: Sign-in and home

    private func home(_ request: Request, _ context: FormwrightRequestContext) -> Response {
        let locales = AcceptLanguage.preferences(request)
        let chrome = PageChrome(language: PageChrome.language(for: locales))
        let words = PageWords(language: chrome.language)
        guard context.identity.isSignedIn else { return signInPage(chrome) }
        let items = apps.all.map { ["url": "/apps/\(FormEncoding.escape($0.name))/", "title": $0.definition.title?.resolve(for: locales) ?? $0.name] }
        return renderer.page("home", ["heading": words.apps, "apps": items, "empty": words.noApps], title: words.apps, chrome: chrome)
    }

    private func login(_ request: Request, _ context: FormwrightRequestContext) -> Response {
        let chrome = PageChrome(language: PageChrome.language(for: AcceptLanguage.preferences(request)))
        let words = PageWords(language: chrome.language)
        guard let token = request.query["token"], let session = access.signIn(with: token) else {
            return renderer.message(words.signInHeading, words.badLink, chrome: chrome, status: .unauthorized)
        }
        return .seeOther("/", headers: [.setCookie: SessionCookie.set(session, maxAge: Int(access.sessionLifetime))])
    }

    func signInPage(_ chrome: PageChrome) -> Response {
        let words = PageWords(language: chrome.language)
        return renderer.message(words.signInHeading, words.signInText, chrome: chrome, status: .unauthorized)
    }

    private func appHome(_ request: Request, _ context: FormwrightRequestContext) throws -> Response {
        let (runtime, locales, chrome) = try appPage(request, context)
        guard context.identity.isSignedIn else { return signInPage(chrome) }
        let words = PageWords(language: chrome.language)
        let base = "/apps/\(FormEncoding.escape(runtime.name))"
        let definition = runtime.definition
        var values: [String: Any] = [
            "title": chrome.appTitle ?? runtime.name, "formsHeading": words.forms, "tablesHeading": words.tables,
            "forms": definition.forms.map { ["url": "\(base)/forms/\($0.name.value)", "title": $0.title?.resolve(for: locales) ?? $0.name.value] },
            "tables": definition.tables.map { ["url": "\(base)/tables/\($0.name.value)", "title": $0.label?.resolve(for: locales) ?? $0.name.value] },
        ]
        if let description = definition.description?.resolve(for: locales) { values["description"] = description }
        if !definition.forecasts.isEmpty {
            values["forecastsHeading"] = words.forecasts
            values["forecasts"] = definition.forecasts.map {
                ["url": "\(base)/forecasts/\($0.name.value)", "title": $0.title?.resolve(for: locales) ?? $0.name.value]
            }
        }
        if !definition.dashboards.isEmpty {
            values["dashboardsHeading"] = words.dashboards
            values["dashboards"] = definition.dashboards.map {
                ["url": "\(base)/dashboards/\($0.name.value)", "title": $0.title?.resolve(for: locales) ?? $0.name.value]
            }
        }
        return renderer.page("app", values, title: chrome.appTitle ?? runtime.name, chrome: chrome)
    }

    // MARK: Forms

    private func formPage(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, form, table, chrome) = try formContext(request, context)
        guard form.isPublic || context.identity.isSignedIn else { return signInPage(chrome) }
        let (csrf, cookie) = csrfToken(request, context)
        let view = try await formView(runtime, form, table, request)
        let values = view.values(action: formURL(runtime, form), csrf: csrf, input: [:], errors: [])
        return renderer.page("form", values, title: values["title"] as? String ?? form.name.value, chrome: chrome, headers: cookie)
    }

    private func submitForm(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, form, table, chrome) = try formContext(request, context)
        let words = PageWords(language: chrome.language)
        guard form.isPublic || context.identity.isSignedIn else { return signInPage(chrome) }
        let posted = try await reading.formFields(request, context: context)
        guard let sent = posted["_csrf"]?.last, isValidCSRF(sent, request, context) else {
            return renderer.message(words.forbidden, words.staleForm, link: (formURL(runtime, form), form.title?.resolve() ?? form.name.value), chrome: chrome, status: .forbidden)
        }
        var values: [String: Value] = [:]
        for (name, texts) in posted where name != "_csrf" {
            let isMultiple = table.field(named: name)?.type == .multichoice
            values[name] = isMultiple ? .list(texts.map(Value.string)) : .string(texts.last ?? "")
        }
        do {
            let record = try await runtimeErrors {
                try await runtime.submit(form: form.name.value, input: SubmissionInput(values: values, format: .form), user: context.identity.expressionValue)
            }
            let next = "\(formURL(runtime, form))/done" + (context.identity.isSignedIn ? "?table=\(FormEncoding.escape(table.name.value))&id=\(FormEncoding.escape(record.id))" : "")
            return .seeOther(next)
        } catch let rejected as SubmissionRejected {
            let (csrf, cookie) = csrfToken(request, context)
            let view = try await formView(runtime, form, table, request)
            let page = view.values(action: formURL(runtime, form), csrf: csrf, input: posted, errors: rejected.errors)
            return renderer.page("form", page, title: page["title"] as? String ?? form.name.value, chrome: chrome, status: .unprocessableContent, headers: cookie)
        }
    }

    private func done(_ request: Request, _ context: FormwrightRequestContext) throws -> Response {
        let (runtime, form, _, chrome) = try formContext(request, context)
        let words = PageWords(language: chrome.language)
        let query = request.query
        if context.identity.isSignedIn, let table = query["table"], let id = query["id"] {
            let url = "/apps/\(FormEncoding.escape(runtime.name))/tables/\(FormEncoding.escape(table))/records/\(FormEncoding.escape(id))"
            return renderer.message(words.thanks, words.saved, link: (url, words.viewRecord), chrome: chrome, status: .ok)
        }
        return renderer.message(words.thanks, words.saved, link: (formURL(runtime, form), words.submitAnother), chrome: chrome, status: .ok)
    }

    // MARK: Records

    private func recordList(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, locales, chrome) = try appPage(request, context)
        guard context.identity.isSignedIn else { return signInPage(chrome) }
        let table = try tableNamed(runtime, context)
        let words = PageWords(language: chrome.language)
        let after = request.query["after"]
        let page = try await runtimeErrors { try await runtime.records(table: table.name.value, limit: 50, after: after) }
        let presenter = RecordPresenter(table: table)
        let base = "/apps/\(FormEncoding.escape(runtime.name))/tables/\(table.name.value)"
        let rows = page.records.map { record -> [String: Any] in
            var cells: [[String: Any]] = [["text": record.createdAt.rfc3339, "url": "\(base)/records/\(FormEncoding.escape(record.id))"]]
            for field in table.fields { cells.append(["text": presenter.text(record.fields[field.name.value] ?? .null, of: field)]) }
            return ["cells": cells]
        }
        var values: [String: Any] = [
            "title": table.label?.resolve(for: locales) ?? table.name.value,
            "columns": ["created_at"] + table.fields.map { $0.displayLabel(for: locales) },
            "rows": rows, "empty": words.noRecords, "nextLabel": words.more,
        ]
        if let next = page.next { values["next"] = "\(base)?after=\(FormEncoding.escape(next))" }
        return renderer.page("records", values, title: values["title"] as? String ?? table.name.value, chrome: chrome)
    }

    private func recordPage(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, locales, chrome) = try appPage(request, context)
        guard context.identity.isSignedIn else { return signInPage(chrome) }
        let table = try tableNamed(runtime, context)
        let id = try context.parameters.require("id")
        guard let record = try await runtimeErrors({ try await runtime.record(table: table.name.value, id: id) }) else {
            throw ServerError.notFound("no record '\(id)' in table '\(table.name.value)'")
        }
        let presenter = RecordPresenter(table: table)
        var fields: [[String: Any]] = [["label": "id", "text": record.id]]
        for field in table.fields {
            var row: [String: Any] = ["label": field.displayLabel(for: locales), "text": presenter.text(record.fields[field.name.value] ?? .null, of: field)]
            if field.type == .link, let target = field.linkedTable?.value, case .string(let linked)? = record.fields[field.name.value] {
                row["url"] = "/apps/\(FormEncoding.escape(runtime.name))/tables/\(target)/records/\(FormEncoding.escape(linked))"
            }
            fields.append(row)
        }
        fields.append(["label": "version", "text": String(record.version)])
        fields.append(["label": "created_at", "text": record.createdAt.rfc3339])
        fields.append(["label": "updated_at", "text": record.updatedAt.rfc3339])
        let title = (table.label?.resolve(for: locales) ?? table.name.value) + " · " + record.id
        var values: [String: Any] = ["title": title, "fields": fields]
        let (csrf, cookie) = csrfToken(request, context)
        try await values.merge(workflowRuns(runtime, table: table, recordID: record.id, csrf: csrf, words: PageWords(language: chrome.language))) { _, new in new }
        return renderer.page("record", values, title: title, chrome: chrome, headers: cookie)
    }

    // MARK: Helpers

    func appPage(_ request: Request, _ context: FormwrightRequestContext) throws -> (AppRuntime, [String], PageChrome) {
        let name = try context.parameters.require("app")
        guard let runtime = apps.app(name) else { throw ServerError.notFound("no app '\(name)'") }
        let locales = AcceptLanguage.preferences(request)
        let chrome = PageChrome(
            language: PageChrome.language(for: locales), appTitle: runtime.definition.title?.resolve(for: locales) ?? runtime.name,
            appURL: "/apps/\(FormEncoding.escape(runtime.name))/")
        return (runtime, locales, chrome)
    }

    private func formContext(_ request: Request, _ context: FormwrightRequestContext) throws -> (AppRuntime, FormDefinition, TableDefinition, PageChrome) {
        let (runtime, _, chrome) = try appPage(request, context)
        let name = try context.parameters.require("form")
        guard let form = runtime.definition.form(named: name), let table = runtime.definition.table(named: form.table.value) else {
            throw ServerError.notFound("no form '\(name)' in app '\(runtime.name)'")
        }
        return (runtime, form, table, chrome)
    }

    private func tableNamed(_ runtime: AppRuntime, _ context: FormwrightRequestContext) throws -> TableDefinition {
        let name = try context.parameters.require("table")
        guard let table = runtime.definition.table(named: name) else { throw ServerError.notFound("no table '\(name)' in app '\(runtime.name)'") }
        return table
    }

    private func formURL(_ runtime: AppRuntime, _ form: FormDefinition) -> String {
        "/apps/\(FormEncoding.escape(runtime.name))/forms/\(form.name.value)"
    }

    private func formView(_ runtime: AppRuntime, _ form: FormDefinition, _ table: TableDefinition, _ request: Request) async throws -> FormView {
        var choices: [String: [(id: String, label: String)]] = [:]
        for entry in form.fields {
            guard let field = table.field(named: entry.name.value), field.type == .link, let targetName = field.linkedTable?.value,
                let target = runtime.definition.table(named: targetName)
            else { continue }
            let page = try await runtimeErrors { try await runtime.records(table: targetName, limit: 200, after: nil) }
            let labelField = target.fields.first { $0.type == .text } ?? target.fields.first
            let presenter = RecordPresenter(table: target)
            choices[field.name.value] = page.records.map { record in
                let label = labelField.map { presenter.text(record.fields[$0.name.value] ?? .null, of: $0) } ?? ""
                return (record.id, label.isEmpty ? record.id : label)
            }
        }
        let evaluateURL = "/api/v1/apps/\(FormEncoding.escape(runtime.name))/forms/\(form.name.value)/evaluate"
        return FormView(form: form, table: table, locales: AcceptLanguage.preferences(request), linkChoices: choices, evaluateURL: evaluateURL)
    }

    /// The CSRF token for a page: the session's, or for an anonymous visitor a double-submit cookie (set when missing).
    func csrfToken(_ request: Request, _ context: FormwrightRequestContext) -> (String, HTTPFields) {
        if case .admin(let sessionID?) = context.identity, let session = access.session(sessionID) { return (session.csrfToken, [:]) }
        if let existing = request.cookies[SessionCookie.anonymousCSRFName]?.value, existing.count >= 32 { return (existing, [:]) }
        let token = AccessControl.randomToken()
        return (token, [.setCookie: "\(SessionCookie.anonymousCSRFName)=\(token); Path=/; HttpOnly; SameSite=Strict"])
    }

    func isValidCSRF(_ sent: String, _ request: Request, _ context: FormwrightRequestContext) -> Bool {
        switch context.identity {
        case .admin(let sessionID?):
            guard let session = access.session(sessionID) else { return false }
            return AccessControl.constantTimeEqual(sent, session.csrfToken)
        case .admin(nil):
            return true
        case .anonymous:
            guard let cookie = request.cookies[SessionCookie.anonymousCSRFName]?.value, cookie.count >= 32 else { return false }
            return AccessControl.constantTimeEqual(sent, cookie)
        }
    }
}
