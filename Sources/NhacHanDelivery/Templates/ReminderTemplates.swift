public import Foundation
import Mustache

/// The four templates of a reminder: subject, plain-text body, HTML body, chat text.
///
/// Subject, text and chat render as plain text (no HTML escaping: `{{x}}` is the value as
/// is); the HTML body escapes every `{{x}}`. A configuration may point at a directory of its
/// own (`subject.mustache`, `body.txt.mustache`, `body.html.mustache`, `chat.mustache`);
/// a file it leaves out keeps the built-in Vietnamese default.
public struct ReminderTemplates: Sendable {
    public static let fileNames = (
        subject: "subject.mustache", text: "body.txt.mustache", html: "body.html.mustache", chat: "chat.mustache"
    )

    let subject: MustacheTemplate
    let text: MustacheTemplate
    let html: MustacheTemplate
    let chat: MustacheTemplate
    /// Whether a batch may render each distinct reminder once (see `render(batch:)`).
    let unitFieldsArePlain: Bool

    /// The built-in Vietnamese templates.
    public static let defaults: ReminderTemplates = {
        do {
            return try ReminderTemplates(
                subject: Defaults.subject, text: Defaults.text, html: Defaults.html, chat: Defaults.chat)
        } catch {
            preconditionFailure("the built-in templates do not parse: \(error)")
        }
    }()

    /// Templates from source text.
    public init(subject: String, text: String, html: String, chat: String) throws(TemplateError) {
        self.unitFieldsArePlain = Self.usesUnitFieldsPlainly([subject, text, html, chat])
        self.subject = try Self.parse(subject, name: "subject", plainText: true)
        self.text = try Self.parse(text, name: "text", plainText: true)
        self.html = try Self.parse(html, name: "html", plainText: false)
        self.chat = try Self.parse(chat, name: "chat", plainText: true)
    }

    /// Templates from `directory`, each missing file replaced by the default.
    public init(directory: URL) throws(TemplateError) {
        func load(_ name: String, _ fallback: String) throws(TemplateError) -> String {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return fallback }
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else { throw TemplateError(template: url.path, message: "cannot be read as UTF-8") }
            return text
        }
        try self.init(
            subject: load(Self.fileNames.subject, Defaults.subject),
            text: load(Self.fileNames.text, Defaults.text),
            html: load(Self.fileNames.html, Defaults.html),
            chat: load(Self.fileNames.chat, Defaults.chat)
        )
    }

    /// Renders every template for `content`; all output is NFC.
    ///
    /// - throws: `HeaderValueError` when the rendered subject would carry CR or LF (a unit
    ///   name or directive subject with a line break, say): it is refused, never sent.
    public func render(_ content: ReminderContent) throws(HeaderValueError) -> RenderedReminder {
        try HeaderValue.validate(content.unitName, field: "unit name")
        let rendered = renderUnchecked(content)
        try HeaderValue.validate(rendered.subject, field: "Subject")
        return rendered
    }

    /// The four texts, without the header checks.
    func renderUnchecked(_ content: ReminderContent) -> RenderedReminder {
        let model = TemplateModel.make(content)
        let subject = self.subject.render(model).nfc
        return RenderedReminder(
            subject: subject,
            text: text.render(model).nfc,
            html: html.render(model).nfc,
            chat: chat.render(model).nfc.trimmingCharacters(in: .newlines)
        )
    }

    private static func parse(_ source: String, name: String, plainText: Bool) throws(TemplateError) -> MustacheTemplate {
        var source = source.precomposedStringWithCanonicalMapping
        if plainText, source.hasSuffix("\n"), name == "subject" {
            source.removeLast()  // the file's final newline is not part of the subject
        }
        let pragma = plainText ? "{{% CONTENT_TYPE: TEXT}}" : ""
        do {
            return try MustacheTemplate(string: pragma + source)
        } catch {
            throw TemplateError(template: name, message: "\(error)")
        }
    }

}

/// A template that does not parse.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    public var template: String
    public var message: String
    public var description: String { "template \(template): \(message)" }
}

/// A reminder's rendered texts.
public struct RenderedReminder: Hashable, Sendable {
    public var subject: String
    public var text: String
    public var html: String
    /// For chat webhooks (Slack, Google Chat, Teams, Telegram).
    public var chat: String
}
