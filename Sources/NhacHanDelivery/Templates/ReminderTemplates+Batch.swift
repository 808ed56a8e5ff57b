import Mustache

/// Rendering a batch: the same reminder to many units renders once.
///
/// A campaign sends one directive's reminder to every commune at the same instant: the
/// messages differ only in the unit's name and id. When the templates use those two fields
/// only as plain `{{unit_name}}` / `{{unit_id}}` (as the built-in ones do), the batch renders
/// each distinct reminder once with markers in their place and then puts each unit's values
/// in, escaped for HTML where the HTML template would have escaped them. Templates that do
/// anything else with them (a section, a transform) are rendered message by message.
extension ReminderTemplates {
    /// Renders every content; the results are what `render(_:)` gives for each one.
    public func render(batch contents: [ReminderContent]) -> [Result<RenderedReminder, HeaderValueError>] {
        guard unitFieldsArePlain, contents.count > 1 else {
            return contents.map { content in Result { () throws(HeaderValueError) in try render(content) } }
        }
        var generic: [ReminderContent: Int] = [:]
        var distinct: [ReminderContent] = []
        let keys = contents.map { content -> Int in
            var key = content
            key.unitID = Self.idMarker
            key.unitName = Self.nameMarker
            if let index = generic[key] { return index }
            generic[key] = distinct.count
            distinct.append(key)
            return distinct.count - 1
        }
        let shared = distinct.map { content -> MarkedReminder in
            let rendered = renderUnchecked(content)
            return MarkedReminder(
                subject: MarkedText(rendered.subject), text: MarkedText(rendered.text), html: MarkedText(rendered.html),
                chat: MarkedText(rendered.chat))
        }
        return zip(contents, keys).map { content, key in
            Result { () throws(HeaderValueError) in
                let marked = shared[key]
                try HeaderValue.validate(content.unitName, field: "unit name")
                let id = content.unitID.nfc, name = content.unitName.nfc
                let subject = marked.subject.filled(id: id, name: name)
                try HeaderValue.validate(subject, field: "Subject")
                return RenderedReminder(
                    subject: subject, text: marked.text.filled(id: id, name: name),
                    html: marked.html.filled(id: Self.htmlEscaped(id), name: Self.htmlEscaped(name)),
                    chat: marked.chat.filled(id: id, name: name))
            }
        }
    }

    /// Private-use characters: NFC leaves them alone, HTML escaping too, and no config holds them
    /// (the loader refuses them in names).
    static let idMarker = "\u{E000}unit-id\u{E000}"
    static let nameMarker = "\u{E001}unit-name\u{E001}"

    /// A value as the HTML template's `{{x}}` writes it: Mustache's own escaping.
    static func htmlEscaped(_ value: String) -> String {
        escaper.render(["v": value])
    }

    private static let escaper: MustacheTemplate = {
        do { return try MustacheTemplate(string: "{{v}}") } catch { preconditionFailure("a one-tag template parses: \(error)") }
    }()

    /// Whether every use of `unit_name` and `unit_id` in the sources is a plain `{{…}}` tag
    /// (no section, transform, or unescaped `{{{…}}}`).
    static func usesUnitFieldsPlainly(_ sources: [String]) -> Bool {
        sources.allSatisfy { source in
            ["unit_name", "unit_id"].allSatisfy { field in
                source.ranges(of: "{{{\(field)}}}").isEmpty
                    && source.ranges(of: field).count == source.ranges(of: "{{\(field)}}").count
            }
        }
    }
}

/// A rendered reminder with the unit's markers still in it.
struct MarkedReminder {
    var subject: MarkedText
    var text: MarkedText
    var html: MarkedText
    var chat: MarkedText
}

/// A text cut at its unit markers once, then filled for each unit by concatenation.
struct MarkedText {
    enum Piece {
        case literal(Substring)
        case id
        case name
    }

    var pieces: [Piece] = []
    var literalBytes = 0

    init(_ text: String) {
        let id = Array(ReminderTemplates.idMarker.utf8), name = Array(ReminderTemplates.nameMarker.utf8)
        let bytes = Array(text.utf8)
        var start = 0, index = 0
        func flush(_ end: Int) {
            guard end > start else { return }
            let from = text.utf8.index(text.utf8.startIndex, offsetBy: start)
            let to = text.utf8.index(text.utf8.startIndex, offsetBy: end)
            pieces.append(.literal(text[from..<to]))
            literalBytes += end - start
        }
        while index < bytes.count {
            // Both markers start with a private-use scalar (EE 80 80 or EE 80 81 in UTF-8).
            if bytes[index] == 0xEE {
                if bytes[index...].starts(with: id) {
                    flush(index)
                    pieces.append(.id)
                    index += id.count
                    start = index
                    continue
                }
                if bytes[index...].starts(with: name) {
                    flush(index)
                    pieces.append(.name)
                    index += name.count
                    start = index
                    continue
                }
            }
            index += 1
        }
        flush(bytes.count)
    }

    /// The text with each marker replaced, in NFC (a no-op check for NFC input).
    func filled(id: String, name: String) -> String {
        var out = ""
        out.reserveCapacity(literalBytes + 4 * (name.utf8.count + id.utf8.count))
        for piece in pieces {
            switch piece {
            case .literal(let text): out += text
            case .id: out += id
            case .name: out += name
            }
        }
        return out.nfc
    }
}
