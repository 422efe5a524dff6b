# Shared wording of the core's enums and problems (src/ui/text.rs), and small shared pieces
# (src/ui/widgets.rs, src/ui/update.rs).

## Agreement status
status-draft = Dự thảo
status-signed = Đã ký, chưa hiệu lực
status-in-force = Đang hiệu lực
status-expired = Hết hiệu lực
status-summarised = Đã tổng kết
status-terminated = Chấm dứt

## Why an agreement has its status
status-reason-set-by-user = Do người dùng đặt
status-reason-set-by-user-why = Do người dùng đặt: { $why }
status-reason-not-signed = Chưa có ngày ký
status-reason-starts-on = Hiệu lực từ { $date }
status-reason-in-force-until = Hiệu lực đến hết { $date }
status-reason-in-force-open = Đã ký; chưa ghi thời hạn
status-reason-ended-on = Giai đoạn đã kết thúc { $date }
status-reason-summarised-at = Đã tổng kết tại hội nghị ngày { $date }
status-reason-signed-at = Ký tại hội nghị ngày { $date }; chưa đến thời hạn hiệu lực

## Kinds
agreement-kind-regulation = Quy chế phối hợp
agreement-kind-plan = Kế hoạch / giao ước phối hợp
agreement-kind-other = Văn bản khác
agreement-kind-short-regulation = Quy chế
agreement-kind-short-plan = Kế hoạch
agreement-kind-short-other = Khác
organisation-kind-peoples-committee = Ủy ban nhân dân
organisation-kind-party-committee = Cấp ủy Đảng
organisation-kind-mass-organisation = Tổ chức chính trị - xã hội
organisation-kind-department = Sở, ban, ngành
organisation-kind-other = Khác

## Signing authority
authority-own = (ký trực tiếp)
authority-on-behalf-of = TM. (thay mặt)
authority-acting-for = KT. (ký thay)
authority-interim = Q. (quyền)
authority-by-order = TL. (thừa lệnh)
authority-by-delegation = TUQ. (thừa ủy quyền)

## Validation problems
problem-required = Bắt buộc nhập.
problem-end-before-start = Ngày kết thúc đứng trước ngày bắt đầu.
problem-no-lead = Chọn một bên chủ trì.
problem-several-leads = Chỉ được có một bên chủ trì.
problem-too-few-parties = Cần ít nhất hai bên tham gia.
problem-duplicate-party = Cơ quan này đã có trong danh sách các bên.
problem-unknown-organisation = Chọn một cơ quan có trong danh bạ.
problem-unknown-person = Chọn một người có trong danh bạ.
problem-signatory-not-party = Người ký phải ký cho một trong các bên của văn bản.
problem-parent-not-regulation = Văn bản cấp trên phải là một quy chế phối hợp.
problem-parent-only-for-plans = Chỉ kế hoạch mới thuộc một quy chế.
problem-number-taken = Số hiệu này đã dùng cho một văn bản khác của cùng các bên.
problem-too-long = Quá dài: tối đa { $max } ký tự.
problem-name-taken = Danh bạ đã có một cơ quan cùng tên. Kiểm tra để không nhập trùng.
problem-original-web-address = Địa chỉ web chưa đúng: cần dạng https://tên-máy-chủ/đường-dẫn, không có dấu cách.
problem-original-share-path = Đường dẫn thư mục chia sẻ chưa đúng: cần dạng \\tên-máy\thư-mục\tệp.pdf.
problem-original-file-address = Địa chỉ tệp chưa đúng: cần dạng file://tên-máy/thư-mục/tệp.pdf.
problem-original-sha256 = Mã SHA-256 phải gồm đúng 64 ký tự 0–9, a–f. Cách dễ nhất: chọn tệp bản quét để máy tự tính.
problem-supersedes-itself = Văn bản không thể thay thế chính nó.
problem-supersedes-cycle = Chuỗi thay thế bị vòng lặp (văn bản cũ lại thay thế văn bản này).
problem-own-parent = Không thể chọn chính nó.
problem-title-years-differ = Tên ghi giai đoạn { $title }, nhưng thời hạn là { $period }. Kiểm tra lại.
problem-signed-after-end = Ngày ký sau khi giai đoạn đã kết thúc.
problem-position-ends-before-start = Ngày thôi giữ chức vụ đứng trước ngày bắt đầu.
problem-responsible-not-party = Đơn vị chịu trách nhiệm phải là một bên của văn bản.
date-error-unrecognised = Không đọc được ngày. Nhập dd/mm/yyyy, mm/yyyy hoặc yyyy.
date-error-not-a-day = Cần ngày cụ thể: nhập dd/mm/yyyy, ví dụ 02/04/2018.
date-error-no-such-day = Ngày này không tồn tại.
date-error-year-out-of-range = Năm phải trong khoảng 1900–2200.

