import Hummingbird
import Logging

/// One log line per request, with the route's pattern instead of its path (so no token of a
/// link ever reaches a log), its status and its time; and the request counter of `/metrics`.
struct AccessLog: RouterMiddleware {
    typealias Context = BasicRequestContext

    var context: ServerContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let status: HTTPResponse.Status
        let response: Response
        do {
            response = try await next(request, context)
            status = response.status
        } catch let error as any HTTPResponseError {
            log(request, route: context.endpointPath, status: error.status, start: start)
            throw error
        } catch {
            log(request, route: context.endpointPath, status: .internalServerError, start: start)
            throw error
        }
        log(request, route: context.endpointPath, status: status, start: start)
        return response
    }

    private func log(_ request: Request, route: String?, status: HTTPResponse.Status, start: ContinuousClock.Instant) {
        let pattern = route ?? "(không có tuyến)"
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        self.context.logger.info(
            "http",
            metadata: ["method": "\(request.method.rawValue)", "route": "\(pattern)", "status": "\(status.code)", "ms": "\(Int(ms.rounded()))"])
        self.context.metrics.makeCounter(name: "nhachan_http_requests_total", labels: [("route", pattern), ("status", String(status.code))])
            .increment()
    }
}
