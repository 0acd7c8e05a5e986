extension Sequence where Element: Hashable {
    /// The distinct elements in the order they first appear (the store returns rows in instrument and
    /// codebook order, which tables keep).
    func distinctInOrder() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
