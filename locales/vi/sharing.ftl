# Sharing: the sharing page (src/ui/sharing/), and the import's refusals and warnings, which the
# core names (src/core/import/error.rs, mod.rs) and tests/fixtures/bad/*.expected checks word
# for word in Vietnamese.

## The page
sharing-title = Trao đổi dữ liệu
sharing-lead = Gửi dữ liệu cho đơn vị khác bằng một tệp; nhận tệp của họ, xem trước từng thay đổi rồi mới nhập. Không ai mất việc đã làm: bản mới hơn được giữ, chỗ hai nơi cùng sửa thì bạn chọn.
sharing-drop-overlay = Thả tệp để xem trước khi nhập. Chưa có gì thay đổi cho tới khi bạn xác nhận.
sharing-reading = Đang đọc tệp “{ $name }”…
sharing-refused = Không nhập tệp “{ $name }”.
sharing-refused-unchanged = Dữ liệu ở đây không thay đổi.
sharing-read-failed = Trình duyệt không đọc được tệp ({ $why }).
sharing-unknown-error = lỗi không rõ

## Export
sharing-export-title = Xuất tệp
sharing-data-here = Dữ liệu ở đây: { $counts }.
sharing-count-organisations = { $count } cơ quan
sharing-count-people = { $count } cá nhân
sharing-count-agreements = { $count } văn bản
sharing-count-events = { $count } sự kiện
sharing-count-recommendations = { $count } kiến nghị
sharing-export-one = Hoặc chỉ một văn bản, kèm kế hoạch, sự kiện, kiến nghị và các cơ quan, cá nhân liên quan:
sharing-choose-agreement = — Chọn văn bản —
sharing-export-this = Xuất văn bản này
sharing-exported = Đã tạo tệp { $name } ({ $size }). Gửi tệp này cho đơn vị kia.
sharing-size-kb = { $size } KB
sharing-size-mb = { NUMBER($size, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB
sharing-export-failed = Không tạo được tệp: { $why }
sharing-export-gone = Văn bản này không còn nữa.

## Import
sharing-import-title = Nhập tệp
sharing-drop-here = Kéo thả tệp .json của đơn vị khác vào trang này, hoặc
sharing-choose-file = Chọn tệp…
sharing-nothing-changes-yet = Chưa có gì thay đổi cho tới khi bạn xem trước và bấm xác nhận.

## Preview
sharing-preview-title = Xem trước: { $name }
sharing-preview-from = Tệp của
sharing-preview-exported = , xuất lúc { $time }, gồm { $scope }.
sharing-preview-migrated = Tệp định dạng phiên bản { $version } đã được chuyển sang định dạng hiện tại.
sharing-preview-unreadable = Tệp mang theo { $count } mục mà đơn vị gửi không đọc được trong bộ nhớ của họ, ở dạng nguyên văn để cứu dữ liệu. Các mục này không được nhập; mọi bản ghi khác trong tệp vẫn nhập bình thường.
sharing-preview-unreadable-keys = Các khóa lưu trữ không đọc được
sharing-scope-all = toàn bộ dữ liệu
sharing-scope-agreement = một văn bản: “{ $title }” và các bản ghi liên quan
sharing-counts-label = Số bản ghi theo nhóm
sharing-group-conflict = Xung đột
sharing-group-new = Mới
sharing-group-incoming-newer = Trong tệp mới hơn
sharing-group-deleted-in-file = Đã xóa trong tệp
sharing-group-local-newer = Ở đây mới hơn
sharing-group-identical = Giống nhau
sharing-effect-conflict = hai nơi cùng sửa; bạn chọn giữ bản nào
sharing-effect-new = sẽ được thêm
sharing-effect-incoming-newer = sẽ được cập nhật theo tệp
sharing-effect-deleted-in-file = sẽ bị xóa theo tệp
sharing-effect-local-newer = giữ nguyên bản ở đây
sharing-effect-identical = không thay đổi
sharing-collection-organisations = Cơ quan
sharing-collection-people = Cá nhân
sharing-collection-agreements = Văn bản
sharing-collection-events = Sự kiện
sharing-collection-recommendations = Kiến nghị
sharing-more-records = … và { $count } bản ghi khác.
sharing-warnings = { $count } cảnh báo (không ngăn việc nhập):
sharing-more-warnings = … và { $count } cảnh báo khác
sharing-unlisted-warnings = Còn { $count } cảnh báo nữa không được liệt kê (danh sách chỉ ghi { $listed } cảnh báo đầu). Hãy nhờ nơi gửi sửa tệp, hoặc nhập rồi rà soát lại các bản ghi.
sharing-warning-of-record = { $collection } “{ $label }” — { $warning }
sharing-deletion-in-use = Tệp xóa “{ $what }” ({ $position }), nhưng { $count } bản ghi ở đây vẫn dùng bản ghi này.
sharing-conflicts-title = Xung đột ({ $count }): cả hai nơi đã sửa cùng một bản ghi
sharing-conflicts-help = Chọn cho từng bản ghi. Bản được giữ sẽ được coi là mới nhất ở mọi đơn vị, nên xung đột này không lặp lại.
sharing-conflict-label = Xung đột: { $title }
sharing-conflict-field = Trường
sharing-conflict-mine = Bản của tôi
sharing-conflict-theirs = Bản trong tệp
sharing-conflict-same = { $count } trường khác giống nhau ở hai bản.
sharing-conflict-which = Giữ bản nào?
sharing-choice-keep-mine = Giữ bản của tôi
sharing-choice-take-theirs = Lấy bản trong tệp
sharing-choice-keep-both = Giữ cả hai (bản trong tệp thành một bản ghi mới; văn bản trùng số hiệu thì bản mới để trống số hiệu)
sharing-no-value = (không có)
sharing-nothing-new = Tệp không có gì mới: mọi bản ghi đã có ở đây, hoặc ở đây mới hơn.
sharing-apply = Nhập { $count } thay đổi
sharing-undecided = Còn { $count } xung đột chưa chọn.
sharing-cancel = Hủy, không nhập

## Applying, the report, undo
sharing-apply-read-only = Trang đang ở chế độ chỉ xem nên không nhập được.
sharing-apply-unsaved = Còn thay đổi chưa lưu được vào trình duyệt; hãy xử lý thông báo lỗi lưu ở đầu trang trước khi nhập.
sharing-apply-undecided = Còn { $count } xung đột chưa chọn cách giữ.
sharing-no-snapshot = Không giữ được bản sao lưu trước khi nhập: { $why }
sharing-report-title = Đã nhập tệp của { $office }
sharing-report-nothing = Không có gì thay đổi: mọi bản ghi trong tệp đã có ở đây, hoặc ở đây mới hơn.
sharing-report-audit = Xem mọi thay đổi do { $office } thực hiện trong Nhật ký thay đổi
sharing-report-written = { $count } bản ghi đã được ghi vào trình duyệt.
# The count is shown before each line, in bold; the words follow it.
sharing-report-new = { $count ->
   *[other] bản ghi mới được thêm
}
sharing-report-updated = { $count ->
   *[other] bản ghi được cập nhật theo tệp
}
sharing-report-deleted = { $count ->
   *[other] bản ghi bị xóa theo tệp
}
sharing-report-conflicts = { $count ->
   *[other] xung đột đã giải quyết theo lựa chọn của bạn
}
sharing-report-copies = { $count ->
   *[other] bản sao được tạo khi giữ cả hai
}
sharing-report-kept = { $count ->
   *[other] bản ghi giữ nguyên vì ở đây mới hơn
}
sharing-report-identical = { $count ->
   *[other] bản ghi giống nhau
}
sharing-report-undo-not-stored = Bộ nhớ trình duyệt không đủ chỗ cho bản lưu để hoàn tác: chỉ hoàn tác được khi trang này còn mở.
sharing-undo-last-from = Lần nhập gần nhất: tệp của
sharing-undo-last-rest = , lúc { $time }, { $count } bản ghi đã thay đổi.
sharing-undo = Hoàn tác lần nhập này
sharing-undo-refused = Không hoàn tác được: { $count } bản ghi đã được sửa sau lần nhập này; hoàn tác sẽ làm mất các sửa đổi đó.
sharing-undo-refused-still-used = Không hoàn tác được: { $count } bản ghi, sửa sau lần nhập này, đang dùng bản ghi do tệp thêm vào; hoàn tác sẽ bỏ bản ghi đó và để chúng trỏ vào chỗ trống.
sharing-undone = Đã hoàn tác lần nhập: { $reverted } bản ghi trở lại như trước, { $removed } bản ghi do tệp thêm vào đã được bỏ.
sharing-undone-not-stored = Đã hoàn tác trong trang, nhưng chưa lưu được vào trình duyệt: { $why } Phối hợp sẽ tự thử lưu lại.
sharing-undone-elsewhere = Lần nhập tệp của { $office } đã được hoàn tác ở một trang khác.

## Field names (a conflict's rows, here and between two tabs)
field-title = Tên
field-short-name = Tên viết tắt
field-full-name = Họ và tên
field-number = Số hiệu
field-kind = Loại
field-notes = Ghi chú
field-period = Giai đoạn
field-period-start = Giai đoạn: từ
field-period-end = Giai đoạn: đến
field-parties = Các bên
field-signatories = Người ký
field-signed-on = Ngày ký
field-signed-place = Nơi ký
field-legal-basis = Căn cứ
field-areas = Nội dung phối hợp
field-status-override = Trạng thái đặt tay
field-supersedes = Thay thế
field-parent = Thuộc
field-positions = Chức vụ
field-deleted = Đã xóa
field-updated = Sửa lần cuối
field-created = Tạo lúc
field-content = Nội dung
field-deadline = Hạn trả lời
field-status = Trạng thái
field-response = Trả lời
field-place = Địa điểm
field-starts-at = Thời gian

## Refused files (src/core/import/error.rs): each says where
import-too-large = Tệp quá lớn: { NUMBER($size, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB, vượt giới hạn { $limit } MB (không tệp nào Phối hợp xuất ra lớn đến vậy). Hãy kiểm tra xem có đúng là tệp cần nhập không.
import-empty = Tệp trống: không có nội dung nào.
import-utf16 = Tệp được lưu bằng mã UTF-16; hãy lưu lại bằng mã UTF-8 rồi mở lại.
import-not-json = Tệp không phải JSON hợp lệ: { $reason } (dòng { $line }, cột { $column }).
import-json-truncated = tệp kết thúc giữa chừng, có thể bị cắt cụt
import-json-trailing-comma = có dấu phẩy thừa
import-json-key-not-quoted = tên trường phải đặt trong dấu ngoặc kép
import-json-bad-string = chuỗi chứa ký tự hoặc mã thoát không hợp lệ
import-json-too-deep = dữ liệu lồng nhau quá sâu
import-json-trailing-content = còn nội dung thừa sau khi dữ liệu JSON đã kết thúc
import-json-bad-utf8 = có byte không phải mã UTF-8
import-json-unexpected = gặp ký tự không mong đợi
import-not-ours = Đây không phải tệp dữ liệu Phối hợp: { $why }.
import-not-an-object = nội dung là { $found }, không phải một đối tượng JSON
import-kind-array = một mảng
import-kind-string = một chuỗi
import-kind-boolean = một giá trị true/false
import-kind-null = null
import-kind-number = một số
import-no-format = thiếu trường "format"
import-other-format = trường "format" là { $found }, không phải "{ $expected }"
import-no-schema-version = Tệp thiếu phiên bản định dạng (trường "schema_version").
import-bad-schema-version = Phiên bản định dạng ("schema_version") phải là số nguyên dương; tệp ghi { $found }.
import-newer-schema = Tệp được tạo bởi Phối hợp { $app } với định dạng phiên bản { $found }; Phối hợp { $version } này chỉ đọc được tới định dạng phiên bản { $readable }. Hãy cập nhật Phối hợp rồi mở lại tệp.
import-newer-schema-unknown-app = Tệp được tạo bởi một phiên bản Phối hợp mới hơn với định dạng phiên bản { $found }; Phối hợp { $version } này chỉ đọc được tới định dạng phiên bản { $readable }. Hãy cập nhật Phối hợp rồi mở lại tệp.
import-migration-no-step = Không chuyển được tệp định dạng phiên bản { $from } sang phiên bản { $to }: thiếu bước chuyển đổi.
import-migration-failed = Không chuyển được tệp định dạng phiên bản { $from } sang phiên bản { $to }: { $reason }.
import-schema = Sai cấu trúc tại { $path }: { $problem }.
import-schema-value = Sai cấu trúc tại { $path }: { $problem }. Giá trị trong tệp: { $value }.
import-problem-missing = thiếu trường bắt buộc
import-problem-wrong-type = phải là { $expected }
import-problem-not-a-date = không phải ngày hợp lệ dạng yyyy-mm-dd
import-problem-not-a-time = không phải ngày giờ hợp lệ (ví dụ 2024-01-31T08:00:00Z)
import-problem-not-an-id = không phải mã UUID hợp lệ
import-problem-not-a-count = phải là số nguyên không âm
import-problem-unknown-value = giá trị không được chấp nhận; chỉ nhận { $allowed }
import-problem-unknown-value-either = giá trị không được chấp nhận; chỉ nhận { $first } hoặc { $second }
import-problem-not-a-list = phải là một danh sách (mảng JSON)
import-problem-not-an-object = phải là một đối tượng JSON
import-problem-too-deep = dữ liệu lồng nhau quá sâu
import-problem-no-version = bản ghi không có phiên bản ("version" trống); tệp có thể đã bị sửa tay
import-problem-date-out-of-range = năm phải trong khoảng { $first }–{ $last }; ngày này không thể đúng
import-problem-field-twice = trường này được ghi hai lần; không biết nên lấy giá trị nào
import-problem-too-many-edits = số lần sửa vượt quá mức có thể có (tối đa { $max }); tệp có thể đã bị sửa tay
# serde's own words, as they are.
import-problem-other = { $words }
import-expected-string = một chuỗi
import-expected-unsigned = số nguyên không âm
import-expected-integer = số nguyên
import-expected-boolean = true hoặc false
import-expected-list = một danh sách (mảng JSON)
import-expected-object = một đối tượng JSON
import-expected-date = ngày dạng yyyy-mm-dd
import-expected-id = mã UUID
import-expected-other = { $words }
import-duplicate-id = Mã bản ghi { $id } xuất hiện hai lần trong tệp: { $first } và { $second }.
import-key-twice = Mục "{ $name }" xuất hiện hai lần ở cấp ngoài cùng của tệp; không biết nên lấy lần nào, nên không thể nhập tệp này.
import-id-taken-here = Bản ghi { $path } mang mã { $id }, nhưng ở đây mã này đã thuộc về { $other }. Mỗi mã chỉ dùng cho một bản ghi, nên không thể nhập tệp này.
import-one-organisation = một cơ quan
import-one-person = một cá nhân
import-one-agreement = một văn bản
import-one-event = một sự kiện
import-one-recommendation = một kiến nghị

## Warnings of the preview (src/core/import/mod.rs)
import-warning-missing-reference = { $path } trỏ tới bản ghi { $id }, không có trong tệp và cũng chưa có ở đây.
import-warning-unknown-section = Mục "{ $name }" của tệp không thuộc phiên bản này nên được bỏ qua.
# A form's rule broken by a record of the file (src/core/import/rules.rs): the problem is the
# form's own sentence (common.ftl), after the record's place in the file and its field.
import-warning-rule = { $path }: { $problem }
import-warning-from-this-office = Tệp ghi là do chính đơn vị này xuất ra. Nếu đơn vị không xuất tệp này, tệp có thể đã bị sửa: hãy xem kỹ trước khi nhập.
import-warning-claims-our-edits = { $path }: tệp ghi đơn vị này đã sửa bản ghi { $claimed } lần, nhưng ở đây { $made ->
        [0] đơn vị chưa sửa bản ghi này lần nào.
       *[other] đơn vị mới sửa { $made } lần.
    } Chỉ đơn vị này đếm các lần sửa của mình, nên tệp có thể đã bị sửa hoặc được xuất từ một bản sao dữ liệu của đơn vị; bản ghi trong tệp không tự động thay bản ở đây (nếu khác, nó được xếp vào mục xung đột để chọn).
import-warning-claims-our-edits-new = { $path }: tệp ghi đơn vị này đã sửa bản ghi { $claimed } lần, nhưng ở đây chưa có bản ghi này. Chỉ đơn vị này đếm các lần sửa của mình, nên tệp có thể đã bị sửa hoặc được xuất từ một bản sao dữ liệu của đơn vị.
