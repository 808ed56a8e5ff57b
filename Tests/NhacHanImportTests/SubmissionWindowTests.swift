import NhacHanCore
import NhacHanImport
import Testing

/// A contest's or a call's time to send in: its end is the senders' last day, though no
/// delivering verb governs it; the times of judging and of the ceremony are no deadline.
@Suite("Times to send in")
struct SubmissionWindowTests {
    private func dated(_ body: String) -> [(action: String, kind: DraftDeadline.Kind, date: String?)] {
        let d = DirectiveImporter().draft(text: """
        HỘI NHIẾP ẢNH THÀNH PHỐ
        Số: 12/TB-HNA
        Thành phố, ngày 01 tháng 12 năm 2021
        THÔNG BÁO
        Cuộc thi ảnh Mùa xuân 2022
        Hội thông báo cuộc thi ảnh như sau.
        \(body)
        """, sourceName: "tb.txt")
        return d.tasks.compactMap { t in t.deadline.map { (t.action, $0.kind, $0.date?.description) } }
    }

    @Test("a label on its own line gives the window under it as the time to send in; judging is no deadline")
    func labelOverItsWindow() {
        let got = dated("""
        Thời gian nhận ảnh:
        Từ ngày ra thông báo đến hết ngày 10/01/2022
        Thời gian chấm ảnh:
        Chấm online vòng loại từ ngày 12/01/2022 đến ngày 14/01/2022
        """)
        #expect(got.count == 1, "\(got)")
        #expect(got.first?.kind == .through)
        #expect(got.first?.date == "2022-01-10")
        #expect(got.first?.action == "Nhận ảnh")
    }

    @Test("the work a label names ends at its colon, not in the window's start")
    func actionStopsAtTheColon() {
        let got = dated("1. Thời gian dự thi: Từ ngày 05/12/2021 đến ngày 30/12/2021.")
        #expect(got.map(\.action) == ["Dự thi"])
        #expect(got.first?.date == "2021-12-30")
    }

    @Test("the time of judging told after the time to send in, in one sentence, is no deadline, even with its start damaged")
    func judgingAfterReceiving() {
        for start in ["1.9.2014", "1.92014"] {
            let got = dated("Theo kế hoạch, thời gian thu nhận hồ sơ từ ngày 1.6 đến ngày 30.8.2014; thời gian tổ chức chấm chọn tác phẩm từ ngày \(start) đến ngày 30.10.2014.")
            #expect(got.map(\.date) == ["2014-08-30"], "\(start): \(got)")
        }
    }

    @Test("a window to receive what senders send in ends on their last day; receiving recruits is no such window")
    func receivingWindow() {
        #expect(dated("Ban Tổ chức nhận ảnh dự thi từ ngày 01/12/2021 đến ngày 31/12/2021.").map(\.date) == ["2021-12-31"])
        #expect(dated("Các trường nhận đơn đăng ký từ ngày 05/12/2021 đến ngày 20/12/2021.").map(\.date) == ["2021-12-20"])
        #expect(dated("Các đơn vị nhận quân từ ngày 10/12/2021 đến ngày 21/12/2021 tổ chức bàn giao.").isEmpty)
    }

    @Test("a time to send comments or contributions ends on the senders' last day")
    func commentsAndContributions() {
        #expect(dated("Thời gian lấy ý kiến: từ ngày 01/12/2021 đến ngày 20/12/2021.").map(\.date) == ["2021-12-20"])
        #expect(dated("Thời gian đóng góp tại cơ sở đến hết ngày 15/12/2021.").map(\.date) == ["2021-12-15"])
    }
}
