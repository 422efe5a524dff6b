# Recommendations (kiến nghị): the list, and one recommendation's page.

## Shared
recommendations-title = Kiến nghị
recommendations-col-content = Nội dung
recommendations-col-to = Gửi đến
recommendations-col-agreement = Văn bản
recommendations-col-deadline = Hạn
recommendations-col-status = Trạng thái
recommendations-overdue = quá hạn { $days } ngày

## The list
recommendations-add = + Thêm kiến nghị
recommendations-filter-label = Lọc kiến nghị
recommendations-filter-status = Trạng thái
recommendations-filter-agreement = Văn bản
recommendations-filter-all = Tất cả
recommendations-matching = { $shown } / { $total } kiến nghị khớp
recommendations-count = { $shown } kiến nghị
recommendations-clear-filters = Xóa bộ lọc
recommendations-empty-title = Chưa có kiến nghị nào
recommendations-empty-text = Ghi các kiến nghị nêu tại buổi làm việc, hội nghị (hoặc gửi riêng), cơ quan phải trả lời và hạn trả lời, để theo dõi việc giải quyết.
recommendations-no-match-title = Không có kiến nghị nào khớp
recommendations-no-match-text = Thử bỏ bớt từ khóa hoặc bộ lọc. Tìm kiếm không phân biệt dấu và chữ hoa.

## One recommendation
recommendations-saved-changes = Đã lưu thay đổi.
recommendations-saved-new = Đã thêm kiến nghị.
recommendations-new-title = Thêm kiến nghị
recommendations-breadcrumb-label = Vị trí
recommendations-deadline = Hạn { $date }
recommendations-details = Nội dung kiến nghị
recommendations-new-details = Kiến nghị mới
recommendations-content = Nội dung
recommendations-event = Nêu tại sự kiện
recommendations-no-event = — Không gắn sự kiện (gửi riêng) —
recommendations-open-event = Mở trang sự kiện
recommendations-raised-on = Ngày nêu
recommendations-raised-by = Cơ quan nêu kiến nghị
recommendations-none-recorded = — Không ghi —
recommendations-addressed-to = Gửi đến (cơ quan phải trả lời)
recommendations-addressed-to-help = chọn một hoặc nhiều cơ quan
recommendations-agreement = Văn bản liên quan
recommendations-no-agreement = — Không gắn văn bản —
recommendations-area = Nội dung phối hợp
recommendations-choose-agreement-first = — Chọn văn bản trước —
recommendations-response-deadline = Hạn trả lời
recommendations-responded-on = Ngày trả lời
recommendations-response = Nội dung trả lời
recommendations-save = Lưu
recommendations-cancel = Hủy
recommendations-record-meta = Tạo lúc { $created } · Sửa lần cuối { $updated } · { $edits } lần sửa

## Status
recommendations-status-unchanged = Trạng thái vẫn là “{ $status }”: không có gì thay đổi.
recommendations-status-changed = Đã chuyển trạng thái sang “{ $status }”.
recommendations-status-title = Trạng thái
recommendations-status-to = Chuyển sang
recommendations-status-note = Ghi chú
recommendations-status-note-placeholder = Ví dụ: Sở đã có văn bản trả lời
recommendations-status-update = Cập nhật trạng thái
recommendations-status-help = Mỗi lần đổi trạng thái được ghi lại cùng ngày và ghi chú. Khi chuyển sang “Đã giải quyết” hoặc “Không chấp nhận”, ngày trả lời được điền là hôm nay nếu còn trống.
recommendations-history-title = Lịch sử trạng thái
recommendations-history-none = Chưa có thay đổi trạng thái nào.
recommendations-history-change = Thay đổi
recommendations-history-date = Ngày
recommendations-history-note = Ghi chú

## The page to read, search and the overdue filter
recommendations-eyebrow = Kiến nghị
recommendations-sent-separately = Gửi riêng, không gắn sự kiện
recommendations-no-response = Chưa có nội dung trả lời.
recommendations-search-label = Tìm kiến nghị
recommendations-search-placeholder = Tìm theo nội dung, cơ quan, văn bản… (gõ không dấu cũng được)
recommendations-filter-overdue = Chỉ kiến nghị quá hạn
recommendations-edit-title = Sửa kiến nghị
