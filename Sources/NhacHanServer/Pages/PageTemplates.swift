/// The pages' Mustache templates: plain HTML in Vietnamese, no external assets, legible from
/// a 360 px phone to a desktop, in the colours of the reminder email.
enum PageTemplates {
    static let layout = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>{{title}} · Nhắc hạn</title>
        <style>
        *{box-sizing:border-box}
        body{margin:0;background:#f4f4f4;color:#222;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5}
        header{background:#1565c0;color:#fff;padding:10px 16px}
        header a,header button{color:#fff}
        header nav{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin-top:4px;font-size:15px}
        header form{display:inline;margin:0}
        header button{background:none;border:1px solid #fff;border-radius:4px;padding:2px 10px;font-size:15px;cursor:pointer}
        main{max-width:1100px;margin:0 auto;padding:16px}
        .card{background:#fff;padding:16px;border-radius:6px;margin:0 0 16px 0}
        .narrow{max-width:600px;margin-left:auto;margin-right:auto}
        h1{font-size:22px;margin:0 0 12px 0}
        h2{font-size:18px;margin:0 0 8px 0}
        dl{margin:0 0 12px 0}
        dt{font-weight:bold;margin-top:8px}
        dd{margin:0}
        label{display:block;font-weight:bold;margin:12px 0 4px 0}
        input[type=text],input[type=password],textarea,select{width:100%;max-width:420px;padding:10px;font-size:16px;border:1px solid #999;border-radius:4px}
        textarea{min-height:80px}
        .button{display:inline-block;margin-top:16px;padding:12px 20px;background:#1565c0;color:#fff;border:0;border-radius:4px;font-size:17px;font-weight:bold;cursor:pointer}
        .small{padding:2px 8px;margin:4px 0 0 0;font-size:13px;font-weight:normal;background:#fff;color:#1565c0;border:1px solid #1565c0}
        .notice{padding:12px;border-left:4px solid #1565c0;background:#e3f2fd}
        .error{border-left-color:#c62828;background:#ffebee}
        .ok{border-left-color:#2e7d32;background:#e8f5e9}
        .muted{color:#555;font-size:14px}
        .filters{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end}
        .filters div{flex:1 1 180px;min-width:0}
        .filters div:last-child{flex:0 0 auto}
        .filters label{margin:0}
        .filters select{width:100%;max-width:100%}
        .counts{display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:0;list-style:none}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}
        th,td{border:1px solid #ddd;padding:6px;text-align:left;vertical-align:top}
        th{background:#eceff1}
        .state{display:inline-block;padding:2px 8px;border-radius:10px;color:#fff;font-size:13px;white-space:nowrap}
        .reported{background:#2e7d32}.reported_late{background:#6a1b9a}.pending{background:#1565c0}.due_soon{background:#ef6c00}.overdue{background:#c62828}
        </style>
        </head>
        <body>
        <header><strong>Nhắc hạn</strong>{{#coordinator}}
        <nav><a href="/status">Tình hình báo cáo</a><a href="/status.csv{{#query}}?{{query}}{{/query}}">Tải CSV</a><a href="/status.xlsx{{#query}}?{{query}}{{/query}}">Tải Excel</a>{{#csrf}}<form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Đăng xuất ({{username}})</button></form>{{/csrf}}</nav>{{/coordinator}}</header>
        <main>
        {{{body}}}
        </main>
        </body>
        </html>
        """

    static let ack = """
        <div class="card narrow">
        <h1>{{#done}}Đã ghi nhận{{/done}}{{^done}}Xác nhận đã báo cáo{{/done}}</h1>
        {{#done}}<p class="notice ok">Đã ghi nhận: {{unit_name}} đã báo cáo lúc {{acked_at}}{{#acked_how}} ({{acked_how}}){{/acked_how}}. Hệ thống sẽ thôi nhắc việc này.</p>{{/done}}
        <dl>
        <dt>Đơn vị</dt><dd>{{unit_name}}</dd>
        <dt>Văn bản</dt><dd>{{#number}}Số {{number}}: {{/number}}{{subject}}</dd>
        <dt>Nhiệm vụ</dt><dd>{{action}}</dd>
        <dt>Hạn</dt><dd>{{deadline}}</dd>
        {{#report_to}}<dt>Báo cáo về</dt><dd>{{report_to}}{{#via}} (qua {{via}}){{/via}}</dd>{{/report_to}}
        {{#note}}<dt>Ghi chú</dt><dd>{{note}}</dd>{{/note}}
        </dl>
        {{^done}}
        <form method="post">
        <label for="note">Ghi chú (không bắt buộc), ví dụ số văn bản báo cáo</label>
        <textarea id="note" name="note" maxlength="500"></textarea>
        <button class="button" type="submit">Xác nhận đã báo cáo</button>
        </form>
        <p class="muted">Mở trang này không thay đổi gì: hệ thống chỉ ghi nhận khi bấm nút.</p>
        {{/done}}
        </div>
        """

    static let message = """
        <div class="card narrow">
        <h1>{{heading}}</h1>
        <p class="notice{{#is_error}} error{{/is_error}}">{{text}}</p>
        {{#hint}}<p class="muted">{{hint}}</p>{{/hint}}
        </div>
        """

    static let login = """
        <div class="card narrow">
        <h1>Đăng nhập điều phối viên</h1>
        {{#error}}<p class="notice error">{{error}}</p>{{/error}}
        <form method="post" action="/login">
        <input type="hidden" name="next" value="{{next}}">
        <label for="username">Tên đăng nhập</label>
        <input id="username" name="username" type="text" autocomplete="username" required value="{{username}}">
        <label for="password">Mật khẩu</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button class="button" type="submit">Đăng nhập</button>
        </form>
        </div>
        """

    static let status = """
        <h1>Tình hình báo cáo</h1>
        {{#flash}}<p class="notice ok">{{flash}}</p>{{/flash}}
        <form class="card filters" method="get" action="/status">
        <div><label for="directive">Văn bản</label><select id="directive" name="directive"><option value="">Tất cả</option>{{#directives}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/directives}}</select></div>
        <div><label for="unit">Đơn vị</label><select id="unit" name="unit"><option value="">Tất cả</option>{{#units}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/units}}</select></div>
        <div><label for="state">Tình trạng</label><select id="state" name="state"><option value="">Tất cả</option>{{#states}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}</select></div>
        <div><button class="button small" type="submit">Lọc</button></div>
        </form>
        <ul class="counts card" aria-label="Số lượng theo tình trạng">{{#counts}}<li><span class="state {{id}}">{{label}}: {{count}}</span></li>{{/counts}}</ul>
        {{^sections}}<p class="card">Không có nhiệm vụ nào khớp bộ lọc.</p>{{/sections}}
        {{#sections}}
        <section class="card">
        <h2>{{#number}}{{number}}: {{/number}}{{subject}}</h2>
        <div class="scroll"><table>
        <thead><tr><th scope="col">Đơn vị</th>{{#tasks}}<th scope="col">{{action}}</th>{{/tasks}}</tr></thead>
        <tbody>
        {{#rows}}<tr><th scope="row"><a href="/status?unit={{unit}}">{{unit_name}}</a></th>{{#cells}}<td>{{#present}}<span class="state {{state}}">{{label}}</span><br>hạn {{deadline}}{{#reported_at}}<br>báo cáo {{reported_at}}{{/reported_at}}{{#late}}<br>muộn {{late}} ngày làm việc{{/late}}{{#more}}<br><span class="muted">+{{more}} kỳ khác</span>{{/more}}
        {{#can_mark}}<form method="post" action="/status/ack"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="directive" value="{{directive}}"><input type="hidden" name="task" value="{{task}}"><input type="hidden" name="unit" value="{{unit}}"><input type="hidden" name="occurrence" value="{{occurrence}}"><input type="hidden" name="back" value="{{back}}">{{#reported}}<input type="hidden" name="action" value="unack"><button class="button small" type="submit">Bỏ đánh dấu</button>{{/reported}}{{^reported}}<input type="hidden" name="action" value="ack"><button class="button small" type="submit">Đánh dấu đã báo cáo</button>{{/reported}}</form>{{/can_mark}}{{/present}}</td>{{/cells}}</tr>
        {{/rows}}
        </tbody></table></div>
        </section>
        {{/sections}}
        <section class="card">
        <h2>Lịch sử xác nhận</h2>
        {{^history}}<p>Chưa có xác nhận nào.</p>{{/history}}
        {{#has_history}}<div class="scroll"><table><thead><tr><th>Đơn vị</th><th>Văn bản / nhiệm vụ</th><th>Kỳ hạn</th><th>Lúc</th><th>Cách</th><th>Ghi chú</th></tr></thead><tbody>
        {{#history}}<tr><td>{{unit_name}}</td><td>{{directive}} / {{task}}</td><td>{{occurrence}}</td><td>{{at}}</td><td>{{how}}</td><td>{{note}}</td></tr>{{/history}}
        </tbody></table></div>{{/has_history}}
        </section>
        <section class="card">
        <h2>Thư không gửi được</h2>
        {{^dead}}<p>Không có.</p>{{/dead}}
        {{#has_dead}}<div class="scroll"><table><thead><tr><th>Đơn vị</th><th>Kênh</th><th>Nơi nhận</th><th>Số lần thử</th><th>Lỗi</th></tr></thead><tbody>
        {{#dead}}<tr><td>{{unit_name}}</td><td>{{channel}}</td><td>{{target}}</td><td>{{attempts}}</td><td>{{error}}</td></tr>{{/dead}}
        </tbody></table></div><p class="muted">Sửa nguyên nhân rồi chạy <code>nhachan retry</code> để gửi lại.</p>{{/has_dead}}
        </section>
        """
}
