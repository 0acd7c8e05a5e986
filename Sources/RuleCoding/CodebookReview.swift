import ConsultationModel
/// A valid codebook with the advisory warnings `consult survey validate` prints: problems that
/// do not stop the codebook being used but that an editor should look at.
public struct CodebookReview: Sendable, Equatable {
    /// The codebook, as ``Codebook/parse(yaml:file:)`` returns it.
    public var codebook: Codebook
    /// Rules that match none of their own theme's examples (see the `review` function), in
    /// file order; each names the file, line, theme and rule.
    public var warnings: [CodebookError]
}

extension Codebook {
    /// Parses and validates a codebook file like ``parse(yaml:file:)`` (throwing the same
    /// errors), then checks each rule against its theme's examples. Slower than `parse`, since
    /// it runs every rule on every example, so it is for validation, not for every load.
    public static func review(yaml: String, file: String) throws -> CodebookReview {
        let checked = try Codebook.checked(yaml: yaml, file: file)
        return CodebookReview(
            codebook: checked.codebook,
            warnings: CodebookExampleCheck(file: file).warnings(checked.codebook, lines: checked.lines))
    }
}
