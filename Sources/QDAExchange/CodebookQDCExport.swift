import ConsultationModel
extension Codebook {
    /// The codebook as a REFI-QDA codebook (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`), for
    /// NVivo, ATLAS.ti, MAXQDA or QualCoder.
    ///
    /// Contract: valid against `Codebook.xsd`; byte-identical for the same codebook (GUIDs are
    /// ``NameBasedUUID/theme(_:)`` of the theme id, order is file order, no timestamps). Each
    /// theme is a `<Code>` nested under its parent, named by its label, with the id, definition,
    /// notes and examples in its `<Description>` (see ``QDCDescription``). Top-level groups are
    /// not codable (`isCodable="false"`); every other theme is. Each top-level group and its
    /// descendants share a colour from a fixed palette, so the tree reads at a glance.
    public func qdcXML() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<CodeBook xmlns=\"\(QDCNamespace.codebook)\" origin=\"\(XMLText.attribute("consult codebook \(version): \(title)"))\">\n"
        out += "  <Codes>\n"
        for (index, group) in themes.filter({ $0.parent == nil }).enumerated() {
            writeCode(group, color: Self.qdcPalette[index % Self.qdcPalette.count], depth: 2, into: &out)
        }
        out += "  </Codes>\n"
        out += "</CodeBook>\n"
        return out
    }

    /// Colours for top-level groups, in group order: distinct, readable on white.
    static let qdcPalette = [
        "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD",
        "#8C564B", "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF",
    ]

    private func writeCode(_ theme: Theme, color: String, depth: Int, into out: inout String) {
        let indent = String(repeating: "  ", count: depth)
        let attributes = [
            "guid=\"\(NameBasedUUID.theme(theme.id))\"",
            "name=\"\(XMLText.attribute(theme.label))\"",
            "isCodable=\"\(theme.parent != nil)\"",
            "color=\"\(color)\"",
        ].joined(separator: " ")
        out += "\(indent)<Code \(attributes)>\n"
        out += "\(indent)  <Description>\(XMLText.content(QDCDescription(theme: theme).rendered))</Description>\n"
        for child in children(of: theme.id) {
            writeCode(child, color: color, depth: depth + 1, into: &out)
        }
        out += "\(indent)</Code>\n"
    }
}

/// The REFI-QDA namespaces consult writes and accepts.
enum QDCNamespace {
    /// The codebook namespace, written exactly.
    static let codebook = "urn:QDA-XML:codebook:1.0"

    /// Whether an import accepts `uri` as the codebook namespace: the exact one, or the slightly
    /// wrong spellings real tools write (`urn:QDA-XML:codebook:1:0`), which share its prefix.
    static func isCodebook(_ uri: String?) -> Bool {
        uri?.hasPrefix("urn:QDA-XML:codebook:") == true
    }
}
