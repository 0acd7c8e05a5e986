import ConsultIngest
import ConsultStore

/// Group commit for submissions: responses that arrive while an import for the same survey and token
/// is running wait, and then go into the database together, as one import of their lines joined.
///
/// Why: an import is a transaction with fixed costs (its batch record, staging tables, statements, the
/// data-version row every import locks until it commits, a durable commit), about 15–20 ms whether it
/// holds one response or a thousand. One import per submission therefore capped the service at about
/// 70 submissions a second however many connections it had. Joined, those costs are shared, and a
/// submission is still answered only after the import holding it committed ("a 201 means committed").
///
/// Nothing about a response depends on the company it arrived in: the joined import is the CLI's import
/// pipeline, and each submission is answered from its own lines' outcomes (`ImportedLine`). When the
/// joined import fails for any reason (one submission's invalid line refuses the whole import), nothing
/// of it was stored and every submission of the group is imported on its own, so each gets exactly the
/// answer it would have had alone. A submission that finds no import running for its key leads: it is
/// imported alone at once (at low load nothing waits and nothing changes), and the submissions that
/// arrive meanwhile are imported in joined groups after it.
actor SubmissionGroups {
    /// Submissions that may share an import: same survey, same token (the batch records who imported it).
    struct Key: Hashable, Sendable {
        var survey: String
        var token: Int
    }

    /// A submission's share of a joined import.
    struct Share: Sendable {
        var batch: ImportBatch
        /// The submission's responses, with lines counted from its own first line.
        var lines: [ImportedLine]
    }

    /// How a submission is to be imported.
    enum Turn: Sendable {
        /// Alone, now; then `release(key)`, which imports whatever arrived meanwhile.
        case lead
        /// Alone: the body is not one to join (empty, or too large), or its joined import failed.
        case alone
        /// Done: it was imported with others.
        case joined(Share)
    }

    /// Runs the joined import of `body` (JSON Lines) named `name` for `key`, reporting lines.
    typealias JoinedImport = @Sendable (_ key: Key, _ body: [UInt8], _ name: String) async throws -> ImportOutcome

    private struct Waiting {
        var body: [UInt8]
        var name: String
        var continuation: CheckedContinuation<Share?, Never>
    }

    private let importJoined: JoinedImport
    /// Bytes one joined import holds at most (a submission larger than this goes alone).
    private let maximumBytes: Int
    private var queues: [Key: [Waiting]] = [:]
    private var running: Set<Key> = []

    init(maximumBytes: Int = 4 << 20, importJoined: @escaping JoinedImport) {
        self.maximumBytes = maximumBytes
        self.importJoined = importJoined
    }

    /// Submissions waiting for the import running for their key (for `/metrics`).
    var waiting: Int { queues.values.reduce(0) { $0 + $1.count } }

    /// The submission's turn: to lead, to go alone, or its share of a joined import once committed.
    ///
    /// - Parameter body: JSON Lines (one response per line), as the request's responses would be imported.
    func turn(for body: [UInt8], name: String, key: Key) async -> Turn {
        guard Self.hasResponse(body), body.count < maximumBytes else { return .alone }
        guard running.contains(key) else {
            running.insert(key)
            return .lead
        }
        var joinable = body
        if joinable.last != 0x0A { joinable.append(0x0A) }
        let share = await withCheckedContinuation { continuation in
            queues[key, default: []].append(Waiting(body: joinable, name: name, continuation: continuation))
        }
        return share.map(Turn.joined) ?? .alone
    }

    /// Called by a leader once its own import is done (whatever its outcome): imports the submissions
    /// that arrived meanwhile, in joined groups, until none is left; then the key is idle again.
    func release(_ key: Key) async {
        while let group = take(key) {
            let shares = await run(group, key: key)
            for (submission, share) in zip(group, shares) { submission.continuation.resume(returning: share) }
        }
        running.remove(key)
    }

    /// The next group: waiting submissions in arrival order, up to `maximumBytes`.
    private func take(_ key: Key) -> [Waiting]? {
        guard var queue = queues[key], !queue.isEmpty else {
            queues[key] = nil
            return nil
        }
        var bytes = 0
        var count = 0
        while count < queue.count && (count == 0 || bytes + queue[count].body.count <= maximumBytes) {
            bytes += queue[count].body.count
            count += 1
        }
        let group = Array(queue.prefix(count))
        queue.removeFirst(count)
        queues[key] = queue
        return group
    }

    /// One joined import of `group` and each submission's share; all nil when it failed (nothing stored)
    /// or when the group is one submission, which is imported alone as it would be at low load.
    private func run(_ group: [Waiting], key: Key) async -> [Share?] {
        guard group.count > 1 else { return [nil] }
        var joined: [UInt8] = []
        var firstLines: [Int] = []
        var lines = 0
        for submission in group {
            firstLines.append(lines + 1)
            joined += submission.body
            lines += submission.body.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        let name = "\(group[0].name)+\(group.count - 1)"
        guard let outcome = try? await importJoined(key, joined, name), case .imported(let batch) = outcome.result else {
            return group.map { _ in nil }
        }
        return firstLines.indices.map { index in
            let first = firstLines[index]
            let end = index + 1 < firstLines.count ? firstLines[index + 1] : lines + 1
            let own = outcome.lines.filter { $0.line >= first && $0.line < end }
                .map { ImportedLine(line: $0.line - first + 1, outcome: $0.outcome, redactions: $0.redactions) }
            return Share(batch: batch, lines: own)
        }
    }

    /// Whether `body` holds at least one line that is not blank: an empty submission is refused on its
    /// own, not counted as a share of nothing.
    static func hasResponse(_ body: [UInt8]) -> Bool {
        body.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }
}
