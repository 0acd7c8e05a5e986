import ConsultCore
import ConsultStore
import Foundation

/// Applies the current codebook's rules to every segment and stores the result as coder `rules`.
///
/// Each run replaces the previous rule codings of that codebook version in one transaction, so the
/// outcome depends only on the segments and the codebook: running it twice gives the same codings.
/// Segments are coded on every core (`AutoCoder.code` is pure); the database work stays on the
/// calling thread, which owns the connection.
public enum AutoCoding {
    public struct Summary: Sendable, Equatable {
        public var codebookVersion: String
        public var segments: Int
        public var codedSegments: Int
        public var codings: Int
    }

    /// - Parameter progress: called after each batch with the number of segments coded so far.
    public static func run(store: Store, progress: (Int) -> Void = { _ in }) throws -> Summary {
        let codebook = try store.currentCodebook()
        let coder = try AutoCoder(codebook: codebook)
        var segments = 0
        var codedSegments = 0
        let codings = try store.replaceCodings(coder: Store.ruleCoder, codebookVersion: codebook.version) { store, emit in
            try store.forEachSegmentBatch { batch in
                let matches = code(batch.map(\.text), with: coder)
                for (segment, found) in zip(batch, matches) {
                    if !found.isEmpty { codedSegments += 1 }
                    for match in found {
                        try emit(NewCoding(segment: segment.id, theme: match.themeID, rule: match.ruleID,
                                           start: match.start, end: match.end, matched: match.matched))
                    }
                }
                segments += batch.count
                progress(segments)
            }
        }
        return Summary(codebookVersion: codebook.version, segments: segments, codedSegments: codedSegments, codings: codings)
    }

    /// Codes `texts` in parallel; the result is in input order, so the run stays deterministic.
    static func code(_ texts: [String], with coder: AutoCoder) -> [[RuleMatch]] {
        var results = [[RuleMatch]](repeating: [], count: texts.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, texts.count))
        results.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes only the indices congruent to its number: no two write the same slot.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < texts.count {
                    slots[index] = coder.code(texts[index])
                    index += workers
                }
            }
        }
        return results
    }
}
