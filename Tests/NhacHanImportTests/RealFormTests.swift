import NhacHanCore
import NhacHanImport
import Testing

/// Deadline forms met in the corpus of real directives, each in a few lines.
@Suite("Forms of real directives")
struct RealFormTests {
    @Test("a number spelled out in brackets and a written month make one yearly date")
    func spelledYearly() throws {
        let d = TestSupport.draft(text: """
        Các cơ quan gửi báo cáo định kỳ:
        - Chậm nhất ngày 06 (sáu) tháng 06 (sáu) đối với báo cáo định kỳ 06 (sáu) tháng;
        - Chậm nhất ngày 25 (hai mươi lăm) tháng 11 (mười một) đối với báo cáo định kỳ hằng năm.
        """)
        #expect(TestSupport.deadlines(d).compactMap(\.rule) == ["FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=25"])
    }

    @Test("a clause for other units keeps the count and leaves out the event it shares")
    func countSharingItsEvent() {
        let d = TestSupport.draft(text: """
        Đơn vị kế toán phải nộp báo cáo tài chính quý chậm nhất là 20 ngày, kể từ ngày kết thúc quý; đối với Tổng công ty nhà nước chậm nhất là 45 ngày.
        """)
        #expect(TestSupport.deadlines(d).map { "\($0.n ?? 0)\($0.unit ?? "")" } == ["20d", "45d"])
    }

    @Test("two counts told for two kinds of draft share the event after them")
    func twoCountsOneEvent() {
        let d = TestSupport.draft(text: """
        Thời gian góp ý tại Sở tối đa là 04 ngày đối với các dự thảo văn bản bình thường và 05 ngày đối với các dự thảo văn bản phức tạp, kể từ ngày nhận được hồ sơ.
        """)
        #expect(TestSupport.deadlines(d).map { "\($0.n ?? 0)\($0.unit ?? "")" } == ["4d", "5d"])
    }

    @Test("a count after the end of an event: 'Sau 15 ngày khi kết thúc Hội nghị'")
    func countAfterAnEventEnds() {
        let d = TestSupport.draft(text: """
        Sau 15 ngày khi kết thúc Hội nghị, đề nghị các đơn vị gửi báo cáo cho Viện.
        """)
        #expect(TestSupport.deadlines(d).map { "\($0.kind) \($0.n ?? 0)\($0.unit ?? "")" } == ["within 15d"])
    }

    @Test("a timetable line 'Ngày D: <bước>' is done by its day, unless it is held on it")
    func timetableLines() {
        let d = TestSupport.draft(text: """
        Lịch trình bầu cử:
        Ngày 17/2/2021: Hiệp thương lần 1.
        Ngày 12/4/2021: Niêm yết danh sách cử tri.
        Ngày 27/4/2021: Công bố danh sách những người ứng cử.
        Ngày 22/5/2021: Bầu cử toàn quốc.
        """)
        let firm = d.tasks.filter { !$0.tentative && $0.deadline != nil }
        #expect(firm.map { "\($0.deadline!.kind.rawValue) \($0.deadline!.date?.description ?? "-")" } == ["through 2021-04-12", "through 2021-04-27"])
        #expect(firm.map(\.action) == ["Niêm yết danh sách cử tri", "Công bố danh sách những người ứng cử"])
    }

    @Test("each yearless date takes the period it is said for")
    func datePerPeriod() {
        let d = TestSupport.draft(text: """
        Báo cáo gửi về Cục trước ngày 25/06 đối với báo cáo 06 tháng; trước ngày 28/11 đối với báo cáo năm.
        """)
        #expect(TestSupport.deadlines(d).compactMap(\.rule) == ["FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=25", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=28"])
    }

    @Test("each date of a sentence takes the period named last before it")
    func periodPerClause() {
        let d = TestSupport.draft(text: """
        UBND các xã báo cáo hằng tháng trước ngày 25, báo cáo quý trước ngày 15 tháng cuối quý.
        Báo cáo định kỳ hằng tháng gửi về Ban Chỉ đạo trước ngày 18 hằng tháng, báo cáo năm trước ngày 18/12.
        """)
        #expect(TestSupport.deadlines(d).compactMap(\.rule) == ["FREQ=MONTHLY;BYMONTHDAY=25", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15",
                                                    "FREQ=MONTHLY;BYMONTHDAY=18", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=18"])
        let each = TestSupport.draft(text: "Các xã báo cáo tình hình thực hiện định kỳ hằng tháng vào ngày 20, hằng quý vào ngày 20 tháng cuối quý.")
        #expect(TestSupport.deadlines(each).compactMap(\.rule) == ["FREQ=MONTHLY;BYMONTHDAY=20", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"])
    }

