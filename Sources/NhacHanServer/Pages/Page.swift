import HTTPTypes
import Hummingbird
import Mustache

/// Renders a page into the layout and makes the response: HTML, never cached, never sent as a
/// referrer (ack links carry their token in the path).
enum Page {
    private static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        do {
            try library.register(MustacheTemplate(string: PageTemplates.layout), named: "layout")
            try library.register(MustacheTemplate(string: PageTemplates.ack), named: "ack")
            try library.register(MustacheTemplate(string: PageTemplates.message), named: "message")
            try library.register(MustacheTemplate(string: PageTemplates.login), named: "login")
            try library.register(MustacheTemplate(string: PageTemplates.status), named: "status")
        } catch {
            preconditionFailure("the built-in page templates parse: \(error)")
        }
        return library
    }()

    /// Security headers of every page.
    static let headers: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .cacheControl: "no-store",
        HTTPField.Name("Referrer-Policy")!: "no-referrer",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("Content-Security-Policy")!: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    ]

    /// `template` rendered with `values`, inside the layout titled `title`.
    static func render(
        _ template: String, title: String, values: [String: Any], status: HTTPResponse.Status = .ok, coordinator: [String: Any]? = nil
    ) -> Response {
        let body = library.render(values, withTemplate: template) ?? ""
        var layout: [String: Any] = ["title": title, "body": body]
        if let coordinator { layout["coordinator"] = coordinator }
        let html = library.render(layout, withTemplate: "layout") ?? body
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A plain Vietnamese page saying what went wrong or what happened.
    static func message(_ status: HTTPResponse.Status, heading: String, text: String, hint: String? = nil) -> Response {
        var values: [String: Any] = ["heading": heading, "text": text, "is_error": status.code >= 400]
        if let hint { values["hint"] = hint }
        return render("message", title: heading, values: values, status: status)
    }

    /// A 303 to `location` (after a POST, so a reload does not post again).
    static func redirect(_ location: String, cookie: Cookie? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
        if let cookie { response.setCookie(cookie) }
        return response
    }
}
