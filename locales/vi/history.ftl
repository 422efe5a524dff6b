history-title = Lịch sử thay đổi
history-none = Chưa ghi nhận thay đổi nào (bản ghi có từ trước khi ứng dụng ghi lịch sử, hoặc từ tệp của phiên bản cũ).
history-entry-head = { $when } · { $who } · { $office } · { $how }
history-unnamed = (người sửa chưa ghi tên)
history-this-office = đơn vị này
history-other-office = đơn vị khác (mã { $id }…)
history-how-created = tạo mới
history-how-typed = nhập trực tiếp
history-how-imported = nhận từ tệp của { $office }
history-how-conflict = chọn khi xử lý xung đột
history-how-conflict-file = chọn khi xử lý xung đột với tệp của { $office }
history-how-undeleted = khôi phục bản ghi đã xóa
history-how-snapshot = khôi phục từ bản sao lưu lúc { $taken }
history-absent = (chưa có)
history-empty = (trống)
history-shortened = { $head } … [lược { $left_out } ký tự] … { $tail }
history-see-audit = Xem mọi thay đổi của đơn vị
settings-editor = Người sử dụng
settings-editor-name = Họ và tên của bạn (ghi vào lịch sử mỗi lần bạn sửa)
settings-editor-help = Tên chỉ lưu trên trình duyệt này. Mỗi thay đổi bạn làm sẽ ghi tên này, cùng thời gian và đơn vị.
settings-editor-saved = Đã lưu tên.
settings-editor-not-saved = Trình duyệt không cho lưu tên.
editor-ask = Bạn chưa cho biết tên. Các thay đổi bạn làm sẽ được ghi lại nhưng không có tên người sửa.
editor-ask-save = Lưu tên
editor-ask-later = Để sau
history-collection-organisations = Cơ quan, đơn vị
history-collection-people = Cá nhân
history-collection-agreements = Quy chế, kế hoạch
history-collection-events = Sự kiện
history-collection-recommendations = Kiến nghị
nav-audit = Nhật ký thay đổi
audit-title = Nhật ký thay đổi
audit-intro = Mọi thay đổi của mọi bản ghi, mới nhất trước: ai sửa, lúc nào, ở đơn vị nào, sửa gì. Chọn khoảng ngày, đơn vị, người sửa hoặc loại bản ghi để lọc.
audit-from = Từ ngày
audit-to = Đến ngày
audit-office = Đơn vị
audit-person = Người sửa
audit-collection = Loại bản ghi
audit-all = Tất cả
audit-count = { $count } thay đổi
history-part = { $before ->
    [0] {""}
   *[other] [lược { $before } ký tự] …
}{ $text }{ $after ->
    [0] {""}
   *[other] … [lược { $after } ký tự]
}
history-brought = Các thay đổi tệp mang đến ({ $count })
