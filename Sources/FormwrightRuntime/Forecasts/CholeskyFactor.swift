/// The Cholesky factor `L` of a symmetric positive definite matrix `A = L Lᵀ`, for solving `A x = b`.
///
/// Matrices are dense and row-major, `n × n`. A pivot at or below `n · ε · max(diag A)` counts as
/// zero, so a matrix that is singular up to rounding is refused rather than solved into noise.
struct CholeskyFactor: Sendable {
    /// The order of the matrix.
    let order: Int
    /// `L`, row-major; entries above the diagonal are zero.
    private let lower: [Double]

    /// Factors `matrix` (row-major, `order × order`, symmetric); nil when it is not positive definite.
    init?(matrix: [Double], order: Int) {
        let largestDiagonal = (0..<order).map { matrix[$0 * order + $0] }.max() ?? 0
        let threshold = Double(max(order, 1)) * Double.ulpOfOne * max(largestDiagonal, 0)
        var lower = [Double](repeating: 0, count: order * order)
        for row in 0..<order {
            for column in 0...row {
                var sum = matrix[row * order + column]
                for inner in 0..<column { sum -= lower[row * order + inner] * lower[column * order + inner] }
                if row == column {
                    guard sum > threshold, sum.isFinite else { return nil }
                    lower[row * order + row] = sum.squareRoot()
                } else {
                    lower[row * order + column] = sum / lower[column * order + column]
                }
            }
        }
        self.order = order
        self.lower = lower
    }

    /// The `x` with `A x = right`, by forward then back substitution.
    func solve(_ right: [Double]) -> [Double] {
        var solution = right
        for row in 0..<order {
            var sum = solution[row]
            for inner in 0..<row { sum -= lower[row * order + inner] * solution[inner] }
            solution[row] = sum / lower[row * order + row]
        }
        for row in stride(from: order - 1, through: 0, by: -1) {
            var sum = solution[row]
            for inner in (row + 1)..<order { sum -= lower[inner * order + row] * solution[inner] }
            solution[row] = sum / lower[row * order + row]
        }
        return solution
    }
}
