# The agreement register, page, form and life-cycle sections (src/ui/agreement_*.rs).

agreement-form-duty-due-error = Nhập hạn dạng dd/mm, ví dụ 15/12; để trống nếu chỉ cần một lần mỗi năm.