## A save refused for what a form holds: the same words in every form
form-not-saved = Chưa lưu: có { $count } chỗ cần sửa (đánh dấu đỏ). Dữ liệu chưa thay đổi.

## Events and recommendations
event-kind-signing = Hội nghị ký kết
event-kind-annual-session = Làm việc định kỳ hằng năm
event-kind-mid-term-review = Hội nghị sơ kết
event-kind-summary-conference = Hội nghị tổng kết
event-kind-youth-dialogue = Đối thoại với thanh niên
event-kind-other = Sự kiện khác
event-role-signed = ký kết văn bản
event-role-summarised = tổng kết việc thực hiện
event-role-reviewed = xem xét việc thực hiện
recommendation-status-open = Chờ xử lý
recommendation-status-in-progress = Đang xử lý
recommendation-status-resolved = Đã giải quyết
recommendation-status-declined = Không chấp nhận
activity-problem-bad-time = Không đọc được giờ. Nhập dạng HH:mm, ví dụ 08:00 hoặc 14:30.
activity-problem-bad-count = Nhập một số nguyên không âm, ví dụ 200.
activity-problem-count-too-large = Số quá lớn: kiểm tra lại số người tham dự.
activity-problem-unknown-agreement = Chọn một văn bản có trong dữ liệu (chưa bị xóa).
activity-problem-agreement-linked-twice = Văn bản này đã được liên kết ở dòng trên.
activity-problem-person-chairs-twice = Người này đã có trong danh sách chủ trì.
activity-problem-organisation-listed-twice = Cơ quan này đã được chọn.
activity-problem-no-addressee = Chọn ít nhất một cơ quan nhận kiến nghị.
activity-problem-unknown-event = Chọn một sự kiện có trong dữ liệu (chưa bị xóa).
activity-problem-area-not-in-agreement = Nội dung phối hợp này không thuộc văn bản đã chọn.
activity-problem-deadline-before-raised = Hạn xử lý đứng trước ngày nêu kiến nghị. Kiểm tra lại.
activity-problem-responded-before-raised = Ngày trả lời đứng trước ngày nêu kiến nghị. Kiểm tra lại.

## What saving an event did to a linked agreement's status
status-effect-changed-by-this-event = “{ $title }” nay: { $status } (do sự kiện này).
status-effect-changed = “{ $title }” nay: { $status } ({ $reason }).
status-effect-confirmed = “{ $title }” vẫn: { $status } (do sự kiện này).
status-effect-from-event-day = “{ $title }”: sự kiện được tính từ ngày { $date } nên hiện vẫn: { $status }.
status-effect-kept-by-setting = “{ $title }” giữ trạng thái do người dùng đặt: { $status }.
status-effect-unchanged = “{ $title }” vẫn: { $status } ({ $reason }).

## Storage errors
store-error-quota-exceeded = Bộ nhớ của trình duyệt dành cho trang này đã đầy.
store-error-unavailable = Trình duyệt không cho dùng bộ nhớ cục bộ ({ $why }).
store-error-other = Trình duyệt từ chối ghi dữ liệu ({ $why }).
store-error-read-only = Trang đang ở chế độ chỉ xem nên không ghi gì vào trình duyệt.

## Filters (lists)
filter-all = Tất cả
filter-any-year = Mọi năm
filter-clear = Xóa bộ lọc

## Actions and small shared pieces
action-edit = Sửa
action-delete = Xóa
action-cancel = Hủy
action-save = Lưu
action-close = Đóng
action-print = In
action-undo = Hoàn tác
breadcrumb-label = Vị trí

