extension ScalarRescanner {
    /// One line of a block scalar: where its content starts and ends, and how it is indented.
    struct BlockLine {
        var contentStart: Int
        var lineEnd: Int
        var isEmpty: Bool
        var isMoreIndented: Bool
    }

    /// A `|` or `>` block: the header line, then lines with the block's indentation removed.
    mutating func scanBlock(folded: Bool) {
        while index < end, !Self.isBreak(scalars[index]) { index += 1 }
        if index < end, scalars[index] == "\r" { index += 1 }
        if index < end, scalars[index] == "\n" { index += 1 }
        let lines = blockLines()
        if folded { emitFolded(lines) } else { emitLiteral(lines) }
    }

    private func blockLines() -> [BlockLine] {
        var raw: [(start: Int, end: Int)] = []
        var cursor = index
        while cursor < end {
            var lineEnd = cursor
            while lineEnd < end, scalars[lineEnd] != "\n" { lineEnd += 1 }
            raw.append((cursor, lineEnd))
            cursor = lineEnd + 1
        }
        var indent: Int?
        for line in raw {
            var first = line.start
            while first < line.end, scalars[first] == " " { first += 1 }
            let trimmedEnd = line.end > line.start && scalars[line.end - 1] == "\r" ? line.end - 1 : line.end
            if first < trimmedEnd {
                indent = first - line.start
                break
            }
        }
        let width = indent ?? 0
        return raw.map { line in
            let lineEnd = line.end > line.start && scalars[line.end - 1] == "\r" ? line.end - 1 : line.end
            let contentStart = min(line.start + width, lineEnd)
            var spaces = line.start
            while spaces < lineEnd, scalars[spaces] == " " { spaces += 1 }
            let isEmpty = spaces == lineEnd
            return BlockLine(
                contentStart: contentStart, lineEnd: lineEnd, isEmpty: isEmpty,
                isMoreIndented: !isEmpty && contentStart < lineEnd && Self.isBlank(scalars[contentStart]))
        }
    }

    private mutating func emitLine(_ line: BlockLine) {
        var cursor = line.contentStart
        while cursor < line.lineEnd {
            emit(scalars[cursor], at: cursor)
            cursor += 1
        }
    }

    private mutating func emitLiteral(_ lines: [BlockLine]) {
        for line in lines {
            if !line.isEmpty { emitLine(line) }
            emit("\n", at: line.lineEnd)
        }
    }

    /// Folding: a single break between two ordinary lines becomes a space; empty lines become
    /// newlines; breaks next to more-indented lines are kept.
    private mutating func emitFolded(_ lines: [BlockLine]) {
        var started = false
        var previousOrdinary = false
        var previousEnd = index
        var emptyRun = 0
        for line in lines {
            if line.isEmpty {
                emptyRun += 1
                continue
            }
            if !started {
                for _ in 0..<emptyRun { emit("\n", at: line.contentStart) }
            } else if previousOrdinary, !line.isMoreIndented, emptyRun == 0 {
                emit(" ", at: previousEnd)
            } else {
                let breaks = previousOrdinary && !line.isMoreIndented ? emptyRun : emptyRun + 1
                for _ in 0..<breaks { emit("\n", at: previousEnd) }
            }
            emitLine(line)
            started = true
            previousOrdinary = !line.isMoreIndented
            previousEnd = line.lineEnd
            emptyRun = 0
        }
        if started { emit("\n", at: previousEnd) }
    }
}
