import NhacHanCore
import NhacHanImport
import Testing

/// A district's công văn as a clerk gets it: who it is for, who does what by when, each read
/// the way the clerk would write the config by hand.
@Suite("A district letter drafted whole")
struct DistrictLetterTests {
    private let letter = DirectiveImporter().draft(text: """
    ỦY BAN NHÂN DÂN
    HUYỆN THANH OAI
    Số: 1234/UBND-NV
    V/v báo cáo kết quả thực hiện công tác cải cách hành chính quý IV và năm 2024
    Thanh Oai, ngày 02 tháng 12 năm 2024
    Kính gửi:
    - Các phòng, ban, ngành thuộc UBND huyện;
    - UBND các xã, thị trấn.
    UBND huyện đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:
    1. Các phòng, ban, ngành thuộc UBND huyện xây dựng báo cáo kết quả thực hiện công tác cải cách hành chính quý IV và năm 2024 (theo đề cương gửi kèm), gửi về UBND huyện (qua Phòng Nội vụ) trước ngày 10/12/2024.
    2. UBND các xã, thị trấn tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024, gửi kết quả về Phòng Nội vụ chậm nhất ngày 15/12/2024.
    3. Từ năm 2025, các cơ quan, đơn vị thực hiện báo cáo định kỳ hằng quý trước ngày 12 của tháng cuối quý; báo cáo năm trước ngày 12/12.
    """, sourceName: "cv.txt")

    @Test("a group of one organ's offices is one recipient: 'Các phòng, ban, ngành thuộc UBND huyện'")
    func groupRecipient() {
        #expect(letter.recipients == ["Các phòng, ban, ngành thuộc UBND huyện", "UBND các xã, thị trấn"])
    }

    @Test("a numbered item's units end where its work begins, 'tự đánh giá' included")
    func itemUnits() {
        let units = letter.tasks.filter { $0.deadline?.date != nil }.map(\.units)
        #expect(units == [["phong-ban-nganh-thuoc-uy-ban-nhan-dan-huyen"], ["uy-ban-nhan-dan-xa-thi-tran"]])
    }

    @Test("a delivery with no object of its own sends the work of the clause before it")
    func workBeforeDelivery() {
        #expect(letter.tasks.first?.action
            == "Xây dựng báo cáo kết quả thực hiện công tác cải cách hành chính quý IV và năm 2024, gửi về UBND huyện")
    }

    @Test("a regime 'Từ năm 2025' starts on 1 January 2025, not on the letter's date")
    func laterStart() {
        let starts = letter.tasks.compactMap(\.deadline).filter { $0.kind == .every }.map { $0.start?.description }
        #expect(starts == ["2025-01-01", "2025-01-01"])
    }

    @Test("two tasks of one line give their warning once")
    func warningsOnce() {
        #expect(letter.warnings.count == Set(letter.warnings).count)
    }
}
