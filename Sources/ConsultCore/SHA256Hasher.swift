extension SHA256 {
    /// Incremental SHA-256: feed any number of chunks with `update`, then read `finalize()`.
    ///
    /// Lets an importer hash a file while streaming it instead of holding it in memory, and lets
    /// HMAC keep the state after the key block so each message costs two compressions, not four.
    /// A value type: copying a hasher forks the computation.
    public struct Hasher: Sendable {
        private var state: [UInt32] = SHA256Compression.initialState
        private var pending: [UInt8] = []
        private var byteCount: UInt64 = 0

        /// A hasher that has consumed nothing.
        public init() {
            pending.reserveCapacity(SHA256.blockByteCount)
        }

        /// Appends `data` to the message being hashed.
        public mutating func update<D: Collection<UInt8>>(_ data: D) {
            let handled: Void? = data.withContiguousStorageIfAvailable { buffer in
                update(UnsafeRawBufferPointer(buffer))
            }
            if handled == nil {
                Array(data).withUnsafeBytes { update($0) }
            }
        }

        /// Appends the bytes in `buffer` to the message being hashed.
        public mutating func update(_ buffer: UnsafeRawBufferPointer) {
            byteCount &+= UInt64(buffer.count)
            var input = buffer[...]
            if !pending.isEmpty {
                let take = min(SHA256.blockByteCount - pending.count, input.count)
                pending.append(contentsOf: input.prefix(take))
                input = input.dropFirst(take)
                guard pending.count == SHA256.blockByteCount else { return }
                pending.withUnsafeBytes { SHA256Compression.compress(&state, blocks: $0) }
                pending.removeAll(keepingCapacity: true)
            }
            let wholeBlocks = input.count - input.count % SHA256.blockByteCount
            if wholeBlocks > 0 {
                SHA256Compression.compress(
                    &state,
                    blocks: UnsafeRawBufferPointer(rebasing: input.prefix(wholeBlocks))
                )
            }
            pending.append(contentsOf: input.dropFirst(wholeBlocks))
        }

        /// The digest of everything consumed so far. The hasher itself is left unchanged, so a
        /// caller may keep updating it (the result then covers the longer message).
        public func finalize() -> [UInt8] {
            var state = self.state
            var tail = pending
            tail.append(0x80)
            let zeros = (SHA256.blockByteCount + 56 - tail.count % SHA256.blockByteCount)
                % SHA256.blockByteCount
            tail.append(contentsOf: repeatElement(0, count: zeros))
            let bitCount = byteCount &* 8
            for shift in stride(from: 56, through: 0, by: -8) {
                tail.append(UInt8(truncatingIfNeeded: bitCount >> UInt64(shift)))
            }
            tail.withUnsafeBytes { SHA256Compression.compress(&state, blocks: $0) }
            var digest: [UInt8] = []
            digest.reserveCapacity(SHA256.digestByteCount)
            for word in state {
                digest.append(UInt8(truncatingIfNeeded: word >> 24))
                digest.append(UInt8(truncatingIfNeeded: word >> 16))
                digest.append(UInt8(truncatingIfNeeded: word >> 8))
                digest.append(UInt8(truncatingIfNeeded: word))
            }
            return digest
        }
    }
}
