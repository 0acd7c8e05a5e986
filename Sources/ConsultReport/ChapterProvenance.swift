import ConsultStore
import Digests

/// The appendix's provenance table: enough to tell whether two chapters came from the same data,
/// codebook and tool, and which command reprints each table.
enum ChapterProvenance {
    /// consult has no release numbering yet; this names the chapter format the templates expect.
    static let toolVersion = "consult 0.1.0 (chapter view model 1)"

    /// SHA-256 over every import batch's instrument, file hash and row counts, one line each in a
    /// stable order, so the same imports give the same digest and any change to them a new one.
    /// Batch ids and times are left out: re-importing the same files elsewhere gives the same snapshot.
    static func snapshotHash(_ batches: [ImportBatch]) -> String {
        let lines = batches.map { b in
            [b.instrument, b.kind, b.sha256, String(b.rowsRead), String(b.rowsAccepted), String(b.rowsDuplicate),
             String(b.rowsChanged), String(b.rowsErased), String(b.rowsRejected)].joined(separator: "\t")
        }.sorted()
        return sha256Hex(of: Array(lines.map { $0 + "\n" }.joined().utf8))
    }

    static func rows(_ data: ChapterData, sections: [ChapterSectionView], representativeness: RepresentativenessView?) -> [ProvenanceRowView] {
        var rows = [
            ProvenanceRowView(item: "Data snapshot (SHA-256 over \(data.batches.count) import batches)", value: snapshotHash(data.batches)),
            ProvenanceRowView(item: "Codebook version", value: data.sample.codebookVersion),
            ProvenanceRowView(item: "Codebook file (SHA-256)", value: data.sample.codebookSHA256),
            ProvenanceRowView(item: "Tool", value: toolVersion),
            ProvenanceRowView(item: "Minimum cell size", value: String(data.minimumCell)),
            ProvenanceRowView(item: "Whole chapter", value: "consult chapter --min-cell \(data.minimumCell)"),
        ]
        for section in sections {
            if let table = section.themeTable { rows.append(ProvenanceRowView(item: "Section \(section.number): themes by group", value: table.query)) }
            if !section.differences.isEmpty || section.noDifferences {
                rows.append(ProvenanceRowView(item: "Section \(section.number): differences between groups",
                                              value: "consult themes --by group (Newcombe interval and chi-square on the 2x2 per theme)"))
            }
            for table in section.closedTables { rows.append(ProvenanceRowView(item: "Section \(section.number): \(table.caption)", value: table.query)) }
        }
        if let representativeness { rows.append(ProvenanceRowView(item: "Who responded", value: representativeness.table.query)) }
        if data.agreement != nil { rows.append(ProvenanceRowView(item: "Inter-coder agreement", value: "consult code agreement --coders (the human coders)")) }
        return rows
    }
}
