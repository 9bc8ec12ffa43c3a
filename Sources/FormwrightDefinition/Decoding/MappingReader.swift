import FormwrightCore

/// One mapping being read: hands out values by key and reports unknown and missing keys once.
struct MappingReader {
    /// The mapping's entries.
    let entries: [YAMLNode.Entry]
    /// Where the mapping stands, for missing-key errors.
    let range: SourceRange
    /// What the mapping is, for messages: `field 'name'`.
    let subject: String

    /// Reads `node` as a mapping, checking its keys against `allowed` and `required`.
    init?(_ node: YAMLNode, subject: String, key: String, allowed: [String], required: [String] = [], context: inout DecodingContext) {
        guard let entries = context.mapping(node, key: key) else { return nil }
        self.entries = entries
        self.range = node.range
        self.subject = subject
        for entry in entries where !allowed.contains(entry.key) {
            let hint = NameSuggester.hint(for: entry.key, among: allowed)
            context.error(.unknownKey, "unknown key '\(entry.key)' in \(subject)\(hint)", at: entry.keyRange)
        }
        for name in required where !entries.contains(where: { $0.key == name }) {
            context.error(.missingKey, "\(subject) is missing the key '\(name)'", at: SourceRange(at: node.range.start))
        }
    }

    /// The value of a key, if present.
    subscript(key: String) -> YAMLNode? {
        entries.first { $0.key == key }?.value
    }

    /// The entry of a key, if present.
    func entry(_ key: String) -> YAMLNode.Entry? {
        entries.first { $0.key == key }
    }
}
