/// A time to take part or send something in: "Thời gian dự thi: Từ ngày 05/4/2021 đến ngày
/// 30/4/2021", "Thời gian phát động cuộc thi đến hết ngày 1/3/2023", "Thời gian nhận ảnh:" over
/// "Từ ngày ra thông báo đến hết ngày 10/01/2022". Its end is the last day to send, though no
/// delivering verb governs it; "Thời gian thực hiện", "Thời gian tổ chức" stay activity windows.
extension TaskExtractor {
    /// Where the work of a label opening the clause begins ("dự thi" in "1. Thời gian dự thi:").
    static func submissionLabel(_ t: [Token]) -> Int? {
        guard let k = t.indices.first(where: { t[$0].kind == .word }),
              t.matches("thoi gian", at: k) || t.matches("thoi han", at: k) else { return nil }
        return SendingIn.labels(t, at: k + 2) ? k + 2 : nil
    }

    /// Where the work named by the label ends: at its colon or the window's "từ", else at the
    /// date; nil when the hit is no last day to send (a count, an undated duty).
    static func submissionEnd(_ hit: DeadlineHit, _ t: [Token], label k: Int) -> Int? {
        guard k < hit.tokenStart, [.before, .through, .at].contains(hit.deadline.kind) else { return nil }
        return (k..<hit.tokenStart).first { t[$0].text == ":" || t[$0].is("tu") } ?? hit.tokenStart
    }
}
