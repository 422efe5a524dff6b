# Live sync through a CouchDB server (src/ui/sync_view.rs, the sync conflicts in src/ui/widgets.rs).

## Settings → Đồng bộ
sync-title = Đồng bộ
sync-lead = Khi tỉnh có máy chủ đồng bộ (CouchDB), các đơn vị dùng chung một cơ sở dữ liệu sẽ thấy thay đổi của nhau ngay khi có mạng. Xuất, nhập tệp vẫn dùng được như trước.
sync-server = Địa chỉ máy chủ
sync-server-help = Ví dụ: https://phoihop.travinh.gov.vn/couch (do cán bộ CNTT của tỉnh cung cấp).
sync-database = Cơ sở dữ liệu
sync-user = Tên đăng nhập
sync-password = Mật khẩu
sync-password-help = Mật khẩu chỉ dùng để đăng nhập, không được lưu trong trình duyệt. Khi phiên đăng nhập hết hạn, hãy nhập lại.
sync-test = Kiểm tra kết nối
sync-enable = Bật đồng bộ
sync-login-again = Đăng nhập lại và đồng bộ
sync-disable = Tắt đồng bộ
sync-testing = Đang kiểm tra kết nối…
sync-enabled = Đã bật đồng bộ.
sync-disabled = Đã tắt đồng bộ. Dữ liệu ở đây giữ nguyên; bật lại sẽ gửi những gì đã sửa trong lúc tắt.
sync-password-missing = Hãy nhập mật khẩu.
sync-server-missing = Hãy nhập địa chỉ máy chủ.
sync-server-invalid = Địa chỉ máy chủ phải bắt đầu bằng https:// (hoặc http://), ví dụ https://phoihop.travinh.gov.vn/couch.
sync-database-missing = Hãy nhập tên cơ sở dữ liệu.
sync-database-invalid = Tên cơ sở dữ liệu phải bắt đầu bằng một chữ cái thường, chỉ gồm chữ thường không dấu, chữ số và các ký tự _ $ ( ) + - /.
sync-user-missing = Hãy nhập tên đăng nhập.

## The connection test's answers
sync-verdict-connected = Kết nối được: đã đăng nhập, cơ sở dữ liệu sẵn sàng (máy chủ phiên bản { $version }).
sync-verdict-public = Kết nối được, nhưng ai truy cập được máy chủ cũng đọc được cơ sở dữ liệu này mà không cần đăng nhập (máy chủ phiên bản { $version }). Hãy nhờ cán bộ CNTT chỉ định thành viên cho cơ sở dữ liệu.
sync-verdict-unreachable = Không kết nối được máy chủ ({ $why }). Hãy kiểm tra địa chỉ và đường mạng.
sync-verdict-not-couch = Địa chỉ này có trả lời nhưng không phải máy chủ đồng bộ CouchDB. Hãy kiểm tra lại địa chỉ.
sync-verdict-wrong-login = Sai tên đăng nhập hoặc mật khẩu.
sync-verdict-no-database = Máy chủ không có cơ sở dữ liệu “{ $database }”.
sync-verdict-not-allowed = Tài khoản “{ $user }” không được phép dùng cơ sở dữ liệu “{ $database }”.
sync-verdict-unexpected = Máy chủ trả lời bất thường (mã { $status }, ở bước { $step }).

## Why the sync stopped or failed
sync-problem-unreachable = không kết nối được máy chủ ({ $why }), sẽ tự thử lại
sync-problem-login = phiên đăng nhập đã hết, hãy đăng nhập lại trong Cài đặt
sync-problem-not-allowed = tài khoản không được phép dùng cơ sở dữ liệu này
sync-problem-no-database = máy chủ không có cơ sở dữ liệu này
sync-problem-not-couch = địa chỉ này không phải máy chủ đồng bộ CouchDB
sync-problem-refused = máy chủ từ chối { $count } thay đổi ({ $reason }); các thay đổi đó vẫn giữ ở đây
sync-problem-unexpected = máy chủ trả lời bất thường (mã { $status }, khi { $during }), sẽ tự thử lại

## The header's status
sync-status-title = Trạng thái đồng bộ (mở cài đặt đồng bộ)
sync-status-connecting = Đang kết nối…
sync-status-syncing = Đang đồng bộ…
sync-status-synced = Đã đồng bộ lúc { $time }
sync-status-offline = Ngoại tuyến
sync-status-failed = Lỗi đồng bộ: { $why }
sync-status-off = Đồng bộ đang tắt
sync-status-waiting = { $count } thay đổi chờ gửi
sync-status-conflicts = { $count } xung đột

## Conflicts between offices
sync-conflict-title = Cùng một bản ghi vừa được sửa ở đơn vị này và ở một đơn vị khác cùng lúc.
sync-conflict-text = Mỗi đơn vị vẫn giữ bản của mình cho đến khi có người chọn. Hãy chọn giá trị cần giữ cho từng trường rồi bấm “Lưu lựa chọn”, hoặc giữ trọn một bản; lựa chọn được gửi tới mọi đơn vị.
sync-conflict-here = Bản ở đơn vị này
sync-conflict-server = Bản của đơn vị khác
sync-conflict-keep-here = Giữ bản ở đơn vị này
sync-conflict-keep-server = Giữ bản của đơn vị khác
