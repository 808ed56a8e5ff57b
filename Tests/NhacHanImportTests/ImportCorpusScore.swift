import Foundation
import NhacHanImport

/// The figures of `bench/import.sh`, computed in process on one set of the corpus.
///
/// Same definitions as `bench/import/score.py`: a deadline is right when its kind and date
/// match (the time of an `at`, the RRULE and before/through of an `every`, n and unit of a
/// `within`); an invented date is a drafted before/through/at deadline whose day is no
/// expected deadline's; numbers and issue dates count where the text has one (recall) and
/// where the draft gives one (precision).
struct ImportCorpusScore: CustomStringConvertible {
    var texts = 0
    var deadlinesRight = 0, deadlinesDrafted = 0, deadlinesExpected = 0, invented = 0
    var numbersRight = 0, numbersDrafted = 0, numbersExpected = 0
    var issuedRight = 0, issuedDrafted = 0, issuedExpected = 0

    static let corpus = TestSupport.fixtures.appendingPathComponent("Corpus")

    /// - Parameter firm: only the tasks a draft makes active (tentative ones, written as
    ///   comments for the clerk to confirm, left out), like `score.py --firm`.
    static func measure(_ set: String, firm: Bool = false) throws -> ImportCorpusScore {
        var score = ImportCorpusScore()
        let folder = corpus.appendingPathComponent(set)
        for name in try documents(in: set) {
            let stem = (name as NSString).deletingPathExtension
            let text = try DocumentReader.readText(path: folder.appendingPathComponent(name).path)
            let data = try Data(contentsOf: folder.appendingPathComponent(stem + ".expected.json"))
            let expected = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            let draft = DirectiveImporter().draft(text: text, sourceName: name)
            score.add(draft: draft, expected: expected, firm: firm)
        }
        return score
    }

    /// The texts of one set, as published: `.txt`, `.docx` or `.pdf`.
    static func documents(in set: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(set).path)
            .filter { ["txt", "docx", "pdf"].contains(($0 as NSString).pathExtension) }.sorted()
    }

    mutating func add(draft: DirectiveDraft, expected: [String: Any], firm: Bool = false) {
        texts += 1
        let wanted = (expected["deadlines"] as? [[String: Any]]) ?? []
        var left = wanted.map(Self.key)
        let drafted = draft.tasks.filter { !(firm && $0.tentative) }.compactMap(\.deadline).filter { $0.kind != .undated }
        for d in drafted {
            if let k = left.firstIndex(of: Self.key(d)) { left.remove(at: k); deadlinesRight += 1 }
        }
        deadlinesDrafted += drafted.count
        deadlinesExpected += wanted.count
        let days = Set(wanted.filter { ["before", "through", "at"].contains($0["kind"] as? String) }.compactMap { $0["date"] as? String })
        invented += drafted.filter { d in [.before, .through, .at].contains(d.kind) && d.date.map { !days.contains($0.description) } ?? false }.count

        let number = Self.normalized(expected["number"] as? String), gotNumber = Self.normalized(draft.number)
        if number != nil { numbersExpected += 1 }
        if gotNumber != nil { numbersDrafted += 1 }
        if number != nil, number == gotNumber { numbersRight += 1 }
        let issued = expected["issued"] as? String, gotIssued = draft.issued?.description
        if issued != nil { issuedExpected += 1 }
        if gotIssued != nil { issuedDrafted += 1 }
        if issued != nil, issued == gotIssued { issuedRight += 1 }
    }

    static func key(_ d: DraftDeadline) -> String {
        switch d.kind {
        case .before, .through: "\(d.kind.rawValue) \(d.date?.description ?? "-")"
        case .at: "at \(d.date?.description ?? "-") \(d.time ?? "-")"
        case .every: "every \(rule(d.rule)) \(d.recurrenceKind?.rawValue ?? "before")"
        case .within: "within \(d.n ?? 0) \(d.unit ?? "d")"
        case .undated: "undated"
        }
    }

    static func key(_ e: [String: Any]) -> String {
        let kind = e["kind"] as? String ?? ""
        switch kind {
        case "before", "through": return "\(kind) \(e["date"] as? String ?? "-")"
        case "at": return "at \(e["date"] as? String ?? "-") \(e["time"] as? String ?? "-")"
        case "every": return "every \(rule(e["rule"] as? String)) \(e["every_kind"] as? String ?? "before")"
        case "within": return "within \(e["n"] as? Int ?? 0) \(e["unit"] as? String ?? "d")"
        default: return kind
        }
    }

    /// RRULE parts in a stable order, list values sorted.
    static func rule(_ r: String?) -> String {
        (r ?? "").uppercased().split(separator: ";").map { part -> String in
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, ["BYMONTH", "BYMONTHDAY", "BYDAY"].contains(kv[0]) else { return String(part) }
            return kv[0] + "=" + kv[1].split(separator: ",").sorted { ($0.count, $0) < ($1.count, $1) }.joined(separator: ",")
        }.sorted().joined(separator: ";")
    }

    static func normalized(_ number: String?) -> String? {
        number.map { String($0.precomposedStringWithCanonicalMapping.uppercased().filter { !$0.isWhitespace && !"-–—".contains($0) }) }
    }

    static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
    var deadlinePrecision: Double { Self.ratio(deadlinesRight, deadlinesDrafted) }
    var deadlineRecall: Double { Self.ratio(deadlinesRight, deadlinesExpected) }
    var numberPrecision: Double { Self.ratio(numbersRight, numbersDrafted) }
    var numberRecall: Double { Self.ratio(numbersRight, numbersExpected) }
    var issuedPrecision: Double { Self.ratio(issuedRight, issuedDrafted) }
    var issuedRecall: Double { Self.ratio(issuedRight, issuedExpected) }

    var description: String {
        "\(texts) texts: deadlines \(deadlinesRight)/\(deadlinesDrafted) drafted, \(deadlinesRight)/\(deadlinesExpected) expected, "
            + "\(invented) invented; numbers \(numbersRight)/\(numbersDrafted), \(numbersRight)/\(numbersExpected); "
            + "issue dates \(issuedRight)/\(issuedDrafted), \(issuedRight)/\(issuedExpected)"
    }
}
