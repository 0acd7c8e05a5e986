import Foundation

/// A REFI-QDA codebook (`.qdc`) as read: its code tree. Sets are checked (their member GUIDs
/// must name codes) but not kept: consult's groups are the tree itself.
public struct QDCCodebook: Sendable, Equatable {
    /// The `origin` attribute: the tool or codebook that wrote the file.
    public var origin: String?
    /// Top-level codes, in file order.
    public var codes: [QDCCode]

    /// Creates a codebook.
    public init(origin: String?, codes: [QDCCode]) {
        self.origin = origin
        self.codes = codes
    }

    /// Reads a `.qdc` file's bytes.
    ///
    /// Checks what the schema requires (the `CodeBook` root in the codebook namespace, a
    /// non-empty `Codes`, required attributes, GUID and colour formats, `Description` before
    /// child codes, no empty `Sets`) and what it does not: GUIDs are unique and set members
    /// name codes. Namespaces are read leniently (``QDCNamespace/isCodebook(_:)``).
    /// - Parameter file: the path to name in errors.
    /// - Throws: ``QDCError`` naming the file, line and element of the first problem.
    public static func parse(_ data: Data, file: String) throws(QDCError) -> QDCCodebook {
        let reader = QDCReader(file: file)
        return try reader.read(data)
    }

    /// Every code in the tree, parents before children.
    public var allCodes: [QDCCode] {
        func walk(_ codes: [QDCCode]) -> [QDCCode] { codes.flatMap { [$0] + walk($0.children) } }
        return walk(codes)
    }
}
