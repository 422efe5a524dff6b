# The forms' shared parts: the picker of organisations and people and its "add new" dialog; drafts.
picker-type-organisation = Gõ để tìm cơ quan (không dấu cũng được)…
picker-type-person = Gõ để tìm người (không dấu cũng được)…
picker-add-organisation = Thêm “{ $name }” mới
picker-add-person = Thêm “{ $name }” mới
picker-more = Còn { $count } kết quả nữa — gõ thêm để thu hẹp
picker-none = Không có kết quả nào. Gõ tên để thêm mới.
picker-not-chosen = Chưa chọn: hãy chọn một mục trong danh sách hoặc thêm mới.
picker-remove = Bỏ { $name }
picker-new-organisation = Thêm cơ quan, đơn vị mới
picker-new-person = Thêm người mới
picker-dialog-help = Được lưu vào danh bạ và chọn ngay vào biểu mẫu; những gì đã nhập trong biểu mẫu vẫn giữ nguyên.
picker-create = Thêm và chọn
picker-added = Đã thêm “{ $name }” vào danh bạ
draft-restored = Đã khôi phục bản nháp chưa lưu (ghi lúc { $time }).
draft-discard = Bỏ bản nháp
form-length = { $count }/{ $max } ký tự
