/// Hard limits on an app file, so a hostile or broken file costs little to refuse.
public struct YAMLReaderLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes.
    public var maximumBytes: Int
    /// The deepest nesting of mappings and sequences.
    public var maximumDepth: Int
    /// The most nodes (scalars, mappings and sequences) in one file.
    public var maximumNodes: Int
    /// The most reader diagnostics collected before reading stops.
    public var maximumDiagnostics: Int

    /// Creates limits.
    public init(maximumBytes: Int, maximumDepth: Int, maximumNodes: Int, maximumDiagnostics: Int) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
        self.maximumNodes = maximumNodes
        self.maximumDiagnostics = maximumDiagnostics
    }

    /// 2 MiB, 64 levels, 50,000 nodes, 100 diagnostics: far above any real app, far below harm.
    public static let `default` = YAMLReaderLimits(
        maximumBytes: 2 * 1024 * 1024, maximumDepth: 64, maximumNodes: 50_000, maximumDiagnostics: 100)
}
