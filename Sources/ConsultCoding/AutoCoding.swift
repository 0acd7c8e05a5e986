import ConsultStore
import Foundation
import RuleCoding

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

    /// - Parameters:
    ///   - progress: called after each batch with the number of segments coded so far.
    ///   - waiting: called once if another coding run of the codebook version is under way; this run
    ///     then waits for it to end (see ``Store/replaceCodings(coder:kind:codebookVersion:waiting:_:)``).
    public static func run(store: Store, progress: (Int) -> Void = { _ in }, waiting: () -> Void = {}) throws -> Summary {
        let codebook = try store.currentCodebook()
        let coder = try AutoCoder(codebook: codebook)
        var segments = 0
        var codedSegments = 0
        let codings = try store.replaceCodings(coder: Store.ruleCoder, codebookVersion: codebook.version, waiting: waiting) { store, emit in
            try store.forEachSegmentBatch { batch in
                let matches = coder.code(batch.map(\.text), workers: ProcessInfo.processInfo.activeProcessorCount)
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
}
