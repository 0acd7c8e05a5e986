/// Raked weights and how the iteration ended.
public struct RakingResult: Sendable, Equatable {
    /// Final weight per unit, in input order.
    public let weights: [Double]
    /// Full sweeps (one adjustment per margin) performed.
    public let sweeps: Int
    /// Whether every margin was within the tolerance after the last sweep.
    public let converged: Bool
    /// After the last sweep, the largest |weighted total - target| / target over all margins.
    public let largestDiscrepancy: Double
}
