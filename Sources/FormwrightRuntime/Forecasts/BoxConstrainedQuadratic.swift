/// The quadratic `½ wᵀ A w − bᵀ w` with `A` symmetric positive definite, minimised over a box
/// `lower ≤ w ≤ upper`.
///
/// The minimum is found by projected coordinate descent (Gauss–Seidel sweeps in index order,
/// each coordinate moved to its own minimum and clamped to its bounds) finished exactly: after
/// every sweep the coordinates held at a bound by the gradient are fixed there, the rest are
/// solved for exactly with a Cholesky factor, and if that point lies in the box and satisfies the
/// optimality conditions it is the answer. Because `A` is positive definite the minimum is unique
/// and the sweeps converge to it, so the exact step is reached once the sweeps have found which
/// bounds are active. Everything runs in a fixed order, so the result is deterministic.
struct BoxConstrainedQuadratic: Sendable {
    /// `A`, row-major, `order × order`.
    let matrix: [Double]
    /// `b`.
    let linear: [Double]
    /// The number of unknowns.
    let order: Int

    /// The gradient `A w − b` at `w`.
    func gradient(at point: [Double]) -> [Double] {
        (0..<order).map { row in
            var sum = -linear[row]
            for column in 0..<order { sum += matrix[row * order + column] * point[column] }
            return sum
        }
    }

    /// The minimising `w` within `box`, or nil when `A` is not positive definite.
    ///
    /// Stops when the exact step succeeds (the optimality conditions hold to a relative
    /// `1e-12`) or when a sweep moves no coordinate by more than `1e-15` relative to its size.
    func minimise(within box: [ClosedRange<Double>], maximumSweeps: Int = 100_000) -> [Double]? {
        guard let full = CholeskyFactor(matrix: matrix, order: order) else { return nil }
        var point = full.solve(linear)
        if zip(point, box).allSatisfy({ $1.contains($0) }) { return point }
        point = zip(point, box).map { clamp($0, $1) }
        for _ in 0..<maximumSweeps {
            var largestStep = 0.0
            for index in 0..<order {
                var slope = -linear[index]
                for column in 0..<order { slope += matrix[index * order + column] * point[column] }
                let moved = clamp(point[index] - slope / matrix[index * order + index], box[index])
                largestStep = max(largestStep, abs(moved - point[index]) / max(1, abs(moved)))
                point[index] = moved
            }
            if let exact = exactStep(from: point, box: box) { return exact }
            if largestStep <= 1e-15 { return point }
        }
        return point
    }

    /// The exact minimum on the face of the box that `point`'s active bounds pick, if it is optimal.
    private func exactStep(from point: [Double], box: [ClosedRange<Double>]) -> [Double]? {
        let slopes = gradient(at: point)
        let free = (0..<order).filter { index in
            !((point[index] == box[index].lowerBound && slopes[index] > 0) || (point[index] == box[index].upperBound && slopes[index] < 0))
        }
        var candidate = point
        if !free.isEmpty {
            let size = free.count
            var subMatrix = [Double](repeating: 0, count: size * size)
            var subRight = [Double](repeating: 0, count: size)
            for (row, rowIndex) in free.enumerated() {
                var right = linear[rowIndex]
                for column in 0..<order where !free.contains(column) { right -= matrix[rowIndex * order + column] * point[column] }
                subRight[row] = right
                for (column, columnIndex) in free.enumerated() { subMatrix[row * size + column] = matrix[rowIndex * order + columnIndex] }
            }
            guard let factor = CholeskyFactor(matrix: subMatrix, order: size) else { return nil }
            for (row, value) in zip(free, factor.solve(subRight)) {
                guard box[row].contains(value) else { return nil }
                candidate[row] = value
            }
        }
        let scale = 1 + (linear.map(abs).max() ?? 0) + (matrix.map(abs).max() ?? 0) * (candidate.map(abs).max() ?? 0)
        let tolerance = 1e-12 * scale
        for (index, slope) in gradient(at: candidate).enumerated() {
            let atLower = candidate[index] == box[index].lowerBound
            let atUpper = candidate[index] == box[index].upperBound
            if atLower && atUpper { continue }
            if atLower && slope < -tolerance { return nil }
            if atUpper && slope > tolerance { return nil }
            if !atLower && !atUpper && abs(slope) > tolerance { return nil }
        }
        return candidate
    }

    private func clamp(_ value: Double, _ range: ClosedRange<Double>) -> Double {
        min(max(value, range.lowerBound), range.upperBound)
    }
}
