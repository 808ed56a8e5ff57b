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
            // Links are signed per unit: markers too, filled from each unit's own content.
            if key.feedURL != nil { key.feedURL = Self.feedMarker }
            for index in key.items.indices where key.items[index].ackURL != nil {
                key.items[index].ackURL = Self.ackMarker(index)
            }
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
                let plain = MarkedText.Values(content, escape: { $0 })
                let subject = marked.subject.filled(plain)
                try HeaderValue.validate(subject, field: "Subject")
                return RenderedReminder(
                    subject: subject, text: marked.text.filled(plain),
                    html: marked.html.filled(MarkedText.Values(content, escape: Self.htmlEscaped)),
                    chat: marked.chat.filled(plain))
            }
        }
    }

    /// Private-use characters: NFC leaves them alone, HTML escaping too, and no config holds them
    /// (the loader refuses them in names).
    static let idMarker = "\u{E000}unit-id\u{E000}"
    static let nameMarker = "\u{E001}unit-name\u{E001}"
    static let feedMarker = "\u{E003}feed\u{E003}"
    /// The ack link of the item at `index`: `U+E002`, the index in decimal, `U+E002`.
    static func ackMarker(_ index: Int) -> String { "\u{E002}\(index)\u{E002}" }

    /// A value as the HTML template's `{{x}}` writes it: Mustache's own escaping.
    static func htmlEscaped(_ value: String) -> String {
        escaper.render(["v": value])
    }

    private static let escaper: MustacheTemplate = {
        do { return try MustacheTemplate(string: "{{v}}") } catch { preconditionFailure("a one-tag template parses: \(error)") }
    }()

    /// Whether every use of `unit_name` and `unit_id` in the sources is a plain `{{…}}` tag
    /// (no section, transform, or unescaped `{{{…}}}`), and every use of the link fields a
    /// plain tag or a section that only tests them.
    static func usesUnitFieldsPlainly(_ sources: [String]) -> Bool {
        sources.allSatisfy { source in
            let plain = ["unit_name", "unit_id"].allSatisfy { field in
                source.ranges(of: "{{{\(field)}}}").isEmpty
                    && source.ranges(of: field).count == source.ranges(of: "{{\(field)}}").count
            }
            let links = ["ack_url", "feed_url"].allSatisfy { field in
                source.ranges(of: "{{{\(field)}}}").isEmpty
                    && source.ranges(of: field).count == ["{{", "{{#", "{{^", "{{/"].map { source.ranges(of: "\($0)\(field)}}").count }.reduce(0, +)
            }
            return plain && links
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
        case feed
        case ack(Int)
    }

    /// One unit's values for the markers, escaped as the template would have escaped them.
    struct Values {
        var id: String
        var name: String
        var feed: String
        var acks: [String]

        init(_ content: ReminderContent, escape: (String) -> String) {
            id = escape(content.unitID.nfc)
            name = escape(content.unitName.nfc)
            feed = content.feedURL.map(escape) ?? ""
            acks = content.items.map { $0.ackURL.map(escape) ?? "" }
        }
    }

    var pieces: [Piece] = []
    var literalBytes = 0

    init(_ text: String) {
        let id = Array(ReminderTemplates.idMarker.utf8), name = Array(ReminderTemplates.nameMarker.utf8)
        let feed = Array(ReminderTemplates.feedMarker.utf8)
        let ackFence: [UInt8] = [0xEE, 0x80, 0x82]  // U+E002
        let bytes = Array(text.utf8)
        var start = 0, index = 0
        func flush(_ end: Int) {
            guard end > start else { return }
            let from = text.utf8.index(text.utf8.startIndex, offsetBy: start)
            let to = text.utf8.index(text.utf8.startIndex, offsetBy: end)
            pieces.append(.literal(text[from..<to]))
            literalBytes += end - start
        }
        func marker(_ marker: [UInt8], _ piece: Piece) -> Bool {
            guard bytes[index...].starts(with: marker) else { return false }
            flush(index)
            pieces.append(piece)
            index += marker.count
            start = index
            return true
        }
        while index < bytes.count {
            // Every marker starts with a private-use scalar (EE 80 8x in UTF-8).
            if bytes[index] == 0xEE {
                if marker(id, .id) || marker(name, .name) || marker(feed, .feed) { continue }
                if bytes[index...].starts(with: ackFence) {
                    var end = index + 3, number = 0
                    while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39 {
                        number = number * 10 + Int(bytes[end] - 0x30)
                        end += 1
                    }
                    if end > index + 3, bytes[end...].starts(with: ackFence) {
                        flush(index)
                        pieces.append(.ack(number))
                        index = end + 3
                        start = index
                        continue
                    }
                }
            }
            index += 1
        }
        flush(bytes.count)
    }

    /// The text with each marker replaced, in NFC (a no-op check for NFC input).
    func filled(_ values: Values) -> String {
        var out = ""
        out.reserveCapacity(literalBytes + 4 * (values.name.utf8.count + values.id.utf8.count))
        for piece in pieces {
            switch piece {
            case .literal(let text): out += text
            case .id: out += values.id
            case .name: out += values.name
            case .feed: out += values.feed
            case .ack(let index): out += index < values.acks.count ? values.acks[index] : ""
            }
        }
        return out.nfc
    }
}
