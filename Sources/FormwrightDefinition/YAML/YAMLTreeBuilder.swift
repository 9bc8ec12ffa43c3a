import CYAML
import FormwrightCore

/// Turns libyaml events into a `YAMLNode` tree with an explicit stack, collecting refusals.
struct YAMLTreeBuilder {
    private enum PendingKey {
        case none
        case key(String, SourceRange)
        case discard
    }

    /// A mapping under construction; a class so appending never copies the entries.
    private final class MappingFrame {
        let start: SourceLocation
        var entries: [YAMLNode.Entry] = []
        var pending = PendingKey.none
        var seen: [String: SourceRange] = [:]

        init(start: SourceLocation) { self.start = start }
    }

    /// A sequence under construction.
    private final class SequenceFrame {
        let start: SourceLocation
        var items: [YAMLNode] = []

        init(start: SourceLocation) { self.start = start }
    }

    private enum Frame {
        case mapping(MappingFrame)
        case sequence(SequenceFrame)
        /// A subtree being skipped (a complex key); counts nested starts still open.
        case skip(depth: Int)
    }

    let file: SourceFile
    let limits: YAMLReaderLimits
    private(set) var diagnostics: DiagnosticCollector
    private(set) var root: YAMLNode?
    private(set) var isFinished = false
    private var stack: [Frame] = []
    private var nodeCount = 0
    private var documentCount = 0

    init(file: SourceFile, limits: YAMLReaderLimits) {
        self.file = file
        self.limits = limits
        self.diagnostics = DiagnosticCollector(file: file.path)
    }

    // MARK: Events

    mutating func handle(_ event: yaml_event_t) {
        let start = location(event.start_mark)
        let range = SourceRange(start: start, end: location(event.end_mark))
        if case .skip(let depth) = stack.last {
            skip(event, depth: depth)
            return
        }
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if documentCount > 1 {
                refuse("yaml.multipleDocuments", "an app file holds one document; a second one starts here", at: range)
                isFinished = true
            }
        case YAML_ALIAS_EVENT:
            refuse("yaml.alias", "aliases ('*name') are not allowed in an app file; write the value out", at: range)
            complete(YAMLNode(.scalar("", .plain), range: range), isKeyCandidate: false)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            checkAnchorAndTag(anchor: scalar.anchor, tag: scalar.tag, at: range)
            let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            guard countNode(at: range) else { return }
            complete(YAMLNode(.scalar(text, style(scalar.style)), range: range), isKeyCandidate: true)
        case YAML_MAPPING_START_EVENT:
            checkAnchorAndTag(anchor: event.data.mapping_start.anchor, tag: event.data.mapping_start.tag, at: range)
            open(.mapping(MappingFrame(start: start)), at: range)
        case YAML_SEQUENCE_START_EVENT:
            checkAnchorAndTag(anchor: event.data.sequence_start.anchor, tag: event.data.sequence_start.tag, at: range)
            open(.sequence(SequenceFrame(start: start)), at: range)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            close(at: range.end)
        default:
            break
        }
    }

    mutating func syntaxError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "the file is not valid YAML"
        let at = parser.error == YAML_READER_ERROR ? location(byteOffset: Int(parser.problem_offset)) : location(parser.problem_mark)
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) \(context)"
        }
        if problem.contains("unknown escape") {
            message += "; inside double quotes '\\' starts an escape, so write patterns such as '\\d' in single quotes"
        }
        if at.offset < file.scalars.count, file.scalars[at.offset] == "\t" {
            message += "; tabs cannot indent YAML, use spaces"
        }
        refuse("yaml.syntax", message, at: SourceRange(at: at))
        isFinished = true
    }

    mutating func refuse(_ id: String, _ message: String, at range: SourceRange) {
        diagnostics.error(id, message, at: range)
        if diagnostics.diagnostics.count >= limits.maximumDiagnostics { isFinished = true }
    }

    // MARK: Tree building

    private mutating func open(_ frame: Frame, at range: SourceRange) {
        if case .mapping(let parent) = stack.last, case .none = parent.pending {
            refuse("yaml.complexKey", "a key must be plain text, not a mapping or a list", at: range)
            parent.pending = .discard
            stack.append(.skip(depth: 1))
            return
        }
        guard countNode(at: range) else { return }
        if stack.count >= limits.maximumDepth {
            refuse("yaml.tooDeep", "the file nests deeper than \(limits.maximumDepth) levels", at: range)
            isFinished = true
            return
        }
        stack.append(frame)
    }

    private mutating func close(at end: SourceLocation) {
        guard let frame = stack.popLast() else { return }
        switch frame {
        case .mapping(let mapping):
            complete(YAMLNode(.mapping(mapping.entries), range: SourceRange(start: mapping.start, end: end)), isKeyCandidate: false)
        case .sequence(let sequence):
            complete(YAMLNode(.sequence(sequence.items), range: SourceRange(start: sequence.start, end: end)), isKeyCandidate: false)
        case .skip:
            break
        }
    }

    private mutating func complete(_ node: YAMLNode, isKeyCandidate: Bool) {
        switch stack.last {
        case nil:
            if root == nil { root = node }
        case .sequence(let sequence):
            sequence.items.append(node)
        case .mapping(let mapping):
            switch mapping.pending {
            case .none:
                if isKeyCandidate, let key = node.scalar {
                    mapping.pending = .key(key, node.range)
                } else {
                    mapping.pending = .discard
                }
            case .key(let key, let keyRange):
                mapping.pending = .none
                if let first = mapping.seen[key] {
                    refuse("yaml.duplicateKey", "duplicate key '\(key)'; it is already defined at line \(first.start.line)", at: keyRange)
                } else {
                    mapping.seen[key] = keyRange
                    mapping.entries.append(YAMLNode.Entry(key: key, keyRange: keyRange, value: node))
                }
            case .discard:
                mapping.pending = .none
            }
        case .skip:
            break
        }
    }

    private mutating func skip(_ event: yaml_event_t, depth: Int) {
        stack.removeLast()
        switch event.type {
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
            stack.append(.skip(depth: depth + 1))
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            if depth > 1 { stack.append(.skip(depth: depth - 1)) }
        default:
            stack.append(.skip(depth: depth))
        }
    }

    private mutating func countNode(at range: SourceRange) -> Bool {
        nodeCount += 1
        if nodeCount > limits.maximumNodes {
            refuse("yaml.tooManyNodes", "the file holds more than \(limits.maximumNodes) values", at: range)
            isFinished = true
            return false
        }
        return true
    }

    private mutating func checkAnchorAndTag(anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, at range: SourceRange) {
        if let anchor {
            let name = String(cString: anchor)
            refuse("yaml.anchor", "anchors ('&\(name)') are not allowed in an app file; write the value out", at: range)
        }
        if let tag {
            let name = String(cString: tag)
            refuse("yaml.tag", "explicit tags ('\(name)') are not allowed; the language decides each value's type", at: range)
        }
    }

    // MARK: Positions

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        let line = min(Int(mark.line), file.lineStarts.count - 1)
        let column = Int(mark.column)
        return SourceLocation(line: line + 1, column: column + 1, offset: min(file.lineStarts[line] + column, file.scalars.count))
    }

    private func location(byteOffset: Int) -> SourceLocation {
        let prefix = file.text.utf8.prefix(byteOffset)
        return file.location(ofOffset: String(decoding: prefix, as: UTF8.self).unicodeScalars.count)
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
