extension Array {
    /// The element at `index`, or nil when there is none: a report's series are read by period
    /// index and printed as a dash where one is shorter than the periods.
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
