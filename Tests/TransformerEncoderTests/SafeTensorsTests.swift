import Foundation
import Testing
@testable import TransformerEncoder

@Suite("safetensors reader")
struct SafeTensorsTests {
    let sample: Data = try! SafeTensors.encode(
        [("a.weight", [2, 3], [1, 2, 3, 4, 5, 6]), ("a.bias", [3], [-1, 0.5, 1e-7])], metadata: ["format": "pt"])

    @Test("what encode writes reads back: names, shapes, values, metadata")
    func roundTrip() throws {
        let file = try SafeTensors(data: sample, source: "sample")
        #expect(Set(file.entries.keys) == ["a.weight", "a.bias"])
        #expect(file.entries["a.weight"]?.shape == [2, 3])
        #expect(try file.floats("a.weight", shape: [2, 3]) == [1, 2, 3, 4, 5, 6])
        #expect(try file.floats("a.bias") == [-1, 0.5, 1e-7])
        #expect(file.metadata == ["format": "pt"])
    }

    static let damaged: [(String, @Sendable (Data) -> Data, String)] = [
        ("empty file", { _ in Data() }, "shorter than the 8-byte header length"),
        ("cut inside the header", { $0.prefix(20) }, "truncated: header says"),
        ("cut inside the data", { $0.dropLast(4) }, "truncated: tensor"),
        ("header not JSON", { data in var d = data; d[8] = UInt8(ascii: "!"); return d }, "not a JSON object"),
        ("absurd header length", { data in var d = data; d[7] = 0x7F; return d }, "implausible"),
    ]

    @Test("a damaged file is a clear error naming the file", arguments: 0..<damaged.count)
    func damagedFile(_ index: Int) throws {
        let (_, damage, message) = Self.damaged[index]
        do {
            _ = try SafeTensors(data: damage(sample), source: "weights.safetensors")
            Issue.record("\(Self.damaged[index].0) was accepted")
        } catch let error as SafeTensorsError {
            #expect(error.description.hasPrefix("weights.safetensors: "))
            #expect(error.problem.contains(message), "\(error.problem)")
        }
    }

    func header(_ json: String, dataBytes: Int) -> Data {
        var data = Data()
        withUnsafeBytes(of: UInt64(json.utf8.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(Data(json.utf8))
        data.append(Data(count: dataBytes))
        return data
    }

    @Test("entries that do not add up are refused", arguments: [
        (#"{"t":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, "needs 12 bytes"),
        (#"{"t":{"dtype":"Q9","shape":[2],"data_offsets":[0,8]}}"#, "unknown dtype"),
        (#"{"t":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}"#, "shape is not"),
        (#"{"t":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}"#, "data_offsets"),
        (#"{"t":[1,2]}"#, "entry is not an object"),
    ])
    func inconsistentEntry(_ json: String, _ message: String) throws {
        #expect {
            try SafeTensors(data: header(json, dataBytes: 16), source: "x")
        } throws: { error in
            (error as? SafeTensorsError)?.problem.contains(message) == true
        }
    }

    @Test("asking for a missing tensor, another dtype or another shape is an error")
    func wrongRequests() throws {
        let file = try SafeTensors(data: header(#"{"ids":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}"#, dataBytes: 8), source: "x")
        #expect(throws: SafeTensorsError(source: "x", problem: "tensor ids is I64, expected F32")) { try file.floats("ids") }
        #expect(throws: SafeTensorsError(source: "x", problem: "no tensor named w")) { try file.floats("w") }
        let floats = try SafeTensors(data: sample, source: "s")
        #expect(throws: SafeTensorsError(source: "s", problem: "tensor a.bias has shape [3], expected [4]")) { try floats.floats("a.bias", shape: [4]) }
    }

    @Test("the published checkpoint has every tensor the encoder needs, with its shape")
    func publishedCheckpoint() throws {
        let file = try SafeTensors(contentsOf: try ReferenceModel.files().weights)
        for tensor in ParameterLayout(configuration: .miniLM).tensors {
            #expect(file.entries[tensor.name]?.shape == tensor.shape, "\(tensor.name)")
        }
    }
}
