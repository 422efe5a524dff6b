# First run (src/ui/first_run.rs) and the settings page (src/ui/settings.rs).

## First run
first-run-welcome = Chào mừng đến với Phối hợp
first-run-lead = Sổ theo dõi quy chế phối hợp công tác giữa các cơ quan: văn bản, các bên, người ký, nội dung phối hợp và kế hoạch thực hiện. Dữ liệu nằm ngay trong trình duyệt này, dùng được cả khi không có mạng.
first-run-office-name = Tên cơ quan / đơn vị của bạn
first-run-office-name-placeholder = Ví dụ: Văn phòng UBND tỉnh Trà Vinh
first-run-office-name-help = Tên này đi kèm các tệp bạn xuất để đơn vị khác biết nguồn. Có thể đổi sau trong Cài đặt.
first-run-name-required = Hãy nhập tên cơ quan, đơn vị của bạn.
first-run-continue = Tiếp tục
first-run-hello = Xin chào,
first-run-how-to-start = Bạn muốn bắt đầu thế nào?
first-run-existing-data = Trình duyệt này đã có dữ liệu của Phối hợp; dữ liệu đó được giữ nguyên.
first-run-load-sample = Nạp dữ liệu mẫu
first-run-load-sample-text = Quy chế phối hợp giữa UBND tỉnh và Tỉnh Đoàn Trà Vinh, giai đoạn 2013 – 2017 và 2018 – 2022, cùng 20 kế hoạch với các sở, ngành (minh họa), và một giai đoạn hiện tại minh họa đặt theo ngày hôm nay. Xóa được bất cứ lúc nào trong Cài đặt.
first-run-keep-data = Tiếp tục với dữ liệu hiện có
first-run-start-empty = Bắt đầu trống
first-run-start-empty-text = Tự nhập văn bản, cơ quan và người ký của đơn vị bạn.
first-run-change-name = ← Đổi tên cơ quan
first-run-sample-loaded = Đã nạp dữ liệu mẫu: Trà Vinh 2013 – 2022 và một giai đoạn hiện tại minh họa.
first-run-not-saved = Không lưu được: { $why }

## Settings
settings-title = Cài đặt
settings-office = Cơ quan sử dụng
settings-office-name = Tên cơ quan / đơn vị
settings-office-name-required = Tên cơ quan không được để trống.
settings-office-name-saved = Đã lưu tên cơ quan.
settings-install-id = Mã cài đặt:
settings-install-id-help = Mã này phân biệt các thay đổi của đơn vị bạn khi gộp dữ liệu với đơn vị khác.

## An unreadable office key (first_run.rs OfficeRecovery)
office-damaged-title = Không đọc được thông tin đơn vị
office-damaged-lead = Mục lưu tên và mã cài đặt của đơn vị trong trình duyệt bị hỏng. Văn bản, sự kiện và mọi dữ liệu khác vẫn còn nguyên; nội dung gốc của mục hỏng xem ở Cài đặt → Dữ liệu không đọc được.
office-damaged-from-raw = Phối hợp đã đọc lại được mã cài đặt của đơn vị từ nội dung gốc của mục hỏng: { $id }. Hãy xác nhận tên đơn vị; các thay đổi từ nay vẫn mang mã này, như trước.
office-damaged-from-snapshot = Phối hợp đã tìm lại mã cài đặt của đơn vị trong bản sao lưu lúc { $time }: { $id }. Hãy xác nhận tên đơn vị; các thay đổi từ nay vẫn mang mã này, như trước.
office-damaged-from-records = Mã cài đặt { $id } đã tạo { $count } bản ghi ở đây mà không đơn vị nào khác sửa; bản gần nhất là “{ $label }”, lúc { $time }. Nếu đó là việc của đơn vị bạn, hãy giữ mã này. Nếu đó là dữ liệu nhập từ đơn vị khác, hãy dùng mã mới: giữ nhầm mã của đơn vị khác sẽ làm lẫn thay đổi của hai nơi.
office-damaged-not-found = Không tìm lại được chắc chắn mã cài đặt cũ của đơn vị (dữ liệu ở đây đến từ nhiều đơn vị). Đơn vị sẽ dùng một mã mới: dữ liệu và việc trao đổi tệp vẫn đúng, chỉ là các đơn vị khác sẽ thấy các thay đổi từ nay mang mã mới.
office-damaged-keep = Giữ mã này và tiếp tục
office-damaged-new = Dùng mã mới và tiếp tục
office-damaged-not-ours = Không phải đơn vị tôi: dùng mã mới
office-mended-kept = Đã lưu lại thông tin đơn vị với mã cài đặt cũ ({ $id }).
office-mended-new = Đã lưu lại thông tin đơn vị với mã cài đặt mới ({ $id }).

## Settings → sample data; start again
sample-title = Dữ liệu mẫu
sample-present = Đang có { $count } bản ghi mẫu bạn chưa sửa.
sample-edited-kept = { $count } bản ghi mẫu bạn đã sửa được coi là dữ liệu của bạn và luôn được giữ lại.
sample-remove-explain = “Xóa dữ liệu mẫu” xóa một lần mọi bản ghi mẫu bạn chưa sửa, và hoàn tác được. Bản ghi mẫu bạn đã sửa được coi là dữ liệu của bạn và được giữ lại; bản ghi mẫu mà dữ liệu của bạn còn dùng đến (ví dụ một cơ quan là bên của văn bản bạn nhập) cũng được giữ. Dữ liệu bạn tự nhập không bị động đến.
sample-remove = Xóa dữ liệu mẫu
sample-removed = Đã xóa { $count } bản ghi mẫu{ $kept ->
    [0] .
   *[other] ; giữ lại { $kept } bản ghi mẫu bạn đã sửa hoặc còn dùng đến.
}
sample-gone = Đã xóa dữ liệu mẫu ({ $count } bản ghi). Có thể đưa trở lại nếu cần xem lại.
sample-bring-back = Đưa dữ liệu mẫu trở lại
sample-back = Đã đưa trở lại { $count } bản ghi mẫu.
sample-none = Không có dữ liệu mẫu nào trong trình duyệt này.
start-again-title = Bắt đầu lại
start-again-explain = Xóa toàn bộ dữ liệu Phối hợp trong trình duyệt này (văn bản, danh bạ, sự kiện, kiến nghị, bản sao lưu, bản nháp) rồi bắt đầu như lần đầu. Các cơ quan khác không bị ảnh hưởng.
start-again = Bắt đầu lại…
start-again-question = Xóa toàn bộ dữ liệu trong trình duyệt này?
start-again-export-first = Không thể hoàn tác. Hãy xuất một tệp chứa toàn bộ dữ liệu trước; tệp đó nhập lại được bất cứ lúc nào.
start-again-export = Xuất toàn bộ dữ liệu
start-again-exported = Đã xuất tệp.
start-again-no-copy = Tôi không cần bản sao
start-again-other-tabs = Hãy đóng các thẻ khác đang mở Phối hợp trước khi xóa.
start-again-confirm = Xóa tất cả và bắt đầu lại
sample-note = Trang đang hiển thị cả dữ liệu mẫu (Trà Vinh, và một giai đoạn hiện tại minh họa).
sample-note-where = Xóa dữ liệu mẫu trong Cài đặt
