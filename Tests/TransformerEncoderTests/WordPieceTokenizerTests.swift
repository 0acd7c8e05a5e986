import Foundation
import Testing
@testable import TransformerEncoder

@Suite("WordPiece tokenizer")
struct WordPieceTokenizerTests {
    /// A toy vocabulary: ids are positions.
    static let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "aff", "able", "cafe", "'", "s", "!", "警", "察", "##s", "a", "##a"]
    let toy = try! WordPieceTokenizer(vocabulary: vocabulary)

    func pieces(_ text: String, maximumLength: Int = 128) -> [String] {
        toy.tokenIDs(text, maximumLength: maximumLength).map { Self.vocabulary[Int($0)] }
    }

    @Test("greedy longest match first, with ## continuations, [CLS] and [SEP]")
    func greedy() {
        #expect(pieces("unaffable") == ["[CLS]", "un", "##aff", "##able", "[SEP]"])
        #expect(pieces("UnAffAble able") == ["[CLS]", "un", "##aff", "##able", "able", "[SEP]"])
        #expect(pieces("") == ["[CLS]", "[SEP]"])
    }

    @Test("a word that cannot be covered is one [UNK], however much of it matched")
    func uncovered() {
        #expect(pieces("unaffablex cafe") == ["[CLS]", "[UNK]", "cafe", "[SEP]"])
    }

    @Test("accents are stripped, case folded, punctuation and CJK ideographs split, control characters dropped")
    func basicTokenisation() {
        #expect(pieces("CAFÉ's!") == ["[CLS]", "cafe", "'", "s", "!", "[SEP]"])
        #expect(pieces("cafe\u{0000}\u{200B}\u{00A0}警察") == ["[CLS]", "cafe", "警", "察", "[SEP]"])
        #expect(pieces("c\u{0301}afe") == ["[CLS]", "cafe", "[SEP]"])
    }

    @Test("a word over 100 characters is [UNK] without trying pieces; 100 characters still splits")
    func longWords() {
        #expect(pieces(String(repeating: "a", count: 101)) == ["[CLS]", "[UNK]", "[SEP]"])
        #expect(pieces(String(repeating: "a", count: 100)) == ["[CLS]", "a"] + Array(repeating: "##a", count: 99) + ["[SEP]"])
    }

    @Test("truncation keeps [CLS], the first pieces, and [SEP] within the limit")
    func truncation() {
        let ids = toy.tokenIDs(String(repeating: "able ", count: 300))
        #expect(ids.count == WordPieceTokenizer.maximumTokens)
        #expect(ids.first == toy.classID && ids.last == toy.separatorID)
        #expect(pieces("un able able able", maximumLength: 4) == ["[CLS]", "un", "able", "[SEP]"])
        #expect(pieces("unaffable", maximumLength: 3) == ["[CLS]", "un", "[SEP]"])
    }

    @Test("a vocabulary without the special tokens is refused")
    func notBERT() {
        #expect(throws: TokenizerError.missingSpecialToken("[UNK]")) { try WordPieceTokenizer(vocabulary: ["a", "b"]) }
    }

    struct Case: Decodable { let text: String; let ids: [Int32] }

    @Test("equals the reference tokeniser on 308 synthetic texts (accents, emoji, apostrophes, CJK, special tokens, long answers)")
    func reference() throws {
        let cases = try transformerFixture("tokenizer-reference.json", as: [Case].self)
        #expect(cases.count >= 300)
        #expect(cases.contains { $0.ids.count == WordPieceTokenizer.maximumTokens })
        let tokenizer = try ReferenceModel.loadEncoder().tokenizer
        var mismatches = 0
        for item in cases {
            let ids = tokenizer.tokenIDs(item.text)
            if ids != item.ids {
                mismatches += 1
                Issue.record("\(item.text.debugDescription): \(ids) != \(item.ids)")
            }
        }
        #expect(mismatches == 0)
    }
}
