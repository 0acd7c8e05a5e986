/// One human-coded segment to learn from.
public struct TrainingExample: Sendable, Equatable {
    public var text: String
    /// The themes the human coder applied (empty when none applies: a negative for every theme).
    public var themes: Set<String>
    /// The themes the rules applied to the same text. Only used to choose the confidence threshold at
    /// which model suggestions are added to the rules' codes; leave empty to tune the model alone.
    public var ruleThemes: Set<String>

    public init(text: String, themes: Set<String>, ruleThemes: Set<String> = []) {
        self.text = text
        self.themes = themes
        self.ruleThemes = ruleThemes
    }
}
