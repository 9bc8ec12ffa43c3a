/// The formats of `email`, `url` and `phone` fields: deliberately simple, documented checks that
/// catch typing mistakes without refusing real addresses.
enum FieldFormats {
    /// `local@domain.tld`: one `@`, no spaces, a dot in the domain, at most 254 characters.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, text.unicodeScalars.count <= 254, !parts[0].isEmpty,
            !text.contains(where: { $0.isWhitespace })
        else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }

    /// `http://` or `https://` followed by a host, no spaces, at most 2,048 characters.
    static func isWebAddress(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }), text.unicodeScalars.count <= 2048,
            !text.contains(where: { $0.isWhitespace })
        else { return false }
        let host = lowered.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty
    }

    /// Digits with optional `+`, spaces, `-`, `.`, `(` and `)`: 5 to 20 digits, at most 32 characters.
    static func isPhoneNumber(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 32 else { return false }
        var digits = 0
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                digits += 1
            } else if !" +-.()".unicodeScalars.contains(scalar) {
                return false
            }
        }
        return (5...20).contains(digits)
    }
}
