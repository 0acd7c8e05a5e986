import Foundation

/// BERT's uncased tokeniser, as the model was trained with it, giving the same ids as the reference
/// (Hugging Face `tokenizers` with the model's `tokenizer.json`; checked on the fixture texts).
///
/// Steps, in the reference's order (0. special tokens written literally in the text, such as `[MASK]`, are
/// taken as those tokens, as the reference does):
/// 1. clean: drop U+0000, U+FFFD and control/format characters (general category C*, except tab, line
///    feed and carriage return), and turn every White_Space character into a space;
/// 2. strip accents: canonical decomposition (NFD), then drop non-spacing marks (Mn);
/// 3. lower-case every character (full Unicode lower-case mapping);
/// 4. split on whitespace, and make every punctuation character (ASCII punctuation or Unicode P*) and
///    every CJK ideograph a word of its own;
/// 5. WordPiece: each word becomes the longest vocabulary prefix, then `##`-continuations, greedily;
///    a word longer than 100 characters, or one that cannot be covered, becomes `[UNK]`;
/// 6. `[CLS]` … `[SEP]` around the pieces, **truncated to 128 tokens in all** (126 word pieces): text past
///    that is not seen by the model. Answers longer than about 90 words are cut there.
public struct WordPieceTokenizer: Sendable {
    /// The model's input length used throughout consult: `[CLS]` + 126 pieces + `[SEP]`.
    public static let maximumTokens = 128
    /// Words longer than this (in Unicode scalars) are `[UNK]` without trying pieces, as in BERT.
    public static let maximumWordLength = 100

    let ids: [String: Int32]
    public let unknownID: Int32
    public let classID: Int32
    public let separatorID: Int32
    /// The special tokens recognised when written literally in a text: `[PAD]`, `[UNK]`, `[CLS]`, `[SEP]`, `[MASK]`.
    let specialTokens: [(String, Int32)]
    /// Number of entries in the vocabulary (the model's embedding rows must match it).
    public let vocabularySize: Int

    /// A tokeniser over `vocabulary`, whose position is the token id (the order of `vocab.txt`).
    public init(vocabulary: [String]) throws {
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(vocabulary.count)
        for (index, token) in vocabulary.enumerated() where ids[token] == nil { ids[token] = Int32(index) }
        func special(_ token: String) throws -> Int32 {
            guard let id = ids[token] else { throw TokenizerError.missingSpecialToken(token) }
            return id
        }
        self.ids = ids
        self.unknownID = try special("[UNK]")
        self.classID = try special("[CLS]")
        self.separatorID = try special("[SEP]")
        self.vocabularySize = vocabulary.count
        self.specialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].compactMap { token in ids[token].map { (token, $0) } }
    }

    /// Reads `vocab.txt`: one token a line, line n (from 0) being id n.
    public init(vocabularyFile: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: vocabularyFile) } catch {
            throw TokenizerError.unreadableVocabulary(path: vocabularyFile.path, reason: error.localizedDescription)
        }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        if lines.last == "" { lines.removeLast() }
        try self.init(vocabulary: lines)
    }

    /// The model's input ids for `text`: `[CLS]`, the word pieces (at most `maximumLength - 2`), `[SEP]`.
    public func tokenIDs(_ text: String, maximumLength: Int = WordPieceTokenizer.maximumTokens) -> [Int32] {
        precondition(maximumLength >= 2, "room for [CLS] and [SEP] is needed")
        var result: [Int32] = [classID]
        let limit = maximumLength - 1
        segments: for (segment, special) in specialTokenSegments(text) {
            if let special {
                result.append(special)
            } else {
                for word in Self.words(segment) {
                    appendPieces(of: word, to: &result)
                    if result.count >= limit { break segments }
                }
            }
            if result.count >= limit { break }
        }
        if result.count > limit { result.removeLast(result.count - limit) }
        result.append(separatorID)
        return result
    }

    /// Step 0: the text split around the special tokens written literally in it (exact case, anywhere, as
    /// the reference's added tokens match): each is its own id and is not normalised.
    func specialTokenSegments(_ text: String) -> [(text: String, special: Int32?)] {
        var segments: [(text: String, special: Int32?)] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            let tail = rest[open...]
            if let (token, id) = specialTokens.first(where: { tail.hasPrefix($0.0) }) {
                segments.append((String(rest[..<open]), nil))
                segments.append((token, id))
                rest = tail.dropFirst(token.count)
            } else {
                segments.append((String(rest[...open]), nil))
                rest = rest[rest.index(after: open)...]
            }
        }
        segments.append((String(rest), nil))
        return segments
    }

    /// Steps 1-4: the words WordPiece sees, each as Unicode scalars.
    static func words(_ text: String) -> [[Unicode.Scalar]] {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || isControl(scalar) { continue }
            cleaned.append(scalar.properties.isWhitespace ? " " : scalar)
        }
        let decomposed = String(cleaned).decomposedStringWithCanonicalMapping
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        func flush() {
            if !current.isEmpty { words.append(current); current.removeAll(keepingCapacity: true) }
        }
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if lower.properties.isWhitespace {
                    flush()
                } else if isPunctuation(lower) || isCJKIdeograph(lower) {
                    flush()
                    words.append([lower])
                } else {
                    current.append(lower)
                }
            }
        }
        flush()
        return words
    }

    /// Step 5 for one word.
    func appendPieces(of word: [Unicode.Scalar], to result: inout [Int32]) {
        guard word.count <= Self.maximumWordLength else { result.append(unknownID); return }
        var pieces: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while end > start {
                var candidate = start > 0 ? "##" : ""
                candidate.unicodeScalars.append(contentsOf: word[start..<end])
                if let id = ids[candidate] { found = id; break }
                end -= 1
            }
            guard let id = found else { result.append(unknownID); return }
            pieces.append(id)
            start = end
        }
        result.append(contentsOf: pieces)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse, .surrogate: return true
        default: return false
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    /// The CJK Unified Ideograph blocks BERT splits character by character (not Hangul or kana).
    static func isCJKIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
             0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default: return false
        }
    }
}

/// Why a vocabulary could not be used.
public enum TokenizerError: Error, Equatable, CustomStringConvertible {
    case unreadableVocabulary(path: String, reason: String)
    case missingSpecialToken(String)

    public var description: String {
        switch self {
        case let .unreadableVocabulary(path, reason): return "\(path): cannot read the vocabulary: \(reason)"
        case let .missingSpecialToken(token): return "vocabulary has no \(token) token (not a BERT vocabulary)"
        }
    }
}
