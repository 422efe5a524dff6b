# Storage: Settings' storage sections (src/ui/storage_settings.rs), the storage layer's notices
# (src/ui/state/storage.rs), unreadable data and snapshots (src/ui/text.rs).

## Usage
storage-usage-title = Bộ nhớ trình duyệt
storage-usage-meter = Dung lượng đã dùng
storage-usage-share = Đã dùng { NUMBER($percent, maximumFractionDigits: 1) }% bộ nhớ mà trình duyệt dành cho Phối hợp (riêng các bản sao lưu: { NUMBER($backups, maximumFractionDigits: 1) }%). Safari chỉ dành khoảng một nửa so với Chrome, Edge và Firefox.
storage-usage-warning = Bộ nhớ đã dùng quá { $percent }%. Hãy xuất toàn bộ dữ liệu ra tệp; khi thiếu chỗ, Phối hợp bỏ các bản sao lưu trước, không bao giờ bỏ dữ liệu chính.

## Durability
storage-durability-title = Độ an toàn của dữ liệu
storage-persisted-yes = Trình duyệt đã đồng ý lưu bền vững: dữ liệu không bị tự xóa khi máy thiếu dung lượng.
storage-persisted-no = Trình duyệt chưa đồng ý lưu bền vững: khi máy thiếu dung lượng, trình duyệt có thể xóa dữ liệu của trang. Hãy xuất tệp thường xuyên.
storage-persisted-unknown = Trình duyệt không cho biết có lưu bền vững hay không. Hãy xuất tệp thường xuyên.
storage-unexported-since = Có thay đổi chưa xuất ra tệp từ { $time }.
storage-all-exported = Mọi thay đổi đã được xuất (lần xuất gần nhất: { $time }).
storage-nothing-to-export = Chưa có thay đổi nào cần xuất.
storage-only-copy = Bộ nhớ trình duyệt là bản duy nhất của dữ liệu cho tới khi bạn xuất ra tệp.
storage-exported = Đã tạo tệp { $name }.
storage-export-failed = Không tạo được tệp: { $why }
storage-no-office = Chưa đặt tên cơ quan.

## Backups
storage-backups-title = Bản sao lưu trong trình duyệt
storage-backups-help = Phối hợp tự giữ bản sao lưu đầu tiên của mỗi ngày (3 ngày gần nhất) và một bản ngay trước mỗi lần nhập tệp, trong giới hạn một phần tư bộ nhớ. Khi thiếu chỗ, bản sao lưu bị bỏ trước. Bản sao lưu nằm trong cùng trình duyệt: không thay cho việc xuất tệp.
storage-backup-refused = Bản sao lưu gần nhất không tạo được:
storage-no-backups = Chưa có bản sao lưu nào.
storage-col-time = Thời điểm
storage-col-kind = Loại
storage-col-size = Dung lượng
storage-col-actions = Thao tác
storage-backup-size = { NUMBER($percent, maximumFractionDigits: 1) }% bộ nhớ
storage-restore-ellipsis = Khôi phục…
storage-restore = Khôi phục
storage-backup-deleted = Đã xóa bản sao lưu.
storage-restore-confirm-label = Xác nhận khôi phục
storage-restore-confirm = Đưa toàn bộ dữ liệu về như lúc sao lưu? Các thay đổi sau thời điểm đó được ghi đè bằng một lần sửa mới (bản hiện tại được sao lưu trước, nên có thể khôi phục lại).
storage-restored = Đã khôi phục: { $count } bản ghi thay đổi.
storage-restore-failed = Không khôi phục được: { $why }
storage-given-up-title = Bản sao lưu đã bị bỏ
storage-given-up-for-data = Bản sao lưu “{ $kind }” lúc { $taken } đã bị bỏ lúc { $at } để lưu được thay đổi khi bộ nhớ trình duyệt đầy.
storage-given-up-for-snapshot = Bản sao lưu “{ $kind }” lúc { $taken } đã bị bỏ lúc { $at } để có chỗ cho bản sao lưu mới hơn (các bản sao lưu chỉ dùng tối đa một phần tư bộ nhớ).
snapshot-kind-daily = Hằng ngày
snapshot-kind-before-import = Trước khi nhập tệp
snapshot-kind-before-restore = Trước khi khôi phục
snapshot-refused-too-big = Bản sao lưu cần khoảng { NUMBER($needed, maximumFractionDigits: 1) }% bộ nhớ của trình duyệt, nhưng phần dành cho sao lưu chỉ còn { NUMBER($room, maximumFractionDigits: 1) }% (phần còn lại để dành cho dữ liệu chính). Hãy xuất dữ liệu ra tệp để sao lưu.

