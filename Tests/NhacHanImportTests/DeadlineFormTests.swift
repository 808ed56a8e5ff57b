import NhacHanCore
@testable import NhacHanImport
import Testing

/// One deadline phrase and what it must read as.
struct DeadlineCase: Sendable, CustomTestStringConvertible {
    var id: String
    var sentence: String
    var kind: DraftDeadline.Kind?
    var date: String? = nil
    var time: String? = nil
    var rule: String? = nil
    var within: String? = nil
    var testDescription: String { id }
}

@Suite("DraftDeadline phrases")
struct DeadlineFormTests {
    static let cases: [DeadlineCase] = [
        .init(id: "trước ngày d/m/yyyy", sentence: "Các xã báo cáo về UBND huyện trước ngày 29/3/2024.", kind: .before, date: "2024-03-29"),
        .init(id: "dashes", sentence: "Các xã báo cáo trước ngày 29-3-2024.", kind: .before, date: "2024-03-29"),
        .init(id: "dots", sentence: "Các xã báo cáo trước ngày 29.3.2024.", kind: .before, date: "2024-03-29"),
        .init(id: "spelled out", sentence: "Các xã nộp hồ sơ trước ngày 29 tháng 3 năm 2024.", kind: .before, date: "2024-03-29"),
        .init(id: "no year", sentence: "Các xã gửi báo cáo trước ngày 25/3.", kind: .before, date: "2024-03-25"),
        .init(id: "chậm nhất là", sentence: "Các xã báo cáo chậm nhất là ngày 05/4/2024.", kind: .through, date: "2024-04-05"),
        .init(id: "đến hết ngày", sentence: "Các xã hoàn thành việc rà soát đến hết ngày 30/6/2024.", kind: .through, date: "2024-06-30"),
        .init(id: "trong ngày", sentence: "Các xã gửi báo cáo trong ngày 10/4/2024.", kind: .through, date: "2024-04-10"),
        .init(id: "14 giờ", sentence: "Các xã gửi báo cáo trước 14 giờ ngày 29/3/2024.", kind: .at, date: "2024-03-29", time: "14:00"),
        .init(id: "14h30", sentence: "Các xã gửi báo cáo trước 14h30 ngày 29/3/2024.", kind: .at, date: "2024-03-29", time: "14:30"),
        .init(id: "within working days", sentence: "Các xã báo cáo trong thời hạn 5 ngày làm việc kể từ ngày nhận văn bản.", kind: .within, within: "5wd received"),
        .init(id: "within days of signing", sentence: "Các xã báo cáo trong thời hạn 10 ngày kể từ ngày ký.", kind: .within, within: "10d issued"),
        .init(id: "monthly", sentence: "Định kỳ hằng tháng, các xã báo cáo trước ngày 20.", kind: .every, rule: "FREQ=MONTHLY;BYMONTHDAY=20"),
        .init(id: "weekly", sentence: "Các xã gửi báo cáo trước 16 giờ thứ Sáu hằng tuần.", kind: .every, time: "16:00", rule: "FREQ=WEEKLY;BYDAY=FR"),
        .init(id: "9 giờ sáng", sentence: "Các xã gửi báo cáo nhanh trước 9 giờ sáng ngày 16/3/2024.", kind: .at, date: "2024-03-16", time: "09:00"),
        .init(id: "2 giờ chiều", sentence: "Các xã gửi báo cáo trước 2 giờ chiều ngày 16/3/2024.", kind: .at, date: "2024-03-16", time: "14:00"),
        .init(id: "weekday between hour and date", sentence: "Các xã gửi văn bản trước 16 giờ, thứ Sáu ngày 22/3/2024.", kind: .at, date: "2024-03-22", time: "16:00"),
        .init(id: "16.00 ngày", sentence: "Các xã gửi danh sách trước 16.00 ngày 22/3/2024.", kind: .at, date: "2024-03-22", time: "16:00"),
        .init(id: "đến 17 giờ ngày", sentence: "Các xã nộp hồ sơ đến 17 giờ ngày 22/3/2024.", kind: .at, date: "2024-03-22", time: "17:00"),
        .init(id: "muộn nhất", sentence: "Các xã gửi báo cáo muộn nhất ngày 05/4/2024.", kind: .through, date: "2024-04-05"),
        .init(id: "a milestone that opens its line names its work after the colon", sentence: "Chậm nhất ngày 03/4/2024 (50 ngày trước ngày bầu cử): Thành lập Tổ bầu cử.", kind: .through, date: "2024-04-03"),
        .init(id: "a day of the months listed after a colon", sentence: "Hằng năm, trước ngày 25 các tháng: 3, 6, 9, 10, các đơn vị gửi bảng chấm điểm về Sở.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=3,6,9,10;BYMONTHDAY=25"),
        .init(id: "a weekday after 'ngày'", sentence: "Hàng tuần (trước ngày thứ 4) báo cáo tình hình về Sở Nông nghiệp.", kind: .every, rule: "FREQ=WEEKLY;BYDAY=WE"),
        .init(id: "a window to finish work in ends on its last day", sentence: "Hoàn thành phương án các thôn: Từ ngày 25/5 đến 31/5/2024.", kind: .through, date: "2024-05-31"),
        .init(id: "a page's stamp after a title is no deadline", sentence: "Thời hạn thực hiện tinh giản biên chế Cập nhật lúc: 20:36 20/12/2024", kind: nil),
        .init(id: "'Thời gian tiếp nhận: trước ngày D'", sentence: "b) Thời gian tiếp nhận: trước ngày 30 tháng 10 năm 2024.", kind: .before, date: "2024-10-30"),
        .init(id: "the time to send ends 'đến ngày D năm sau'", sentence: "Thời gian gửi báo cáo về Sở Nội vụ tổng hợp đến ngày 10/02 năm sau qua Hệ thống quản lý văn bản.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=10"),
        .init(id: "a limit quoted in brackets is the cited text's", sentence: "Căn cứ văn bản số 11796/VPCP-KSTT (mục 1.c “Tổ chức kết nối, hoàn thành kết nối trong tháng 6 năm 2024.”), các đơn vị cung cấp số liệu.", kind: nil),
        .init(id: "'Từ nay đến D, <đơn vị> <việc>'", sentence: "Từ nay đến 15-4-2024, công đoàn cơ sở lập danh sách gửi Liên đoàn.", kind: .through, date: "2024-04-15"),
        .init(id: "'Trong thời gian từ nay đến ngày D, <đơn vị> <việc>'", sentence: "Trong thời gian từ nay đến ngày 11.3.2024, các cơ quan, đơn vị giới thiệu người ứng cử.", kind: .through, date: "2024-03-11"),
        .init(id: "what goes on 'từ nay đến' a day is no deadline", sentence: "Các xã treo băng rôn, khẩu hiệu từ nay đến hết ngày 30/6/2024.", kind: nil),
        .init(id: "what takes place 'từ nay đến' a day is no deadline", sentence: "Chiến dịch diễn ra từ nay đến hết ngày 25/5/2024 trên địa bàn các xã.", kind: nil),
        .init(id: "nothing taken after a day", sentence: "Sau ngày 15/12/2024 các xã không thực hiện điều chỉnh số liệu trên hệ thống.", kind: .through, date: "2024-12-15"),
        .init(id: "a year is no day", sentence: "Các xã rà soát số liệu các năm trước 2019 và báo cáo theo quy định.", kind: .undated),
        .init(id: "trễ nhất", sentence: "Các xã gửi báo cáo trễ nhất ngày 05/4/2024.", kind: .through, date: "2024-04-05"),
        .init(id: "không muộn hơn", sentence: "Các xã gửi báo cáo không muộn hơn ngày 05/4/2024.", kind: .through, date: "2024-04-05"),
        .init(id: "hoàn thành ngày", sentence: "Các xã hoàn thành vào ngày 30/6/2024.", kind: .through, date: "2024-06-30"),
        .init(id: "Thời gian hoàn thành", sentence: "Rà soát hộ nghèo. Thời gian hoàn thành: ngày 15/4/2024.", kind: .through, date: "2024-04-15"),
        .init(id: "trong quý", sentence: "Các xã hoàn thành và báo cáo UBND huyện trong quý II/2024.", kind: .through, date: "2024-06-30"),
        .init(id: "trong tháng", sentence: "Các xã gửi báo cáo kết quả về UBND huyện trong tháng 9/2024.", kind: .through, date: "2024-09-30"),
        .init(id: "work going on trong tháng is no limit", sentence: "Các chi hội hoàn thành việc tổng kết trong tháng 9/2024.", kind: nil),
        .init(id: "the month a report covers is no limit", sentence: "Các xã báo cáo tình hình trong tháng 9/2024.", kind: nil),
        .init(id: "a year the page broke in two", sentence: "Các xã hoàn thành đại hội trước ngày 31/5/20 24.", kind: .before, date: "2024-05-31"),
        .init(id: "submission window", sentence: "Các xã gửi hồ sơ. Thời gian nhận hồ sơ: từ ngày 01/4/2024 đến ngày 15/4/2024.", kind: .through, date: "2024-04-15"),
        .init(id: "không quá N ngày", sentence: "Phòng Nội vụ thẩm định trong thời hạn không quá 07 ngày kể từ ngày nhận đủ hồ sơ.", kind: .within, within: "7d received"),
        .init(id: "count in words", sentence: "Các xã trả lời trong thời hạn mười lăm (15) ngày kể từ ngày nhận văn bản.", kind: .within, within: "15d received"),
        .init(id: "count only in words", sentence: "Các xã trả lời trong thời hạn ba ngày kể từ ngày nhận văn bản.", kind: .within, within: "3d received"),
        .init(id: "thường niên", sentence: "Các xã gửi báo cáo thường niên trước ngày 15/12.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
        .init(id: "a day of four months, the last after và", sentence: "Các xã gửi báo cáo quý trước ngày 20/3, 20/6, 20/9 và 20/12.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"),
        .init(id: "Vào ngày D hằng tháng opening the sentence", sentence: "Vào ngày 25 hằng tháng, các xã gửi báo cáo về UBND huyện.", kind: .every, rule: "FREQ=MONTHLY;BYMONTHDAY=25"),
        .init(id: "vào ngày after a delivery", sentence: "Các xã gửi báo cáo về UBND huyện vào ngày 20/3/2024.", kind: .through, date: "2024-03-20"),
        .init(id: "vào ngày of a meeting", sentence: "Các xã báo cáo tại hội nghị vào ngày 20/3/2024.", kind: nil),
        .init(id: "a count with its last day written", sentence: "Các hộ gửi ý kiến trong 20 ngày, kể từ ngày 11-4-2024 đến hết ngày 2-5-2024.", kind: .through, date: "2024-05-02"),
        .init(id: "Thời hạn giải quyết", sentence: "Thời hạn giải quyết: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.", kind: .within, within: "5wd received"),
        .init(id: "quarterly, last month", sentence: "Các xã gửi báo cáo quý trước ngày 15 của tháng cuối quý.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15"),
        .init(id: "next month", sentence: "Báo cáo tháng: các xã báo cáo trước ngày 10 của tháng tiếp theo.", kind: .every, rule: "FREQ=MONTHLY;BYMONTHDAY=10"),
        .init(id: "năm sau", sentence: "Các xã gửi báo cáo quyết toán trước ngày 01/10 năm sau.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1"),
        .init(id: "a count of months", sentence: "Các xã gửi báo cáo chậm nhất 14 tháng sau khi kết thúc năm ngân sách.", kind: nil),
        .init(id: "a data cut-off with an hour", sentence: "Các xã báo cáo, cập nhật tình hình từ ngày 01/3/2024 đến 18h00 ngày 05/3/2024.", kind: nil),
        .init(id: "a province is no cut-off", sentence: "Các xã gửi bài dự thi cuộc thi của tỉnh Bắc Kạn đến hết ngày 31/5/2024.", kind: .through, date: "2024-05-31"),
        .init(id: "a report's day 'vào ngày N tháng sau'", sentence: "Định kỳ, các xã gửi báo cáo tháng vào ngày 20 tháng sau tháng báo cáo.", kind: .every, rule: "FREQ=MONTHLY;BYMONTHDAY=20"),
        .init(id: "a report's day 'là ngày D của năm sau'", sentence: "Các xã gửi báo cáo năm là ngày 20 tháng 2 của năm sau.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=20"),
        .init(id: "a one-off 'vào ngày' is no deadline", sentence: "Các xã nghe báo cáo tại hội nghị vào ngày 20/3/2024.", kind: nil),
        .init(id: "one day of several months", sentence: "Trước ngày 05/4, 05/7, 05/10, 05/11, các xã gửi bảng chấm điểm theo quý.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=4,7,10,11;BYMONTHDAY=5"),
        .init(id: "a period that says which report", sentence: "Riêng trong quý I năm 2024, các xã gửi bảng tổng hợp trước ngày 05/5/2024.", kind: .before, date: "2024-05-05"),
        .init(id: "kết thúc lúc", sentence: "Các xã nộp hồ sơ bắt đầu từ 22/3 và kết thúc lúc 17 giờ ngày 29/3/2024.", kind: .at, date: "2024-03-29", time: "17:00"),
        .init(id: "vào sáng thứ Sáu hằng tuần", sentence: "Các xã gửi báo cáo tuần vào sáng thứ Sáu hằng tuần.", kind: .every, rule: "FREQ=WEEKLY;BYDAY=FR"),
        .init(id: "trước thứ Năm hằng tuần", sentence: "Các xã gửi báo cáo trước thứ Năm hằng tuần.", kind: .every, rule: "FREQ=WEEKLY;BYDAY=TH"),
        .init(id: "tiếp nhận hồ sơ trước ngày", sentence: "Tiếp nhận hồ sơ trước ngày 05 tháng 12 hàng năm (tính theo dấu bưu điện).", kind: .every, rule: "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=5"),
        .init(id: "kéo dài thời gian … đến hết ngày", sentence: "Ban Tổ chức quyết định kéo dài thời gian tham gia cuộc thi đến hết ngày 29/4/2024.", kind: .through, date: "2024-04-29"),
        .init(id: "a data period bounds no recurrence", sentence: "Số liệu được tính từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 3; báo cáo quý I gửi về Ban trước ngày 20 tháng 3 hằng năm.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=20"),
        .init(id: "an event window with hours at both ends", sentence: "Thời gian bình chọn trực tiếp trên website: từ 09h00 ngày 02/10/2024 đến 24h00 ngày 12/10/2024.", kind: nil),
        .init(id: "the point a report's data is taken at", sentence: "Kỳ báo cáo đầu năm học, thời điểm báo cáo là ngày 30/9; thời hạn gửi báo cáo là 30/10 hàng năm.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=30"),
        .init(id: "tháng kế tiếp", sentence: "Thời hạn gửi báo cáo tháng: trước ngày 15 của tháng kế tiếp.", kind: .every, rule: "FREQ=MONTHLY;BYMONTHDAY=15"),
        .init(id: "quý kế tiếp", sentence: "Thời hạn gửi báo cáo quý: trước ngày 15 của quý kế tiếp.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15"),
        .init(id: "D là hạn cuối", sentence: "Theo hướng dẫn này, ngày 25/5/2024 là hạn cuối các trường hoàn thành xét điều kiện dự thi.", kind: .through, date: "2024-05-25"),
        .init(id: "Ngày D: Kết thúc việc …", sentence: "Ngày 27/5/2024: Kết thúc việc kiểm tra, cập nhật dữ liệu đăng ký.", kind: .through, date: "2024-05-27"),
        .init(id: "so với năm trước names no report period", sentence: "Trước 17h00 ngày 8/7 các trường hoàn thành xét tuyển sớm, sớm hơn so với năm trước.", kind: .at, date: "2024-07-08", time: "17:00"),
        .init(id: "hoàn thành 17 giờ 00 ngày D", sentence: "Thí sinh rà soát kết quả học tập và sửa sai (nếu có) hoàn thành 17 giờ 00 ngày 1/6/2024.", kind: .at, date: "2024-06-01", time: "17:00"),
        .init(id: "hoàn thành <việc> vào ngày D", sentence: "Các cấp học hoàn thành kế hoạch giảng dạy và học tập vào ngày 25-5-2024.", kind: .through, date: "2024-05-25"),
        .init(id: "đã hoàn thành … vào ngày D is past", sentence: "Các xã đã hoàn thành việc rà soát hộ nghèo vào ngày 04/3/2024.", kind: nil),
        .init(id: "Ngày D: Báo cáo …", sentence: "Ngày 30/7/2024: Báo cáo kết quả tuyển sinh về Sở Giáo dục và Đào tạo.", kind: .through, date: "2024-07-30"),
        .init(id: "ngày 15 tháng 01 năm kế tiếp", sentence: "Các sở gửi báo cáo chậm nhất là ngày 15 tháng 01 năm kế tiếp của năm báo cáo.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15"),
        .init(id: "thời hạn <việc> (sẽ) là D", sentence: "Ban Tổ chức thông báo thời hạn nhận bài thi sẽ là 31/3/2024.", kind: .through, date: "2024-03-31"),
        .init(id: "a window to register in", sentence: "Thí sinh đăng ký nguyện vọng xét tuyển trên hệ thống từ ngày 6/5 đến ngày 9/5/2024.", kind: .through, date: "2024-05-09"),
        .init(id: "theo quý … ngày 30 tháng sau", sentence: "Các tờ khai theo quý hạn nộp là ngày 30 tháng sau.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=30"),
        .init(id: "báo cáo 6 tháng … tháng tiếp theo", sentence: "Báo cáo 6 tháng: các đơn vị gửi báo cáo chậm nhất vào ngày 20 của tháng tiếp theo ngay sau kỳ báo cáo.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=20"),
        .init(id: "theo quy định is no quarter", sentence: "Các xã gửi báo cáo theo quy định trước ngày 20 tháng sau.", kind: .every, rule: "FREQ=MONTHLY;BYMONTHDAY=20"),
        .init(id: "yêu cầu … trước ngày D, whatever the verb", sentence: "Hội đồng nghĩa vụ quân sự huyện yêu cầu các xã phát lệnh gọi công dân nhập ngũ trước ngày 20/3/2024.", kind: .before, date: "2024-03-20"),
        .init(id: "theo đề nghị của … cites", sentence: "Theo đề nghị của Sở, các xã treo cờ trước ngày 25/3/2024.", kind: nil),
        .init(id: "đến 15-7 after a dashed start", sentence: "Thời gian tiếp nhận hồ sơ tuyển sinh từ ngày 11-7 đến 15-7.", kind: .through, date: "2024-07-15"),
        .init(id: "a window to receive in", sentence: "Các trường nhận hồ sơ trực tiếp từ 23/7 đến hết ngày 28/7/2024.", kind: .through, date: "2024-07-28"),
        .init(id: "đến 5-7 ngày is a count", sentence: "Các xã hoàn thành việc rà soát trong thời gian từ 3 đến 5-7 ngày.", kind: nil),
        .init(id: "theo quy định", sentence: "Các xã tổng hợp, báo cáo UBND huyện theo quy định.", kind: .undated),
        .init(id: "a cited date", sentence: "Thực hiện Công văn số 432/SLĐTBXH-BTXH ngày 02/3/2024 của Sở.", kind: nil),
        .init(id: "an activity window", sentence: "Các hoạt động diễn ra từ nay đến hết ngày 25/3/2024.", kind: nil),
        .init(id: "trước a date limits any work", sentence: "Các chi bộ tiến hành đại hội trước ngày 31-3-2024.", kind: .before, date: "2024-03-31"),
        .init(id: "đã … trước ngày D is past", sentence: "Các xã đã treo cờ trước ngày 25/3/2024.", kind: nil),
        .init(id: "chậm nhất là thứ 2, ngày D", sentence: "Các xã gửi danh sách chậm nhất là thứ 2, ngày 26 tháng 3 năm 2024.", kind: .through, date: "2024-03-26"),
        .init(id: "a label's window without 'từ'", sentence: "Thời gian nhận tác phẩm (tính theo dấu bưu điện): ngày 01/4/2024 đến 25/4/2024.", kind: .through, date: "2024-04-25"),
        .init(id: "Hạn chót <label>: hour and day", sentence: "Hạn chót đăng ký cho tất cả các môn thi đấu: 09h00 ngày 05/04/2024 để Ban tổ chức bốc thăm.", kind: .at, date: "2024-04-05", time: "09:00"),
        .init(id: "báo cáo tuần … thứ Hai", sentence: "Báo cáo tuần gửi trước 10 giờ sáng thứ Hai tuần sau.", kind: .every, time: "10:00", rule: "FREQ=WEEKLY;BYDAY=MO"),
        .init(id: "báo cáo tuần … ngày thứ Năm", sentence: "Các đơn vị gửi báo cáo tuần trước 16h00 ngày thứ Năm.", kind: .every, time: "16:00", rule: "FREQ=WEEKLY;BYDAY=TH"),
        .init(id: "Định kỳ vào thứ Sáu hằng tuần, … báo cáo", sentence: "Định kỳ vào thứ Sáu hằng tuần, các đơn vị báo cáo kết quả về Văn phòng.", kind: .every, rule: "FREQ=WEEKLY;BYDAY=FR"),
        .init(id: "ngày N các tháng 4, 7, 10 và tháng 01 năm sau", sentence: "Các xã báo cáo định kỳ trước ngày 10 các tháng 4, 7, 10 và tháng 01 năm sau.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10"),
        .init(id: "định kỳ 03 tháng … tháng cuối kỳ", sentence: "Báo cáo định kỳ 03 tháng, 06 tháng, 09 tháng và năm gửi trước ngày 15 của tháng cuối kỳ.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15"),
        .init(id: "a day's own period ends at 'và'", sentence: "Các cơ sở báo cáo định kỳ hằng tháng trước ngày 20 và hằng năm trước ngày 20 tháng 12.", kind: .every, rule: "FREQ=MONTHLY;BYMONTHDAY=20"),
        .init(id: "vào HH giờ hàng ngày", sentence: "Các xã báo cáo, thống kê, tổng hợp ngày vào 13 giờ 30 phút hàng ngày.", kind: .every, time: "13:30", rule: "FREQ=DAILY"),
        .init(id: "đến ngày D (phải) hoàn thành", sentence: "Công an các xã phấn đấu đến ngày 31/5/2024 hoàn thành việc thu nhận hồ sơ.", kind: .through, date: "2024-05-31"),
        .init(id: "Đến hết ngày D, … đã … is past", sentence: "Đến hết ngày 4.3, các xã đã tổ chức xong đại hội điểm.", kind: nil),
        .init(id: "a yearly limit opening its sentence dates the clause after it", sentence: "Trước ngày 20 tháng 11 hằng năm, Hội đồng nhân dân huyện quyết định kế hoạch đầu tư vốn.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=20"),
        .init(id: "mỗi tháng", sentence: "Mỗi tháng, các xã báo cáo kết quả về UBND huyện trước ngày 25.", kind: .every, rule: "FREQ=MONTHLY;BYMONTHDAY=25"),
        .init(id: "Định kỳ ngày 25 hằng tháng, … báo cáo", sentence: "Định kỳ ngày 25 hằng tháng, UBND các xã báo cáo tiến độ về UBND huyện.", kind: .every, rule: "FREQ=MONTHLY;BYMONTHDAY=25"),
        .init(id: "TP. Hồ Chí Minh ends no sentence", sentence: "Doanh nghiệp gửi báo cáo về Phòng Quản lý doanh nghiệp, Quận 1, TP. Hồ Chí Minh hoặc qua fax trước ngày 14/7/2024.", kind: .before, date: "2024-07-14"),
        .init(id: "a report of the year ('của năm') recurs yearly", sentence: "Chậm nhất vào ngày 15 tháng 12, hợp tác xã báo cáo tình hình hoạt động của năm với cơ quan đăng ký hợp tác xã.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
        .init(id: "Theo số liệu …, đến 16h ngày D is a count as of then", sentence: "Theo số liệu báo cáo nhanh của Sở, đến 16h ngày 29/01/2024 số gia súc bị chết tăng lên 600 con.", kind: nil),
        .init(id: "ngày thứ 20 của tháng tiếp theo", sentence: "Các hộ kinh doanh nộp tờ khai tháng chậm nhất là ngày thứ 20 của tháng tiếp theo tháng phát sinh nghĩa vụ thuế.", kind: .every, rule: "FREQ=MONTHLY;BYMONTHDAY=20"),
        .init(id: "ngày cuối cùng của tháng đầu quý tiếp theo", sentence: "Các hộ kinh doanh nộp tờ khai quý chậm nhất là ngày cuối cùng của tháng đầu quý tiếp theo liền kề quý phát sinh nghĩa vụ thuế.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=-1"),
        .init(id: "a data period to the month's last day bounds nothing", sentence: "Báo cáo tháng: số liệu tổng hợp để báo cáo được tính từ ngày 01 đến ngày cuối cùng của tháng.", kind: nil),
        .init(id: "ngày D của năm <sự kiện> recurs yearly", sentence: "Doanh nghiệp hoạt động trở lại trong 06 tháng đầu năm phải nộp lệ phí môn bài chậm nhất ngày 30/7 của năm hoạt động trở lại.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=30"),
        .init(id: "a window to send a half-yearly report in", sentence: "Báo cáo 6 tháng: thời gian nộp báo cáo từ ngày 15/6 đến ngày 04/7.", kind: .every, rule: "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=4"),
        .init(id: "chậm nhất ngày D, trước HH giờ", sentence: "Các xã gửi báo cáo chậm nhất ngày 20/3/2024, trước 16 giờ 00.", kind: .at, date: "2024-03-20", time: "16:00"),
        .init(id: "trong ngày D (trước HH giờ)", sentence: "Các xã gửi báo cáo trong ngày 20/3/2024 (trước 16 giờ).", kind: .at, date: "2024-03-20", time: "16:00"),
        .init(id: "an hour that opens another day is not this day's", sentence: "Các xã gửi báo cáo chậm nhất ngày 20/3/2024, 16 giờ ngày 21/3 họp giao ban.", kind: .through, date: "2024-03-20"),
        .init(id: "<nộp> đến ngày D", sentence: "Các xã nộp hồ sơ đến ngày 27/3/2024.", kind: .through, date: "2024-03-27"),
        .init(id: "kéo dài thời gian <việc> đến D", sentence: "UBND các xã được kéo dài thời gian thực hiện và giải ngân đến 31/12/2024, đối với số kinh phí hỗ trợ.", kind: .through, date: "2024-12-31"),
        .init(id: "Tính đến ngày D is data", sentence: "Tính đến ngày 27/3/2024, các xã nộp hồ sơ được 80%.", kind: nil),
        .init(id: "Tuy nhiên, đến ngày D, … mới nhận được is how things stand", sentence: "Tuy nhiên, đến ngày 16/3/2024, Văn phòng mới nhận được báo cáo của 6 xã.", kind: nil),
        .init(id: "đến ngày D … vẫn chưa is how things stand", sentence: "Các xã gửi báo cáo trước ngày 10/3/2024 nhưng đến ngày 16/3/2024 vẫn còn 6 xã chưa gửi.", kind: .before, date: "2024-03-10"),
        .init(id: "Thời gian dự thi: từ A đến B", sentence: "1. Thời gian dự thi: Từ ngày 05/3/2024 đến ngày 30/4/2024.", kind: .through, date: "2024-04-30"),
        .init(id: "Thời gian phát động cuộc thi đến hết ngày D", sentence: "Thời gian phát động cuộc thi đến hết ngày 1/5/2024.", kind: .through, date: "2024-05-01"),
        .init(id: "Thời gian tổ chức: từ A đến B stays a window", sentence: "Thời gian tổ chức: Từ ngày 05/4/2024 đến ngày 30/4/2024.", kind: nil),
        .init(id: "a birth date limit says who is enrolled", sentence: "Tuyển sinh trẻ sinh trước ngày 01/01/2019.", kind: nil),
        .init(id: "a residence before a day says who is covered", sentence: "Học sinh có hộ khẩu thường trú trước ngày 31/12/2023 được ưu tiên.", kind: nil),
        .init(id: "a debt arising before a day is no limit", sentence: "Các khoản nợ phát sinh trước ngày 01/01/2024 được xử lý như sau.", kind: nil),
        .init(id: "papers issued before a day stay valid", sentence: "Giấy tờ được cấp trước ngày 01/7/2024 vẫn có giá trị sử dụng.", kind: nil),
        .init(id: "what was filed before a day need not be filed again", sentence: "Trường hợp đã nộp hồ sơ trước ngày 10/3/2024 thì không phải nộp lại.", kind: nil),
        .init(id: "chậm nhất vào cuối tháng M/Y is the month's last day", sentence: "Các xã gửi báo cáo chậm nhất vào cuối tháng 11/2024.", kind: .through, date: "2024-11-30"),
        .init(id: "chậm nhất trong quý III/Y is the quarter's last day", sentence: "Các xã hoàn thành việc rà soát chậm nhất trong quý III/2024.", kind: .through, date: "2024-09-30"),
        .init(id: "a month written with the press's dot", sentence: "Các xã nộp báo cáo về UBND huyện trong tháng 5.2024.", kind: .through, date: "2024-05-31"),
        .init(id: "chuyển về is a delivery in a month", sentence: "Phòng Nội vụ tổng hợp báo cáo, chuyển về Sở Nội vụ trong tháng 5/2024.", kind: .through, date: "2024-05-31"),
        .init(id: "work reported done by a day is news", sentence: "Đến nay các quận đã hoàn thành cấp mã học sinh xong trước ngày 28/5/2024.", kind: nil),
        .init(id: "'đã' inside a noun phrase leaves the limit", sentence: "Các xã gửi danh sách hộ đã được hỗ trợ về UBND huyện trước ngày 20/3/2024.", kind: .before, date: "2024-03-20"),
        .init(id: "'đã' after the clause's verb leaves the limit", sentence: "Các xã gửi danh sách hộ đã nộp hồ sơ về UBND huyện trước ngày 20/3/2024.", kind: .before, date: "2024-03-20"),
        .init(id: "a limit beside an eligibility date is still read", sentence: "Trẻ sinh trước ngày 01/01/2019 nộp hồ sơ tại trường trước ngày 20/3/2024.", kind: .before, date: "2024-03-20"),
        .init(id: "tình hình is no data cut-off", sentence: "Các phòng báo cáo tình hình vào thứ Năm hằng tuần.", kind: .every, rule: "FREQ=WEEKLY;BYDAY=TH"),
    ]

    @Test("each form reads as its kind", arguments: cases)
    func form(_ c: DeadlineCase) {
        // A governed limit after the phrase: the phrase is read as in a text that has others (a
        // text with no governed limit at all drafts its ungoverned ones, with a warning).
        let other = "Các xã gửi báo cáo năm về UBND huyện trước ngày 28/12/2024."
        let text = "Hà Nội, ngày 10 tháng 3 năm 2024\nKính gửi: UBND các xã.\n" + c.sentence + "\n" + other + "\n"
        let d = DirectiveImporter(directory: TestSupport.district).draft(text: text, sourceName: "t.txt")
        // A tentative task (a limit no work governs, for the clerk to confirm) reads as no deadline.
        let dl = d.tasks.filter { !$0.tentative }.compactMap(\.deadline).first { $0.date?.description != "2024-12-28" }
        #expect(dl?.kind == c.kind, "\(d.tasks.compactMap(\.deadline))")
        guard let dl else { return }
        if let date = c.date { #expect(dl.date?.description == date) }
        if let time = c.time { #expect(dl.time == time) }
        if let rule = c.rule { #expect(dl.rule == rule) }
        if let w = c.within { #expect("\(dl.n ?? 0)\(dl.unit ?? "") \(dl.from ?? "")" == w) }
        #expect(YAMLRenderer.due(dl) != nil)
    }

    @Test("a date without a year and no year anywhere is flagged, not guessed")
    func noYear() {
        let d = DirectiveImporter().draft(text: "Kính gửi: UBND các xã.\nCác xã báo cáo trước ngày 25/3.\n", sourceName: "t.txt")
        #expect(d.dated.first?.deadline?.date == nil)
        #expect(d.warnings.contains { $0.contains("không ghi năm") })
        #expect(YAMLRenderer.render(d).contains("# due: chưa xác định"))
    }
}