## Banners, toasts and pages shared by all (widgets.rs)
save-failed-title = Chưa lưu được thay đổi.
save-failed-text = { $count } bản ghi vẫn còn trong trang này nhưng chưa được lưu vào trình duyệt; dữ liệu đã lưu trước đó không bị ảnh hưởng. Đừng đóng trang: hãy xuất toàn bộ dữ liệu ra tệp, rồi giải phóng dung lượng. Phối hợp tự thử lưu lại sau ít giây.
save-failed-retry = Thử lưu lại
save-failed-exported = Đã tạo tệp { $name }: toàn bộ dữ liệu, kể cả thay đổi chưa lưu.
save-failed-export-error = Không tạo được tệp: { $why }
export-everything = Xuất toàn bộ dữ liệu
banner-read-only-newer = Trang đang ở chế độ chỉ xem: dữ liệu trong trình duyệt này do một phiên bản Phối hợp mới hơn lưu (cách lưu { $found }). Phiên bản này không ghi gì để khỏi làm hỏng dữ liệu đó; hãy dùng phiên bản mới hơn. Xem chi tiết trong
banner-read-only-damaged = Trang đang ở chế độ chỉ xem: dấu hiệu cách lưu dữ liệu bị hỏng (chứa “{ $found }”, không phải giá trị do bất kỳ phiên bản nào của Phối hợp ghi). Đây là dữ liệu hỏng, không phải dữ liệu của phiên bản mới hơn. Phối hợp không ghi gì để khỏi làm hỏng thêm; hãy xuất toàn bộ dữ liệu ra tệp. Xem chi tiết trong
banner-read-only-unavailable = Trang đang ở chế độ chỉ xem: trình duyệt không cho trang dùng bộ nhớ cục bộ ({ $why }), nên không lưu được gì. Xem chi tiết trong
read-only-why-newer = dữ liệu trong trình duyệt này do phiên bản Phối hợp mới hơn lưu, nên trang chỉ cho xem.
read-only-why-damaged = dấu hiệu cách lưu dữ liệu bị hỏng, nên trang chỉ cho xem.
read-only-why-unavailable = trình duyệt không cho trang dùng bộ nhớ cục bộ, nên trang chỉ cho xem.
read-only-note = Không lưu được: { $why }
read-only-pending = { $count } bản ghi đã sửa trong trang này chưa được lưu: hãy xuất toàn bộ dữ liệu ra tệp trước khi đóng trang.
banner-no-tab-lock = Trình duyệt này không điều phối được việc lưu giữa các thẻ: nếu mở Phối hợp ở hai thẻ và lưu cùng lúc, một thay đổi có thể bị mất. Hãy chỉ mở Phối hợp ở một thẻ, hoặc cập nhật trình duyệt.
banner-load-problems = { $count } mục dữ liệu đã lưu không đọc được; phần còn lại vẫn dùng bình thường và các mục hỏng được giữ nguyên. Xem và xuất nội dung gốc trong
banner-storage-nearly-full = Bộ nhớ trình duyệt đã dùng quá 80%. Hãy xuất toàn bộ dữ liệu ra tệp. Xem trong
conflict-title = Cùng một bản ghi vừa được sửa ở hai thẻ (cửa sổ) cùng lúc.
conflict-text = Chỉ các trường dưới đây còn khác nhau giữa hai bản; mọi thay đổi khác đã được lưu. Hãy chọn giá trị cần giữ cho từng trường rồi bấm “Lưu lựa chọn”, hoặc giữ trọn một bản.
conflict-apply = Lưu lựa chọn
conflict-pick-every-field = Hãy chọn giá trị cho từng trường trước khi lưu.
conflict-deleted-yes = Đã xóa
conflict-deleted-no = Chưa xóa
conflict-field = Trường
conflict-stored = Bản đang lưu
conflict-other = Bản còn lại
conflict-keep-stored = Giữ bản đang lưu
conflict-keep-other = Giữ bản còn lại
toast-not-stored = Chưa lưu được vào trình duyệt: xem thông báo ở đầu trang.
toast-close = Đóng thông báo
not-found-title = Không tìm thấy trang
not-found-text = Đường dẫn “{ $path }” không trỏ tới trang nào của Phối hợp.
back-to-agreements = Về danh sách văn bản
missing-agreement = Không có văn bản này
missing-event = Không có sự kiện này
missing-recommendation = Không có kiến nghị này
missing-organisation = Không có cơ quan này
missing-person = Không có người này
missing-deleted = Bản ghi đã bị xóa. Nếu vừa xóa nhầm, bấm “Hoàn tác” ở thông báo phía dưới.
missing-elsewhere = Có thể đường dẫn đến từ dữ liệu của đơn vị khác chưa được nhập vào trình duyệt này.
record-not-in-data = (bản ghi chưa có trong dữ liệu này)
delete-refused-title = Chưa xóa được.
delete-refused-count = Còn { $count } bản ghi
delete-refused-default = đang dùng đến mục này; hãy xóa hoặc sửa chúng trước:

## A new version (update.rs)
update-ready = Đã có phiên bản mới. Tải lại để dùng.
update-reload = Tải lại
update-unsaved-form = Có biểu mẫu chưa lưu: hãy lưu hoặc hủy trước khi tải lại.
unsaved-leave-question = Biểu mẫu còn nội dung chưa lưu. Rời trang này và bỏ nội dung đó?

## Notices of deletion and undo
record-deleted = Đã xóa “{ $label }”.
undo-undeleted = Đã hoàn tác: bản ghi đã trở lại.
undo-created-removed = Đã hoàn tác: bản ghi vừa tạo đã được xóa.
undo-blocked = Không hoàn tác được: đã có { $count } bản ghi khác dùng đến bản ghi này.

## Long work in progress (widgets.rs WorkProgress)
work-export = Đang xuất tệp…
work-read-import = Đang đọc tệp…
work-snapshot = Đang sao lưu dữ liệu…
work-apply-import = Đang nhập dữ liệu…
work-count = { $done } / { $total } bản ghi
work-busy = Đang có một việc khác chạy (xuất hoặc nhập tệp): hãy đợi xong rồi thử lại.
