import Hummingbird
import Mustache

/// Renders pages from the Mustache templates inside the common layout.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() throws {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in PageTemplates.all {
            templates[name] = try MustacheTemplate(string: text)
        }
        library = MustacheLibrary(templates: templates)
    }

    /// A whole page: the named template's body inside the layout.
    func page(_ template: String, _ values: [String: Any], title: String, chrome: PageChrome, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let body = library.render(values, withTemplate: template) ?? ""
        var layout: [String: Any] = ["title": title, "body": body, "lang": chrome.language]
        if let appTitle = chrome.appTitle {
            layout["appTitle"] = appTitle
            layout["appURL"] = chrome.appURL
        }
        return .html(library.render(layout, withTemplate: "layout") ?? "", status: status, headers: headers)
    }

    /// A page with a heading, a sentence and an optional link.
    func message(_ heading: String, _ text: String, link: (url: String, label: String)? = nil, chrome: PageChrome, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        var values: [String: Any] = ["heading": heading, "text": text]
        if let link {
            values["link"] = link.url
            values["linkLabel"] = link.label
        }
        return page("message", values, title: heading, chrome: chrome, status: status, headers: headers)
    }
}

/// What the layout shows around a page: the language and the app it belongs to.
struct PageChrome {
    var language: String
    var appTitle: String?
    var appURL: String = "/"

    /// Chinese when the request prefers it, else English.
    static func language(for locales: [String]) -> String {
        locales.first { $0.lowercased().hasPrefix("zh") || $0.lowercased().hasPrefix("en") }?.lowercased().hasPrefix("zh") == true ? "zh" : "en"
    }
}
