//! The Vietnamese words of the sharing page (the import's refusals are worded in the core,
//! where the bad-file corpus checks them).

use crate::core::file_format::Scope;
use crate::core::import::Group;
use crate::core::merge::Choice;
use crate::core::model::Collection;

pub fn group(g: Group) -> &'static str {
    match g {
        Group::Conflict => "Xung đột",
        Group::New => "Mới",
        Group::IncomingNewer => "Trong tệp mới hơn",
        Group::DeletedInFile => "Đã xóa trong tệp",
        Group::LocalNewer => "Ở đây mới hơn",
        Group::Identical => "Giống nhau",
    }
}

/// What happens to the records of a group when the import is applied.
pub fn group_effect(g: Group) -> &'static str {
    match g {
        Group::Conflict => "hai nơi cùng sửa; bạn chọn giữ bản nào",
        Group::New => "sẽ được thêm",
        Group::IncomingNewer => "sẽ được cập nhật theo tệp",
        Group::DeletedInFile => "sẽ bị xóa theo tệp",
        Group::LocalNewer => "giữ nguyên bản ở đây",
        Group::Identical => "không thay đổi",
    }
}

pub fn group_class(g: Group) -> &'static str {
    match g {
        Group::Conflict => "count conflict",
        Group::New => "count new",
        Group::IncomingNewer => "count newer",
        Group::DeletedInFile => "count deleted",
        Group::LocalNewer => "count kept",
        Group::Identical => "count same",
    }
}

pub fn collection(c: Collection) -> &'static str {
    match c {
        Collection::Organisations => "Cơ quan",
        Collection::People => "Cá nhân",
        Collection::Agreements => "Văn bản",
        Collection::Events => "Sự kiện",
        Collection::Recommendations => "Kiến nghị",
    }
}

pub fn choice(c: Choice) -> &'static str {
    match c {
        Choice::KeepMine => "Giữ bản của tôi",
        Choice::TakeTheirs => "Lấy bản trong tệp",
        Choice::KeepBoth => "Giữ cả hai (bản trong tệp thành một bản ghi mới)",
    }
}

pub fn scope(s: &Scope) -> String {
    match s {
        Scope::All => "toàn bộ dữ liệu".into(),
        Scope::Agreement { title, .. } => {
            format!("một văn bản: “{title}” và các bản ghi liên quan")
        }
    }
}

/// Field paths as a reader knows them; unknown ones are shown as they are.
pub fn field(path: &str) -> String {
    let (head, rest) = match path.split_once(['.', '[']) {
        Some((h, _)) => (h, &path[h.len()..]),
        None => (path, ""),
    };
    let name = match head {
        "title" => "Tên",
        "name" => "Tên",
        "short_name" => "Tên viết tắt",
        "full_name" => "Họ và tên",
        "number" => "Số hiệu",
        "kind" => "Loại",
        "notes" => "Ghi chú",
        "period" => "Giai đoạn",
        "parties" => "Các bên",
        "signatories" => "Người ký",
        "signed_on" => "Ngày ký",
        "signed_place" => "Nơi ký",
        "legal_basis" => "Căn cứ",
        "areas" => "Nội dung phối hợp",
        "status_override" => "Trạng thái đặt tay",
        "supersedes" => "Thay thế",
        "parent" => "Thuộc",
        "positions" => "Chức vụ",
        "deleted" => "Đã xóa",
        "updated" => "Sửa lần cuối",
        "created" => "Tạo lúc",
        "content" => "Nội dung",
        "deadline" => "Hạn trả lời",
        "status" => "Trạng thái",
        "response" => "Trả lời",
        "place" => "Địa điểm",
        "starts_at" => "Thời gian",
        _ => return path.to_string(),
    };
    format!("{name}{rest}")
}
