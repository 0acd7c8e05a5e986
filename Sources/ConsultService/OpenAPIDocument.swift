import Foundation

/// `openapi.json`, the service's OpenAPI 3.1 description, kept in the repository beside this file and
/// served as it is at `/openapi.json` (a test checks its paths against `ConsultServer.routes`).
public enum OpenAPIDocument {
    public static let text: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }()
}
