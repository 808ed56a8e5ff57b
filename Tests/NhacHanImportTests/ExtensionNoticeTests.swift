import NhacHanCore
import NhacHanImport
import Testing

/// An extension notice recalls the old limit, then moves it: only the new limit is due, and
/// the draft says which one it left out and why.
@Suite("Extension notices")
struct ExtensionNoticeTests {
    private func draft(_ body: String) -> DirectiveDraft {
        DirectiveImporter().draft(text: """
        BAN TỔ CHỨC CUỘC THI
        Số: 05/TB-BTC
        Hà Nội, ngày 20 tháng 9 năm 2021
        THÔNG BÁO
        Về việc gia hạn thời gian nhận tác phẩm dự thi
        \(body)
        """, sourceName: "tb.txt")
    }

    private func dates(_ d: DirectiveDraft) -> [String] {
        d.tasks.compactMap { $0.deadline?.date?.description }
    }

    @Test("the old limit recalled before the move is not due; the moved one is, and a warning names both")
    func oldLimitIsDropped() {
        let d = draft("""
        Theo Thể lệ cuộc thi, thời gian nhận tác phẩm dự thi từ ngày 23/8/2021 đến hết ngày 26/9/2021. Tuy nhiên, do ảnh hưởng của dịch bệnh, Ban Tổ chức quyết định gia hạn thời gian nhận tác phẩm như sau:
        - Thời gian nhận tác phẩm: đến hết ngày 01/10/2021.
        """)
        #expect(dates(d) == ["2021-10-01"])
        #expect(d.warnings.contains { $0.contains("\"đến hết ngày 26/9/2021\" đã được gia hạn đến ngày 1/10/2021") })
    }

    @Test("a limit written after the move is another step and stays")
    func laterStepStays() {
        let d = draft("""
        Sở lùi thời điểm nhận bài tham dự cuộc thi sang ngày 25/3/2022 (hạn cũ là ngày 28/2/2022).
        Mỗi đơn vị chọn bài dự thi xuất sắc gửi về Sở trước ngày 20/3/2022 để tổng hợp.
        """)
        #expect(dates(d).contains("2022-03-20"))
    }

    @Test("a limit set in the sentence that says it was moved is the new one")
    func limitInTheMoveStays() {
        let d = draft("""
        Các trường hoàn thành kết thúc học kỳ II trước ngày 28/6/2020 (tức điều chỉnh lùi 01 tháng so với những năm học trước); xét công nhận tốt nghiệp hoàn thành trước ngày 15/7/2020.
        """)
        #expect(dates(d).contains("2020-06-28"))
    }

    @Test("a move of other work leaves an earlier limit alone")
    func otherWorkStays() {
        let d = draft("""
        Các đơn vị gửi báo cáo tổng kết về Sở trước ngày 15/9/2021.
        Ban Tổ chức gia hạn thời gian nhận tác phẩm dự thi đến hết ngày 01/10/2021.
        """)
        #expect(dates(d).contains("2021-09-15"))
        #expect(dates(d).contains("2021-10-01"))
    }
}