    @Test("an exact hour with an apostrophe, and a count after 'chậm nhất sau'")
    func hourAndCount() throws {
        let d = TestSupport.draft(text: """
        ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG
        Số: 1974/UBND-KGVX
        Đắk Nông, ngày 22 tháng 4 năm 2020
        Kính gửi: Các sở, ngành.
        Báo cáo gửi về Ủy ban nhân dân tỉnh chậm nhất 10h00' ngày 27/4/2020.
        Chậm nhất sau 15 ngày kể từ ngày đoàn về nước, học viên phải gửi báo cáo về cơ quan.
        """)
        let found = TestSupport.deadlines(d)
        #expect(found.first?.kind == .at && found.first?.time == "10:00" && found.first?.date?.description == "2020-04-27")
        #expect(found.contains { $0.kind == .within && $0.n == 15 && $0.unit == "d" })
    }

    @Test("a data period and an effective date are no deadline")
    func notDeadlines() {
        let d = TestSupport.draft(text: """
        ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG
        Số: 1974/UBND-KGVX
        Đắk Nông, ngày 22 tháng 4 năm 2020
        Kính gửi: Các sở, ngành.
        Các đơn vị báo cáo kết quả thực hiện từ ngày 30/01/2020 đến ngày 24/4/2020 theo đề cương.
        Số liệu báo cáo tính đến hết ngày 20/4/2020.
        Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.
        """)
        #expect(TestSupport.deadlines(d).isEmpty)
    }

    @Test("a timetable flattened one cell per line gives each step its last day")
    func timetable() {
        let d = TestSupport.draft(text: """
        TT
        Nội dung công việc
        Ngày chậm nhất phải hoàn thành
        1
        Triển khai công tác bầu cử ở cấp huyện
        27/01/2021
        2
        Mở hội nghị triển khai công tác bầu cử ở cấp xã
        29/01/2021
        """)
        #expect(TestSupport.deadlines(d).map { "\($0.kind.rawValue) \($0.date?.description ?? "-")" } == ["through 2021-01-27", "through 2021-01-29"])
    }

    @Test("a verb inside a quoted title does not govern the deadline after it")
    func quotedVerb() {
        let d = TestSupport.draft(text: """
        Kính gửi: Các cơ sở Đoàn.
        Tác giả gửi bài về Ban biên tập, ngoài bì thư ghi rõ “Thư gửi Đại hội Đoàn” hoặc qua email từ nay đến ngày 20/7/2012.
        """)
        #expect(TestSupport.deadlines(d).map { "\($0.kind.rawValue) \($0.date?.description ?? "-")" } == ["through 2012-07-20"])
        #expect(d.tasks.first?.action.hasPrefix("Gửi bài") == true, "\(d.tasks.map(\.action))")
    }

    @Test("a report-form table repeats a receiving day under ditto marks, and a form's corner block above its title is read")
    func reportForms() {
        let table = TestSupport.draft(text: """
        Tên biểu Ký hiệu biểu Kỳ báo cáo Ngày nhận báo cáo
        1. Báo cáo hoạt động SXCN 01-CS/SXCN Tháng Ngày 12 tháng sau tháng báo
        cáo
        2. Báo cáo hoạt động thương mại
        01-CS/HĐTM Tháng “ x Có hoạt động bán buôn, bán lẻ
        3. Báo cáo hoạt động vận tải, kho bãi
        01-CS/VTKB Tháng “ x Có hoạt động vận tải, kho bãi
        """)
        #expect(TestSupport.deadlines(table).map { $0.rule ?? "-" } == Array(repeating: "FREQ=MONTHLY;BYMONTHDAY=12", count: 3))
        let corner = TestSupport.draft(text: """
        Biểu số: 11a/BTP/HCTP/HT/KSKT
        Ban hành theo Thông tư số 08/2011/TT-BTP ngày 05/4/2011.
        Ngày nhận báo cáo (BC):
        BC 6 tháng đợt 1: ngày 07 tháng 4 hàng năm.
        BC năm chính thức: ngày 07 tháng 01 năm sau.
        SỐ LIỆU ĐĂNG KÝ
        KHAI SINH, KHAI TỬ
        """)
        #expect(TestSupport.deadlines(corner).map { $0.rule ?? "-" } == ["FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=7", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=7"])
        #expect(corner.number == "08/2011/TT-BTP")
        #expect(corner.issued?.description == "2011-04-05")
    }

