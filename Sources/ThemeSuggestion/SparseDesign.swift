/// Training texts as rows of feature indices (binary features), built once and shared by every
/// theme's classifier.
struct SparseDesign: Sendable {
    /// Feature indices present in each row, ascending.
    let rows: [[Int]]
    let featureCount: Int
}
