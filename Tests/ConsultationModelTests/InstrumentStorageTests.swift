import ConsultationModel
import Foundation
import TestSupport
import Testing

/// Instruments are stored as JSON in the database; one stored by an older consult must still load.
@Suite struct InstrumentStorageTests {
    @Test func roundTripsAndReadsOneStoredBeforePersonalColumns() throws {
        let optionSets = try InstrumentParser.optionSets(yaml: String(contentsOfFile: ProjectRoot.path("surveys/option-sets.yaml"), encoding: .utf8),
                                                         file: "option-sets.yaml")
        let instrument = try InstrumentParser.instrument(yaml: String(contentsOfFile: ProjectRoot.path("surveys/community-survey.yaml"), encoding: .utf8),
                                                         file: "community-survey.yaml", optionSets: optionSets)
        #expect(instrument.personalColumns == ["name", "email", "phone"])
        let data = try JSONEncoder().encode(instrument)
        #expect(try JSONDecoder().decode(Instrument.self, from: data) == instrument)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["personalColumns"] = nil
        let older = try JSONDecoder().decode(Instrument.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.personalColumns.isEmpty)
        #expect(older.questions == instrument.questions)
    }
}
