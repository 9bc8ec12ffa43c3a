import FormwrightCore

/// Merges a template's root node with an app's overlay into the one tree the app is decoded
/// from, reporting each conflict at its place in the overlay. See docs/templates.md.
///
/// - Two mappings merge by key: the template's entries in their order, each overridden by the
///   overlay's entry of the same key (merged again when both are mappings), then the overlay's
///   new entries in its order.
/// - Anything else — text, a list, a mapping meeting text — is replaced by the overlay's value.
///   `key+: [...]` appends the list to the template's list under `key` instead.
/// - A new entry in a map of named things (tables, fields, forms, integrations, workflows,
///   forecasts, drivers) must be complete — a field has `type`, a table `fields`, … — else it is
///   taken as an override of something the template does not have and reported with a suggestion.
/// - A field's `type` may only widen (text → longtext, integer → number).
/// - `app:` and `timezone:` come from the overlay only; the template's `template:` and
///   `parameters:` and the overlay's `extends:` and `with:` are not part of the merged tree.
struct TemplateMerger {
    /// Keys of the overlay's root that are read for the merge itself, not merged.
    static let overlayOnlyKeys = ["formwright", "app", "timezone", "extends", "with"]
    /// Keys of the template's root left out of the merged tree.
    static let templateOnlyKeys = ["formwright", "app", "timezone", "template", "parameters", "extends", "with"]
    /// Widenings of a field's type an overlay may make.
    static let widenings: Set<String> = ["text>longtext", "integer>number"]

    var context: DecodingContext

    /// The merged root: the overlay's identity keys, then the template merged with the overlay.
    ///
    /// - Parameters:
    ///   - template: the template's root, its ranges already moved by `SourceOrigin.template`.
    ///   - overlay: the app's own root.
    mutating func merge(template: YAMLNode, overlay: YAMLNode) -> YAMLNode {
        let overlayEntries = overlay.entries ?? []
        let identity = overlayEntries.filter { ["formwright", "app", "timezone"].contains($0.key) }
        let baseEntries = (template.entries ?? []).filter { !Self.templateOnlyKeys.contains($0.key) }
        let additions = overlayEntries.filter { !Self.overlayOnlyKeys.contains($0.key) }
        let merged = mergeEntries(baseEntries, additions, path: [])
        return YAMLNode(.mapping(identity + merged), range: overlay.range)
    }

    private mutating func merge(_ base: YAMLNode, _ overlay: YAMLNode, path: [String]) -> YAMLNode {
        guard let baseEntries = base.entries, var overlayEntries = overlay.entries else { return overlay }
        if path.count == 4, path[0] == "tables", path[2] == "fields", !checkFieldType(base, overlay, path: path) {
            // The template's type stays, so the template's own uses of the field report nothing more.
            overlayEntries.removeAll { $0.key == "type" }
        }
        return YAMLNode(.mapping(mergeEntries(baseEntries, overlayEntries, path: path)), range: base.range)
    }

    private mutating func mergeEntries(_ base: [YAMLNode.Entry], _ overlay: [YAMLNode.Entry], path: [String]) -> [YAMLNode.Entry] {
        var result = base
        for entry in overlay {
            if entry.key.hasSuffix("+"), entry.key.count > 1 {
                append(entry, to: &result, path: path)
                continue
            }
            if let index = result.firstIndex(where: { $0.key == entry.key }) {
                result[index].value = merge(result[index].value, entry.value, path: path + [entry.key])
                continue
            }
            if let marker = Self.completeEntryMarker(path), entry.value.entries?.contains(where: { $0.key == marker }) != true {
                let kind = Self.kind(of: path)
                context.error(
                    .unknownOverride,
                    "\(kind) '\(entry.key)' is not in the template, so there is nothing to override (a new \(kind) needs '\(marker)')"
                        + NameSuggester.hint(for: entry.key, among: base.map(\.key)),
                    at: entry.keyRange)
                continue
            }
            result.append(entry)
        }
        return result
    }

    /// `key+: [...]`: the template's list under `key` with the overlay's items after it.
    private mutating func append(_ entry: YAMLNode.Entry, to result: inout [YAMLNode.Entry], path: [String]) {
        let key = String(entry.key.dropLast())
        guard let index = result.firstIndex(where: { $0.key == key }), let baseItems = result[index].value.items else {
            context.error(
                .badAppend,
                "'\(entry.key)' appends to the template's list '\(key)', but the template has no list there"
                    + NameSuggester.hint(for: key, among: result.filter { $0.value.items != nil }.map(\.key)),
                at: entry.keyRange)
            return
        }
        guard let items = entry.value.items else {
            context.wrongType("a list to append", for: entry.key, found: entry.value)
            return
        }
        result[index].value = YAMLNode(.sequence(baseItems + items), range: result[index].value.range)
    }

    /// Whether an override of a field's `type`, if any, widens it; reports it when not.
    private mutating func checkFieldType(_ base: YAMLNode, _ overlay: YAMLNode, path: [String]) -> Bool {
        guard let from = base["type"]?.scalar, let typeNode = overlay["type"], let to = typeNode.scalar, from != to,
            !Self.widenings.contains("\(from)>\(to)")
        else { return true }
        let field = path.count > 3 ? path[3] : "?"
        context.error(
            .incompatibleOverride,
            "field '\(field)' of table '\(path[1])' is '\(from)' in the template and cannot become '\(to)'; "
                + "an app may only widen a field's type (text to longtext, integer to number) or add a field of its own",
            at: typeNode.range)
        return false
    }

    /// The key a new entry of the map at `path` must have to count as complete.
    static func completeEntryMarker(_ path: [String]) -> String? {
        switch path.count {
        case 1: ["tables": "fields", "forms": "table", "integrations": "kind", "workflows": "on", "forecasts": "target"][path[0]]
        case 3 where path[0] == "tables" && path[2] == "fields": "type"
        case 3 where path[0] == "forecasts" && path[2] == "drivers": "table"
        default: nil
        }
    }

    static func kind(of path: [String]) -> String {
        switch path.count {
        case 1:
            ["tables": "table", "forms": "form", "integrations": "integration", "workflows": "workflow", "forecasts": "forecast"][path[0]] ?? "entry"
        case 3 where path[2] == "fields": "field"
        case 3 where path[2] == "drivers": "driver"
        default: "entry"
        }
    }
}
