import Digests

extension TrainingExample {
    /// SHA-256 (hex) of a training set, stored beside a model version so anyone can tell which codings
    /// it learnt from and whether retraining would see the same data.
    ///
    /// Contract: covers, in order, every example's text, themes and rule themes (theme sets sorted),
    /// each field length-prefixed so no two different sets serialise alike. Order counts because it
    /// decides the cross-validation folds and so the chosen threshold.
    public static func digest(_ examples: [TrainingExample]) -> String {
        var bytes: [UInt8] = []
        func append(_ field: String) {
            let utf8 = Array(field.utf8)
            bytes.append(contentsOf: "\(utf8.count):".utf8)
            bytes.append(contentsOf: utf8)
        }
        for example in examples {
            append(example.text)
            append(example.themes.sorted().joined(separator: ";"))
            append(example.ruleThemes.sorted().joined(separator: ";"))
        }
        return sha256Hex(of: bytes)
    }
}