    @Test("a table's column header wrapped over two lines is read, with days in a month of each quarter, and a dated prose line is not read twice")
    func wrappedReportFormHeader() {
        let d = TestSupport.draft(text: """
        Ký hiệu biểu
        Tên biểu
        Kỳ báo cáo
        Ngày nhận
        báo cáo
        001.N/BCH-DS
        Dân số trung bình
        Năm
        Ngày 31 tháng 3 năm sau
        003.Q/BCH-VĐT
        Vốn đầu tư
        Quý
        Ngày 15 tháng đầu quý sau
        """)
        #expect(TestSupport.deadlines(d).map { $0.rule ?? "-" } == ["FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15"])
        #expect(d.tasks.map(\.action) == ["Biểu 001.N/BCH-DS", "Biểu 003.Q/BCH-VĐT"])
        // A whole header row on one line is long, but has no figures and no sentence.
        let row = TestSupport.draft(text: """
        STT Ký hiệu biểu Tên biểu Kỳ báo cáo Ngày nhận báo cáo Đơn vị báo cáo Đơn vị nhận báo cáo
        1 002.T/BCH-CN Sản xuất công nghiệp Tháng Ngày 12 tháng sau tháng báo cáo
        """)
        #expect(TestSupport.deadlines(row).map { $0.rule ?? "-" } == ["FREQ=MONTHLY;BYMONTHDAY=12"])
        let prose = TestSupport.draft(text: """
        2. Báo cáo giám sát, đánh giá định kỳ
        Ngày nhận báo cáo:
        + Báo cáo 06 tháng: Trước ngày 10/7 hằng năm
        + Báo cáo năm: Trước ngày 10/02 năm sau
        """)
        #expect(TestSupport.deadlines(prose).compactMap(\.rule).sorted() == ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=10", "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=10"])
    }

    @Test("a text whose only limits no work governs drafts them with their sentence, and says so")
    func unattachedLimitsWhenNothingElse() throws {
        let d = TestSupport.draft(text: "Thời gian niêm yết: 20 ngày, kể từ ngày 20 tháng 5 năm 2023 đến hết ngày 08 tháng 6 năm 2023.\n")
        #expect(TestSupport.deadlines(d).map { $0.date?.description } == ["2023-06-08"])
        #expect(d.tasks.allSatisfy { $0.tentative })
        #expect(d.warnings.contains { $0.contains("không gắn với việc báo cáo") && $0.contains("cần kiểm tra lại") })
        // Beside a limit with its work it is tentative too; the governed one is firm.
        let both = TestSupport.draft(text: "Thời gian niêm yết: 20 ngày, kể từ ngày 20/5/2023 đến hết ngày 08/6/2023.\nCác hộ gửi ý kiến về UBND xã trước ngày 10/6/2023.\n")
        #expect(both.tasks.filter { !$0.tentative }.compactMap { $0.deadline?.date?.description } == ["2023-06-10"])
        #expect(both.tasks.filter(\.tentative).compactMap { $0.deadline?.date?.description } == ["2023-06-08"])
        // Written as a comment even when its units are known, so nothing is reminded unconfirmed.
        let known = DirectiveImporter(directory: TestSupport.district).draft(
            text: "Kính gửi: UBND các xã.\nThời gian niêm yết: 20 ngày, kể từ ngày 20/5/2023 đến hết ngày 08/6/2023.\n", sourceName: "t.txt")
        let tentative = try #require(known.tasks.first { $0.tentative })
        #expect(tentative.commentedOut == DraftTask.tentativeReason)
        #expect(YAMLRenderer.render(known).contains("kiểm tra việc và hạn rồi bỏ dấu # để dùng"))
    }

    @Test("a day told with its hours is an event, not a limit")
    func dayWithItsHours() {
        let d = TestSupport.draft(text: "Các xã tổ chức lấy ý kiến cử tri trong ngày 06/7/2019 (Thứ 7) từ 7 giờ 00 phút đến 17 giờ 00 phút; báo cáo kết quả về UBND huyện trước ngày 10/7/2019.\n")
        #expect(TestSupport.deadlines(d).map { $0.date?.description } == ["2019-07-10"])
    }

    @Test("a limit in brackets ending a sentence without a verb dates the work of the sentence before")
    func bracketedLimitAfterItsWork() {
        let d = TestSupport.draft(text: """
        Mọi sự đóng góp xin gửi đến Tổng cục qua Văn phòng Tổng cục. Số tài khoản: 93401.182 tại Kho bạc Nhà nước Ba Đình (chậm nhất là ngày 25/10/2010).
        """)
        #expect(TestSupport.deadlines(d).map { $0.date?.description } == ["2010-10-25"])
        #expect(d.tasks.first?.action.hasPrefix("Gửi") == true, "\(d.tasks.map(\.action))")
    }

