import Foundation
import Hummingbird
import HummingbirdTesting
import NhacHanServer
import Testing
import Yams

/// docs/openapi.yaml and the server cannot drift: the same routes, the same JSON keys.
@Suite("docs/openapi.yaml")
struct OpenAPISpecTests {
    static let specPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/openapi.yaml").path

    static func spec() throws -> [String: Any] {
        try #require(try Yams.load(yaml: String(contentsOfFile: specPath, encoding: .utf8)) as? [String: Any])
    }

    @Test("every route of the server is in the spec, and every operation of the spec is a route")
    func sameRoutes() async throws {
        let fixture = try ServerFixture()
        let context = ServerContext(
            state: ServerState(fixture.environment), store: fixture.store, clock: { 0 }, metrics: fixture.metrics, logger: .init(label: "t"))
        let served = Set(NhacHanServer(context: context).router().routes.map { "\($0.method.rawValue.lowercased()) \($0.path)" })
        let paths = try #require(try Self.spec()["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in
            operations.keys.filter { $0 != "parameters" }.map { "\($0) \(path)" }
        })
        #expect(served == documented)
    }

    @Test("the API's status rows carry exactly the keys the spec's StatusRow requires")
    func statusRowKeys() async throws {
        let components = try #require(try Self.spec()["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: [String: Any]])
        let required = Set(try #require(schemas["StatusRow"]?["required"] as? [String]))
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let response = try await client.execute(
                uri: "/api/v1/status", method: .get, headers: [.authorization: "Bearer \(ServerFixture.apiToken)"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
            #expect(!rows.isEmpty)
            for row in rows { #expect(Set(row.keys) == required) }
        }
    }
}
