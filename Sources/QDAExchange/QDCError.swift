/// Why a `.qdc` file could not be read as a codebook.
///
/// `description` is one line naming the file, the line and the element:
/// `theirs.qdc:12: <Code>: missing required attribute 'isCodable'`, so an analyst can open the
/// file at the place to fix.
public struct QDCError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as the caller named it.
    public var file: String
    /// 1-based line in the file, where known.
    public var line: Int?
    /// The element concerned, e.g. "Code", if any.
    public var element: String?
    /// What is wrong, in one line.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int?, element: String?, message: String) {
        self.file = file
        self.line = line
        self.element = element
        self.message = message
    }

    /// One line: `file[:line]: [<Element>: ]message`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let element { text += "<\(element)>: " }
        return text + message
    }
}
