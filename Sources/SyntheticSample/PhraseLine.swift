/// One wording in a phrase bank as written in the source: a string literal takes the themes of
/// its `Phrases` group; `.coded(text, themes...)` states the wording's own themes instead, for a
/// wording that says more, less or something else than its siblings.
struct PhraseLine: Sendable, ExpressibleByStringLiteral {
    let text: String
    /// Nil: the group's themes apply.
    let themes: ThemeSet?

    init(stringLiteral text: String) {
        self.text = text
        themes = nil
    }

    private init(text: String, themes: ThemeSet) {
        self.text = text
        self.themes = themes
    }

    /// A wording with exactly these themes (none when `themes` is empty).
    static func coded(_ text: String, _ themes: Theme...) -> PhraseLine {
        PhraseLine(text: text, themes: ThemeSet(themes))
    }
}
