import Hummingbird
import NhacHanCore

/// `/status.csv` and `/status.xlsx`: the coordinator's filtered rows, to hand to leadership.
struct ExportRoutes: Sendable {
    var server: ServerContext

    func register(on router: Router<BasicRequestContext>) {
        router.get("/status.csv") { request, _ in
            try await export(request) { lines in
                (CSVExport.render(lines), "text/csv; charset=utf-8", "csv")
            }
        }
        router.get("/status.xlsx") { request, _ in
            try await export(request) { lines in
                let bytes = try await Task.detached { try XLSXExport.render(lines) }.value
                return (bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
            }
        }
    }

    private func export(_ request: Request, render: ([StatusLine]) async throws -> ([UInt8], String, String)) async throws -> Response {
        let environment = server.state.environment
        switch await CoordinatorRoutes.coordinator(request, server: server, environment: environment) {
        case .failure(let refusal):
            return refusal.response
        case .success:
            let filter = StatusFilter { request.uri.queryParameters.get($0) }
            let now = environment.zone.local(unix: server.clock())
            let lines = try await StatusView(environment: environment).lines(store: server.store, filter: filter, now: now)
            let (bytes, type, suffix) = try await render(lines)
            let name = "tinh-hinh-bao-cao-\(now.day.description).\(suffix)"
            return Response(
                status: .ok,
                headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
