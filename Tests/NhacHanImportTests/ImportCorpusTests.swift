import Crypto
import Foundation
import NhacHanImport
import NhacHanTestSupport
import Testing

/// `import` measured on real directives (Fixtures/Corpus): the validation set is never used
/// to tune the rules, so its figures say how `import` reads directives it has never seen.
///
/// The bar is 90% of deadlines right, at most 1 invented date, and 90% of numbers
/// and issue dates on the validation set. The floors below are what is reached today
/// (`bench/import.sh` prints the same figures): they catch a regression; raise them as the
/// importer improves, never lower them to pass. (A round of new texts moves them: the new
/// figures are measured before any rule is tuned on the round's training texts.)
@Suite("Import on the corpus of real directives")
struct ImportCorpusTests {
    @Test("validation set (never tuned on): the figures reached stay reached")
    func validationFloor() async throws {
        let s = try await offPool { try ImportCorpusScore.measure("validation") }
        #expect(s.texts == 301, "\(s)")
        // The issue asks for at most one; rounds 9 to 14 brought ten, rounds 16, 18 and 19 one each
        // (see docs/import-and-calendar.md); round 20's sixteen texts none, round 21's twenty-one one, round 22's twenty-three none, round 23's fifteen one, round 24's seventeen one, round 25's nineteen none; reading a plain "đến ngày D" one (and two right);
        // "trong tháng M/Y" read as a limit of a delivery only, three fewer.
        // Counting the tentative tasks (marked limits no work governs, written as comments for
        // the clerk to confirm): 19 more right and 2 invented more than the active tasks alone.
        #expect(s.invented <= 16, "\(s)")
        #expect(s.deadlineRecall >= 0.704, "\(s)")
        #expect(s.deadlinePrecision >= 0.860, "\(s)")
        let firm = try await offPool { try ImportCorpusScore.measure("validation", firm: true) }
        #expect(firm.invented <= 15, "\(firm)")
        #expect(firm.deadlineRecall >= 0.661 && firm.deadlinePrecision >= 0.865, "\(firm)")
        #expect(s.numberRecall >= 0.673 && s.numberPrecision >= 0.843, "\(s)")
        #expect(s.issuedRecall >= 0.780 && s.issuedPrecision >= 0.890, "\(s)")
    }

    @Test("training set: the figures reached stay reached")
    func trainingFloor() async throws {
        let s = try await offPool { try ImportCorpusScore.measure("train") }
        #expect(s.texts == 521, "\(s)")
        #expect(s.invented <= 9, "\(s)")
        let firm = try await offPool { try ImportCorpusScore.measure("train", firm: true) }
        #expect(firm.invented <= 8 && firm.deadlinePrecision >= 0.927, "\(firm)")
        // Each round's new texts move these (round 19's training texts were read at 41% before
        // their rules, round 20's at 68%, round 21's at 83%, round 22's at 65%, round 23's at 73%, round 24's at 86%, round 25's at 63%). Precision went from 0.925 to 0.922 when "hồ sơ:" stopped being read as
        // "Số:": the text it hid repeats one procedure's 20-day limit once per way to apply.
        #expect(s.deadlineRecall >= 0.863 && s.deadlinePrecision >= 0.924, "\(s)")
        #expect(s.numberRecall >= 0.787 && s.numberPrecision >= 0.933, "\(s)")
        #expect(s.issuedRecall >= 0.760 && s.issuedPrecision >= 0.888, "\(s)")
    }

    @Test("the corpus holds Word files and PDFs, read as offices publish them")
    func publishedForms() throws {
        let all = try ImportCorpusScore.documents(in: "train") + ImportCorpusScore.documents(in: "validation")
        #expect(all.filter { $0.hasSuffix(".docx") }.count >= 3)
        #expect(all.filter { $0.hasSuffix(".pdf") }.count >= 3)
    }

    @Test("the split is the hash of the name: a third of the texts, fixed before tuning")
    func splitIsByHash() throws {
        for set in ["train", "validation"] {
            let folder = ImportCorpusScore.corpus.appendingPathComponent(set)
            for name in try ImportCorpusScore.documents(in: set) {
                let stem = (name as NSString).deletingPathExtension
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(stem + ".expected.json").path), "\(name) has no expected file")
                #expect((SHA256.hash(data: Array(stem.utf8)).first(where: { _ in true })! % 3 == 0) == (set == "validation"), "\(set)/\(name) is in the wrong set")
            }
        }
    }

    @Test("a negated recurrence and a data period create no deadline")
    func negatedAndPeriods() {
        let text = """
        Đề nghị các Trung tâm không thực hiện Báo cáo hàng tháng và hàng quý. Số liệu báo cáo tính từ ngày 01/01 đến hết ngày 30/6 hằng năm.
        """
        let draft = DirectiveImporter().draft(text: text, sourceName: "x.txt")
        #expect(draft.tasks.compactMap(\.deadline).filter { $0.kind != .undated }.isEmpty)
    }

    @Test("a table of report forms flattened one cell per line: each receiving day recurs")
    func reportFormTable() throws {
        let text = """
        SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
        Số: 15/SNN-KH
        Quảng Ngãi, ngày 05 tháng 01 năm 2024
        DANH MỤC BIỂU MẪU BÁO CÁO
        Số hiệu biểu
        |
        Tên biểu
        |
        Ngày nhận báo cáo
        |
        01/NN-H
        |
        Báo cáo nhanh
        |
        5,15,25 hàng tháng
        |
        02/NN-H
        |
        Diện tích gieo trồng
        |
        Ngày 20/6, 20/12
        |
        03/NN-H
        |
        Giá trị sản xuất
        |
        15 ngày sau kỳ báo cáo
        """
        let draft = DirectiveImporter().draft(text: text, sourceName: "x.txt")
        let rules = draft.tasks.compactMap(\.deadline).compactMap(\.rule)
        #expect(rules == ["FREQ=MONTHLY;BYMONTHDAY=5,15,25", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=20", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=20"], "\(draft.tasks)")
        #expect(draft.tasks.compactMap(\.deadline).contains { $0.kind == .within && $0.n == 15 })
        #expect(draft.tasks.map(\.action).prefix(2) == ["Biểu 01/NN-H", "Biểu 02/NN-H"])
    }

    @Test("a daily report bounded by 'từ ngày … đến hết ngày …' ends there (UNTIL)")
    func boundedDaily() throws {
        let text = """
        UBND HUYỆN TƯ NGHĨA
        Số: 12/UBND
        Tư Nghĩa, ngày 08 tháng 10 năm 2024
        Kính gửi: UBND các xã.
        UBND các xã báo cáo tình hình mưa lũ hằng ngày về UBND huyện trước 15 giờ, từ ngày 09/10/2024 đến hết ngày 20/10/2024.
        """
        let draft = DirectiveImporter().draft(text: text, sourceName: "x.txt")
        let dl = try #require(draft.tasks.compactMap(\.deadline).first { $0.kind == .every })
        #expect(dl.rule == "FREQ=DAILY;UNTIL=20241020")
        #expect(dl.start?.description == "2024-10-09")
        #expect(dl.time == "15:00")
    }
}
