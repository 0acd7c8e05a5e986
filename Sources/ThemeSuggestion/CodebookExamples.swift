import ConsultationModel

extension TrainingExample {
    /// The codebook's example quotes as training examples: each labelled with its theme and the themes
    /// that theme implies.
    ///
    /// Why: with a few hundred hand-coded segments many themes have under fifteen positives; the
    /// quotes analysts wrote to define each theme add three clear positives per theme. They are
    /// supplementary (always trained on, never scored), because a quote stands for its own theme
    /// only and was not coded for the others.
    public static func codebookExamples(_ codebook: Codebook) -> [TrainingExample] {
        codebook.themes.flatMap { theme in
            theme.examples.map { TrainingExample(text: $0, themes: Set([theme.id] + theme.implies)) }
        }
    }
}
