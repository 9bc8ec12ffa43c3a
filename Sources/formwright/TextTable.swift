/// Rows of cells in aligned columns for a terminal: the first column left-aligned, the others
/// right-aligned, two spaces apart.
struct TextTable {
    private var rows: [[String]] = []

    /// Creates a table with a header row.
    init(header: [String]) {
        rows.append(header)
    }

    /// Adds a row.
    mutating func add(_ cells: [String]) {
        rows.append(cells)
    }

    /// The rows as lines, each starting with `indent`, trailing spaces trimmed.
    func lines(indent: String = "") -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }
            var line = indent + cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Words of `text` in lines of at most `width` characters (a longer word gets a line of its own),
    /// the first starting with `first` and the others with `rest`.
    static func wrap(_ text: String, width: Int = 80, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}
