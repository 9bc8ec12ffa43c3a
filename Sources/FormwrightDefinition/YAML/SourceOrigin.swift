public import FormwrightCore

/// Which file a located node of a merged app came from.
///
/// An app that extends a template is decoded from one tree holding nodes of two files. A node
/// read from the template has every offset raised by ``stride``, so any range taken from it
/// still says which file it stands in while lines and columns stay those of that file; the
/// loader lowers the offsets again and names the template's file in the diagnostics.
public enum SourceOrigin {
    /// The offset added to the positions of the template's nodes; far beyond any file's size.
    public static let stride = 1 << 40

    /// 0 for the app's own file, 1 for its template.
    public static func index(of range: SourceRange) -> Int {
        range.start.offset >= stride ? 1 : 0
    }

    /// The range as it stands in its own file.
    public static func local(_ range: SourceRange) -> SourceRange {
        let shift = index(of: range) * stride
        return SourceRange(start: moved(range.start, by: -shift), end: moved(range.end, by: -shift))
    }

    /// The node with every range moved into the template's offsets.
    static func template(_ node: YAMLNode) -> YAMLNode {
        var moved = node
        moved.range = shifted(node.range)
        switch node.content {
        case .scalar: break
        case .sequence(let items): moved.content = .sequence(items.map(template))
        case .mapping(let entries):
            moved.content = .mapping(
                entries.map { YAMLNode.Entry(key: $0.key, keyRange: shifted($0.keyRange), value: template($0.value)) })
        }
        return moved
    }

    static func shifted(_ range: SourceRange) -> SourceRange {
        SourceRange(start: moved(range.start, by: stride), end: moved(range.end, by: stride))
    }

    static func moved(_ location: SourceLocation, by shift: Int) -> SourceLocation {
        SourceLocation(line: location.line, column: location.column, offset: location.offset + shift)
    }
}