    @Test("a form's corner 'Ngày nhận báo cáo: 10 tháng 7 hàng năm' recurs yearly for the form")
    func receivingDayLabel() {
        let d = TestSupport.draft(text: """
        Biểu số: 02/BC-H
        Ban hành kèm theo Thông tư số 23/2011/TT-BVHTTDL ngày 30 tháng 12 năm 2011
        Ngày nhận báo cáo: 10 tháng 7 hàng năm
        Đơn vị báo cáo: Phòng Văn hóa và Thông tin
        BÁO CÁO THỐNG KÊ
        """)
        #expect(TestSupport.deadlines(d).map { $0.rule ?? "-" } == ["FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=10"])
        #expect(d.tasks.first?.action == "Biểu 02/BC-H")
    }

    @Test("items labelled 'Tuần 4:' under a sentence ending in ':' take its verb, each at its hour")
    func labelledItems() {
        let d = TestSupport.draft(text: """
        Kính gửi: Các trường THPT.
        Các đợt báo cáo hàng tuần, cụ thể:
        Tuần 4: Trước 16 giờ 00, ngày 01/10/2021
        Tuần 5: Trước 16 giờ 00, ngày 08/10/2021
        """)
        #expect(TestSupport.deadlines(d).map { "\($0.kind) \($0.date?.description ?? "-") \($0.time ?? "-")" } == ["at 2021-10-01 16:00", "at 2021-10-08 16:00"])
    }

    @Test("the items under 'Thời hạn gửi báo cáo:' give each report's day without a marker word")
    func reportTimeList() {
        let d = TestSupport.draft(text: """
        Kính gửi: Phòng Tư pháp các huyện.
        1. Thời hạn gửi báo cáo:
        - Báo cáo tháng: ngày 20 hàng tháng;
        - Báo cáo quý: ngày 20 của tháng cuối quý;
        - Báo cáo năm: ngày 20/11.
        2. Thời gian chốt số liệu: ngày 14 của tháng báo cáo.
        """)
        #expect(TestSupport.deadlines(d).map { $0.rule ?? "-" } == ["FREQ=MONTHLY;BYMONTHDAY=20", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20",
                                                        "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=20"])
    }

    @Test("a text dated only by its lunar year 'Tết Mậu Tý' reads its dates in 2008")
    func lunarYearName() {
        let d = TestSupport.draft(text: "Các bộ, ngành báo cáo tình hình Tết về Văn phòng Chính phủ trước ngày 12-2 (mùng 6 Tết Mậu Tý).\n")
        #expect(TestSupport.deadlines(d).map { $0.date?.description ?? "-" } == ["2008-02-12"])
    }

    @Test("a timetable whose date column comes first gives each step the last day of its cell")
    func dateFirstTimetable() {
        let d = TestSupport.draft(text: """
        Lịch công tác tổ chức xét tốt nghiệp năm 2018:
        THỜI GIAN
        NỘI DUNG CÔNG VIỆC
        ĐƠN VỊ, CÁ NHÂN THỰC HIỆN
        Từ 09.5.2018 đến 10.5.2018
        – Giáo viên chủ nhiệm lớp 9 gửi các danh sách người học về nhà trường.
        14.5.2018
        – Các cơ sở giáo dục hoàn tất hồ sơ và gửi về Phòng Giáo dục và Đào tạo.
        """)
        #expect(TestSupport.deadlines(d).map { "\($0.kind.rawValue) \($0.date?.description ?? "-")" } == ["through 2018-05-10", "through 2018-05-14"])
    }

    @Test("under a 'Thời gian' column every step is work to finish by its day, but a meeting or an announcement is held on it")
    func timetableSteps() {
        let d = TestSupport.draft(text: """
        Lịch xét công nhận năm 2019:
        TT
        Nội dung công việc
        Thời gian
        1
        Thông báo lịch xét công nhận năm 2019
        10/4
        2
        Văn phòng Hội đồng tập hợp danh sách các hội đồng cơ sở
        25/5
        3
        Họp Hội đồng xét duyệt hồ sơ ứng viên
        30/5
        """)
        #expect(TestSupport.deadlines(d).map { "\($0.kind.rawValue) \($0.date?.description ?? "-")" } == ["through 2019-05-25"])
    }
}
