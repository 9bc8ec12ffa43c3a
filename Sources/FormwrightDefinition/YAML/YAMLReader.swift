import CYAML
public import FormwrightCore

/// Reads one YAML document from libyaml's events into located nodes, refusing what an app
/// file never needs: anchors, aliases, explicit tags, complex keys, duplicate keys, more than
/// one document, and anything past the limits.
///
/// libyaml's parser keeps its own state on the heap, so nesting never grows the Swift stack;
/// this reader builds the tree with an explicit stack for the same reason.
public struct YAMLReader: Sendable {
    /// The limits applied.
    public var limits: YAMLReaderLimits

    /// Creates a reader with the given limits.
    public init(limits: YAMLReaderLimits = .default) {
        self.limits = limits
    }

    /// Reads the file's single document; the node is nil when the file holds none or reading stopped.
    public func read(_ file: SourceFile) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
        var builder = YAMLTreeBuilder(file: file, limits: limits)
        var bytes = Array(file.text.utf8)
        bytes.append(0)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            builder.refuse("yaml.internal", "the YAML parser could not start", at: .start)
            return (nil, builder.diagnostics.diagnostics)
        }
        defer { yaml_parser_delete(&parser) }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            yaml_parser_set_input_string(&parser, base, buffer.count - 1)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while !builder.isFinished {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    builder.syntaxError(parser)
                    return
                }
                builder.handle(event)
                let ended = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if ended { return }
            }
        }
        return (builder.root, builder.diagnostics.diagnostics)
    }
}
