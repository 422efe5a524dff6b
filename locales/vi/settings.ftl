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
first-run-load-sample-text = Quy chế phối hợp giữa UBND tỉnh và Tỉnh Đoàn Trà Vinh, giai đoạn 2013 – 2017 và 2018 – 2022, cùng 20 kế hoạch với các sở, ngành (minh họa).
first-run-keep-data = Tiếp tục với dữ liệu hiện có
first-run-start-empty = Bắt đầu trống
first-run-start-empty-text = Tự nhập văn bản, cơ quan và người ký của đơn vị bạn.
first-run-change-name = ← Đổi tên cơ quan
first-run-sample-loaded = Đã nạp dữ liệu mẫu Trà Vinh 2013 – 2022.
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
