# Events: the timeline, one event's page, its form; the choices both events and
# recommendations use.

## Shared
events-breadcrumb-label = Vị trí
events-title = Sự kiện
events-deleted = { $label } (đã xóa)
events-agreement-not-in-data = (văn bản không có trong dữ liệu)
events-event-not-in-data = (sự kiện không có trong dữ liệu)
events-agreement-not-here = (văn bản chưa có trong dữ liệu này)
events-kind = Loại
events-when = Thời gian
events-place = Địa điểm
events-attendees = Số đại biểu
events-chairs = Chủ trì
events-no-chairs = Chưa ghi người chủ trì.
events-agreements = Văn bản liên quan
events-guests = Khách mời
events-agenda = Chương trình
events-reports = Báo cáo đã nghe
events-conclusions = Kết luận
events-minutes = Biên bản

## The timeline
events-add = + Ghi sự kiện
events-filter-label = Lọc sự kiện
events-filter-agreement = Văn bản
events-filter-organisation = Cơ quan
events-filter-year = Năm
events-filter-all = Tất cả
events-filter-any-year = Mọi năm
events-matching = { $shown } / { $total } sự kiện khớp
events-count = { $shown } sự kiện
events-clear-filters = Xóa bộ lọc
events-empty-title = Chưa có sự kiện nào
events-empty-text = Ghi lại các hội nghị ký kết, buổi làm việc định kỳ, sơ kết, tổng kết và đối thoại với thanh niên: việc thực hiện văn bản phối hợp được theo dõi qua các sự kiện ấy.
events-no-match-title = Không có sự kiện nào khớp
events-no-match-text = Thử bỏ bớt bộ lọc.
events-year-heading = Năm { $year }
events-month-heading = Tháng { $month }/{ $year }
events-col-event = Sự kiện

## One event
events-person-not-in-directory = (người không có trong danh bạ)
events-co-chair-badge = đồng chủ trì
events-edit = Sửa
events-delete = Xóa
events-delete-refused = ghi là được nêu tại sự kiện này. Hãy bỏ sự kiện khỏi các kiến nghị dưới đây (hoặc xóa chúng) rồi thử lại:
events-general = Thông tin chung
events-not-recorded = Chưa ghi
events-no-agreements = Sự kiện chưa gắn với văn bản nào.
events-status-help = Văn bản được ký kết tại sự kiện mà chưa ghi ngày ký thì lấy ngày sự kiện làm ngày ký; văn bản được tổng kết tại sự kiện chuyển sang “Đã tổng kết” từ ngày sự kiện. Trạng thái do người dùng tự đặt vẫn được giữ nguyên.
events-recommendations-title = Kiến nghị tại sự kiện
events-raise-recommendation = + Kiến nghị tại sự kiện này
events-no-recommendations = Chưa ghi kiến nghị nào tại sự kiện này.
events-record-meta = Tạo lúc { $created } · Sửa lần cuối { $updated } · { $edits } lần sửa

## The form
events-saved-new = Đã lưu sự kiện.
events-saved-changes = Đã lưu thay đổi của sự kiện.
events-new-title = Ghi sự kiện
events-edit-title = Sửa sự kiện
events-form-event = Sự kiện
events-form-kind = Loại sự kiện
events-attendees-placeholder = Ví dụ: 200
events-attendees-help = Số như báo cáo ghi; “trên 200” thì nhập 200.
events-form-title = Tên sự kiện
events-form-title-placeholder = Ví dụ: Chủ tịch UBND tỉnh làm việc với Ban Chấp hành Tỉnh đoàn năm 2023
events-form-date = Ngày
events-form-time = Giờ bắt đầu
events-time-help = Giờ Việt Nam, dạng HH:mm; để trống là 08:00.
events-place-placeholder = Ví dụ: Trung tâm Hội nghị tỉnh Trà Vinh
events-chairs-help = Chọn người trong danh bạ; chức vụ điền sẵn theo chức vụ người đó giữ vào ngày sự kiện, sửa được.
events-chair-label = Người chủ trì { $number }
events-chair-position = Chức vụ khi đó
events-co-chair = Đồng chủ trì
events-chair-remove = Bỏ người chủ trì { $number }
events-chair-add = + Thêm người chủ trì
events-links-help = Vai trò “ký kết văn bản” và “tổng kết việc thực hiện” làm đổi trạng thái của văn bản; sau khi lưu, thông báo sẽ nói rõ đổi thế nào.
events-links-none = Chưa gắn văn bản nào.
events-link-label = Văn bản { $number }
events-choose-agreement = — Chọn văn bản —
events-link-role = Vai trò của sự kiện
events-link-remove = Bỏ văn bản { $number }
events-link-add = + Gắn văn bản
events-content-legend = Người dự và nội dung
events-guests-field = Khách mời (mỗi dòng một người hoặc một nhóm)
events-save = Lưu
events-cancel = Hủy
