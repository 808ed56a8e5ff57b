extension ReminderTemplates {
    /// The built-in Vietnamese templates, written for a phone screen: the task first, then
    /// the deadline as written with its weekday, how many days are left, and whom to report
    /// to. One block per item when several are grouped.
    public enum Defaults {
        public static let subject = "[Nhắc hạn] {{headline}}"

        public static let text = """
            Kính gửi: {{unit_name}}

            {{#single}}Hệ thống nhắc hạn xin nhắc nhiệm vụ sau:{{/single}}{{#multiple}}Hệ thống nhắc hạn xin nhắc {{count}} nhiệm vụ sau, xếp theo hạn:{{/multiple}}
            {{#items}}

            {{#multiple}}{{position}}. {{/multiple}}{{task_action}}
            - Văn bản: {{#has_number}}số {{directive_number}}, {{/has_number}}{{directive_subject}}
            - Hạn: {{deadline_display}}{{#last_day}}; ngày làm việc cuối: {{last_day}}{{/last_day}}
            - Tình trạng: {{days_left_phrase}}
            {{#report_to}}
            - Báo cáo về: {{report_to}}{{#via}} (qua {{via}}){{/via}}
            {{/report_to}}
            {{#ack_url}}
            - Nếu đã báo cáo, bấm Xác nhận tại: {{ack_url}}
            {{/ack_url}}
            {{/items}}

            {{^has_links}}Nếu đã báo cáo, xin bỏ qua thư này.{{/has_links}}{{#has_links}}Sau khi xác nhận, hệ thống sẽ thôi nhắc việc đó.{{/has_links}}

            --
            Thư tự động của hệ thống nhắc hạn, gửi lúc {{send_at_display}}. Xin không trả lời thư này.
            {{#feed_url}}
            Theo dõi các hạn của đơn vị trên lịch (Google Calendar, Outlook, Thunderbird): {{feed_url}}
            {{/feed_url}}

            """

        public static let html = """
            <!DOCTYPE html>
            <html lang="vi">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{headline}}</title></head>
            <body style="margin:0;padding:0;background:#f4f4f4;">
            <div style="max-width:600px;margin:0 auto;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#222;background:#ffffff;">
            <p style="margin:0 0 12px 0;">Kính gửi: <strong>{{unit_name}}</strong></p>
            <p style="margin:0 0 16px 0;">{{#single}}Hệ thống nhắc hạn xin nhắc nhiệm vụ sau:{{/single}}{{#multiple}}Hệ thống nhắc hạn xin nhắc {{count}} nhiệm vụ sau, xếp theo hạn:{{/multiple}}</p>
            {{#items}}
            <div style="margin:0 0 16px 0;padding:12px;border-left:4px solid {{#is_overdue}}#c62828{{/is_overdue}}{{^is_overdue}}#1565c0{{/is_overdue}};background:#fafafa;">
            <p style="margin:0 0 8px 0;font-weight:bold;">{{#multiple}}{{position}}. {{/multiple}}{{task_action}}</p>
            <p style="margin:0 0 4px 0;">Văn bản: {{#has_number}}số {{directive_number}}, {{/has_number}}{{directive_subject}}</p>
            <p style="margin:0 0 4px 0;">Hạn: <strong>{{deadline_display}}</strong>{{#last_day}}; ngày làm việc cuối: {{last_day}}{{/last_day}}</p>
            <p style="margin:0 0 4px 0;color:{{#is_overdue}}#c62828{{/is_overdue}}{{^is_overdue}}#1565c0{{/is_overdue}};font-weight:bold;">{{days_left_phrase}}</p>
            {{#report_to}}
            <p style="margin:0;">Báo cáo về: {{report_to}}{{#via}} (qua {{via}}){{/via}}</p>
            {{/report_to}}
            {{#ack_url}}
            <p style="margin:12px 0 0 0;"><a href="{{ack_url}}" style="display:inline-block;padding:10px 16px;background:#1565c0;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;">Xác nhận đã báo cáo</a></p>
            {{/ack_url}}
            </div>
            {{/items}}
            <p style="margin:16px 0 0 0;">{{^has_links}}Nếu đã báo cáo, xin bỏ qua thư này.{{/has_links}}{{#has_links}}Nếu đã báo cáo, bấm Xác nhận: hệ thống sẽ thôi nhắc việc đó.{{/has_links}}</p>
            <p style="margin:16px 0 0 0;font-size:13px;color:#666;">Thư tự động của hệ thống nhắc hạn, gửi lúc {{send_at_display}}. Xin không trả lời thư này.{{#feed_url}} <a href="{{feed_url}}" style="color:#666;">Theo dõi các hạn trên lịch của đơn vị</a>.{{/feed_url}}</p>
            </div>
            </body>
            </html>

            """

        public static let chat = """
            [Nhắc hạn] {{unit_name}}: {{headline}}
            {{#items}}
            • {{task_action}}{{#has_number}} ({{directive_number}}){{/has_number}}
              Hạn: {{deadline_display}}, {{days_left_phrase}}{{#report_to}}; báo cáo về {{report_to}}{{#via}} (qua {{via}}){{/via}}{{/report_to}}
            {{#ack_url}}
              Đã báo cáo? Xác nhận: {{ack_url}}
            {{/ack_url}}
            {{/items}}
            """
    }
}
