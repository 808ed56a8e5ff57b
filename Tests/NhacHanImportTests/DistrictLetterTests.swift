import NhacHanCore
import NhacHanImport
import Testing

/// A district's công văn as a clerk gets it: who it is for, who does what by when, each read
/// the way the clerk would write the config by hand.
@Suite("A district letter and a commune plan drafted whole")
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

    private let plan = DirectiveImporter().draft(text: """
    ỦY BAN NHÂN DÂN
    XÃ TÂN HỘI
    Số: 45/KH-UBND
    Tân Hội, ngày 15 tháng 01 năm 2025
    KẾ HOẠCH
    Tổ chức các hoạt động mừng Đảng, mừng Xuân Ất Tỵ năm 2025
    II. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN
    1. Thăm, tặng quà các gia đình chính sách, hộ nghèo: hoàn thành trước ngày 25/01/2025.
    III. TỔ CHỨC THỰC HIỆN
    1. Công chức Văn hóa - Xã hội
    - Chủ trì, phối hợp với Mặt trận Tổ quốc xã lập danh sách các hộ được tặng quà, trình Chủ tịch UBND xã phê duyệt trước ngày 18/01/2025.
    - Tổng hợp kết quả, báo cáo UBND huyện trước ngày 10/02/2025.
    2. Công an xã
    Xây dựng phương án bảo đảm an ninh trật tự trong dịp Tết, báo cáo Chủ tịch UBND xã trước ngày 20/01/2025; tổ chức trực 24/24 giờ từ ngày 27/01/2025 đến hết ngày 03/02/2025; báo cáo tình hình hằng ngày về UBND xã trước 16 giờ.
    3. Các thôn
    Vận động nhân dân treo cờ Tổ quốc; báo cáo kết quả về UBND xã (qua công chức Văn hóa - Xã hội) chậm nhất ngày 05/02/2025.
    """, sourceName: "kh.txt")

    @Test("a commune plan's sections name its officials, its police and its villages as units")
    func communeUnits() {
        let units = plan.tasks.filter { $0.deadline?.date != nil }.map(\.units)
        #expect(units.dropFirst() == [["cong-chuc-van-hoa-xa-hoi"], ["cong-chuc-van-hoa-xa-hoi"], ["cong-an-xa"], ["thon"]])
    }

    @Test("an item 'X: hoàn thành trước ngày D' is the work X; a delivery to a person sends the work before it")
    func planActions() {
        let actions = plan.tasks.filter { $0.deadline?.date != nil }.map(\.action)
        #expect(actions.first == "Thăm, tặng quà các gia đình chính sách, hộ nghèo")
        #expect(actions.contains("Chủ trì, phối hợp với Mặt trận Tổ quốc xã lập danh sách các hộ được tặng quà, trình Chủ tịch UBND xã phê duyệt"))
        #expect(actions.contains("Xây dựng phương án bảo đảm an ninh trật tự trong dịp Tết, báo cáo Chủ tịch UBND xã"))
    }

    @Test("a daily report during a watch is bounded by the watch and keeps its hour")
    func boundedDaily() throws {
        let daily = try #require(plan.tasks.compactMap(\.deadline).first { $0.kind == .every })
        #expect(daily.rule == "FREQ=DAILY;UNTIL=20250203")
        #expect(daily.time == "16:00")
        #expect(daily.start?.description == "2025-01-27")
    }

    @Test("an official's summary waits for the villages' report through them; her own earlier step does not")
    func afterOnlyLater() {
        let villages = plan.tasks.first { $0.units == ["thon"] }
        #expect(villages?.via == "cong-chuc-van-hoa-xa-hoi")
        let official = plan.tasks.filter { $0.units == ["cong-chuc-van-hoa-xa-hoi"] }
        #expect(official.map(\.after) == [nil, villages?.id])
    }
}
