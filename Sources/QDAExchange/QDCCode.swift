/// One `<Code>` of a `.qdc` file as read, before it becomes a ``Theme``.
public struct QDCCode: Sendable, Equatable {
    /// The code's GUID (braces and case as written do not matter).
    public var guid: NameBasedUUID
    /// The code's name: the theme label.
    public var name: String
    /// Whether the tool lets analysts apply the code.
    public var isCodable: Bool
    /// `#RGB` or `#RRGGBB`, if the code has a colour.
    public var color: String?
    /// The `<Description>` text, if any.
    public var description: String?
    /// Nested codes, in file order.
    public var children: [QDCCode]
    /// Line of the `<Code>` start tag, for messages about it.
    public var line: Int

    /// Creates a code.
    public init(guid: NameBasedUUID, name: String, isCodable: Bool, color: String? = nil,
                description: String? = nil, children: [QDCCode] = [], line: Int) {
        self.guid = guid
        self.name = name
        self.isCodable = isCodable
        self.color = color
        self.description = description
        self.children = children
        self.line = line
    }
}
