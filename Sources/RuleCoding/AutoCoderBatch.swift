import Foundation

extension AutoCoder {
    /// Codes `texts` on `workers` threads (at least one); the result is in input order, so a run
    /// is deterministic whatever the thread count. What `code auto` and the coding benchmark use.
    public func code(_ texts: [String], workers: Int) -> [[RuleMatch]] {
        var results = [[RuleMatch]](repeating: [], count: texts.count)
        let workers = max(1, min(workers, texts.count))
        results.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes only the indices congruent to its number: no two write the same slot.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < texts.count {
                    slots[index] = code(texts[index])
                    index += workers
                }
            }
        }
        return results
    }
}