## Unreadable data
storage-unreadable-title = Dữ liệu không đọc được
storage-all-readable = Mọi dữ liệu đã lưu đều đọc được.
storage-unreadable-text = Các mục sau được giữ nguyên trong trình duyệt, không bị ghi đè; phần còn lại vẫn dùng bình thường. Hãy lưu nội dung gốc ra tệp để gửi hỗ trợ.
storage-save-raw = Lưu nội dung gốc ra tệp
storage-raw-text = Nội dung gốc
load-problem-invalid-json = Dữ liệu hỏng (không phải JSON hợp lệ, dòng { $line }, cột { $column }).
load-problem-schema-mismatch = Dữ liệu không đúng cấu trúc: { $message }.
load-problem-id-mismatch = Mã bản ghi bên trong khác với khóa lưu trữ.
load-problem-unknown-key = Khóa lưu trữ không rõ của phiên bản này.
load-problem-undecodable = Dữ liệu nén bị hỏng, không giải nén được ({ $message }).
load-problem-newer-layout = Dữ liệu được lưu bởi phiên bản mới hơn (cách lưu { $found }). Trang chỉ cho xem, không ghi để tránh làm hỏng.
load-problem-damaged-layout = Dấu hiệu cách lưu bị hỏng: chứa “{ $found }”, không phải giá trị do bất kỳ phiên bản nào của Phối hợp ghi. Đây là dữ liệu hỏng, không phải dữ liệu của phiên bản mới hơn. Trang chỉ cho xem, không ghi gì để khỏi làm hỏng thêm.

## Notices of the storage layer
storage-migration-unfinished = Chưa chuyển hết dữ liệu sang cách lưu gọn mới: { $why } Dữ liệu vẫn đọc được; Phối hợp sẽ thử lại lần sau.
storage-snapshots-dropped = Bộ nhớ trình duyệt sắp đầy: đã bỏ { $count } bản sao lưu cũ để lưu được thay đổi. Hãy xuất dữ liệu ra tệp.
storage-conflict-resolved = Đã giải quyết xung đột: phiên bản được chọn đã lưu.
storage-saved-with-conflict = Có xung đột cần bạn quyết định: một thẻ khác vừa sửa bản ghi này cùng lúc. Những thay đổi không trùng nhau đã được lưu; hãy chọn giá trị cần giữ cho các trường còn khác nhau ở khung đầu trang.
nothing-changed = Không có thay đổi nào: bản ghi vẫn như đã lưu, không ghi gì thêm.
storage-not-saved-read-only = Chưa lưu: trang đang ở chế độ chỉ xem (lý do ở đầu trang). Thay đổi chỉ còn trong trang này; hãy xuất toàn bộ dữ liệu ra tệp để giữ lại.
storage-restored-without-snapshot = Đã khôi phục, nhưng không giữ được bản sao của dữ liệu trước đó: { $why }

## Exports and what storage could not read (src/ui/state/export.rs)
export-unreadable-carried = Có { $count } mục trong bộ nhớ không đọc được: tệp mang theo nguyên văn của chúng để cứu dữ liệu, nhưng nhập tệp sẽ không lấy lại được các mục này. Xem Cài đặt → Dữ liệu không đọc được.
export-unreadable-left-out = Có { $count } mục trong bộ nhớ không đọc được, nên tệp có thể thiếu bản ghi nằm trong đó. Xem Cài đặt → Dữ liệu không đọc được.
export-too-large-to-import = Tệp này vượt giới hạn { $limit } MB mà Phối hợp nhận khi nhập: hãy xuất từng văn bản.
