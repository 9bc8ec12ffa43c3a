/// Text for people: one string, or one string per locale (`en`, `zh`, `zh-Hant`, …).
public struct LocalizedText: Sendable, Hashable {
    /// The translations in the order written; a plain string is stored under the empty locale.
    public var translations: [(locale: String, text: String)]

    /// Text that is the same in every language.
    public init(_ text: String) {
        translations = [("", text)]
    }

    /// Text per locale, in the order written.
    public init(translations: [(locale: String, text: String)]) {
        self.translations = translations
    }

    /// The text for the first preferred locale that has one (`zh-CN` matches `zh`), else `en`, else the first.
    public func resolve(for preferred: [String] = []) -> String {
        for wanted in preferred {
            let wanted = wanted.lowercased()
            if let exact = translations.first(where: { $0.locale.lowercased() == wanted }) { return exact.text }
            let language = wanted.split(separator: "-").first.map(String.init) ?? wanted
            if let close = translations.first(where: { $0.locale.lowercased() == language }) { return close.text }
        }
        return translations.first { $0.locale == "en" }?.text ?? translations.first?.text ?? ""
    }

    public static func == (lhs: LocalizedText, rhs: LocalizedText) -> Bool {
        lhs.translations.elementsEqual(rhs.translations) { $0.locale == $1.locale && $0.text == $1.text }
    }

    public func hash(into hasher: inout Hasher) {
        for (locale, text) in translations {
            hasher.combine(locale)
            hasher.combine(text)
        }
    }
}
