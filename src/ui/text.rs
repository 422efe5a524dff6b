//! Every user-facing wording of the core's enums and problems, in Vietnamese.
//! One place, so the later translation layer replaces this module only.

use crate::core::dates::{format_date, DateInputError};
use crate::core::model::{AgreementKind, Authority, OrganisationKind, Status};
use crate::core::status::StatusReason;
use crate::core::storage::backup::SnapshotRefused;
use crate::core::storage::keys::SnapshotKind;
use crate::core::storage::{LoadProblemKind, StoreError};
use crate::core::validate::Problem;

pub fn status(s: Status) -> &'static str {
    match s {
        Status::Draft => "Dự thảo",
        Status::Signed => "Đã ký, chưa hiệu lực",
        Status::InForce => "Đang hiệu lực",
        Status::Expired => "Hết hiệu lực",
        Status::Summarised => "Đã tổng kết",
        Status::Terminated => "Chấm dứt",
    }
}

/// A CSS modifier per status, for the badge colour.
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Draft => "badge draft",
        Status::Signed => "badge signed",
        Status::InForce => "badge in-force",
        Status::Expired => "badge expired",
        Status::Summarised => "badge summarised",
        Status::Terminated => "badge terminated",
    }
}

pub fn status_reason(r: &StatusReason) -> String {
    match r {
        StatusReason::SetByUser(why) if why.trim().is_empty() => "Do người dùng đặt".into(),
        StatusReason::SetByUser(why) => format!("Do người dùng đặt: {why}"),
        StatusReason::NotSigned => "Chưa có ngày ký".into(),
        StatusReason::StartsOn(d) => format!("Hiệu lực từ {}", format_date(*d)),
        StatusReason::InForceUntil(Some(d)) => format!("Hiệu lực đến hết {}", format_date(*d)),
        StatusReason::InForceUntil(None) => "Đã ký; chưa ghi thời hạn".into(),
        StatusReason::EndedOn(d) => format!("Giai đoạn đã kết thúc {}", format_date(*d)),
        StatusReason::SummarisedAt(_, d) => {
            format!("Đã tổng kết tại hội nghị ngày {}", format_date(*d))
        }
        StatusReason::SignedAt(_, d) => format!(
            "Ký tại hội nghị ngày {}; chưa đến thời hạn hiệu lực",
            format_date(*d)
        ),
    }
}

pub fn agreement_kind(k: AgreementKind) -> &'static str {
    match k {
        AgreementKind::Regulation => "Quy chế phối hợp",
        AgreementKind::Plan => "Kế hoạch / giao ước phối hợp",
        AgreementKind::Other => "Văn bản khác",
    }
}

pub fn agreement_kind_short(k: AgreementKind) -> &'static str {
    match k {
        AgreementKind::Regulation => "Quy chế",
        AgreementKind::Plan => "Kế hoạch",
        AgreementKind::Other => "Khác",
    }
}

pub fn organisation_kind(k: OrganisationKind) -> &'static str {
    match k {
        OrganisationKind::PeoplesCommittee => "Ủy ban nhân dân",
        OrganisationKind::PartyCommittee => "Cấp ủy Đảng",
        OrganisationKind::MassOrganisation => "Tổ chức chính trị - xã hội",
        OrganisationKind::Department => "Sở, ban, ngành",
        OrganisationKind::Other => "Khác",
    }
}

pub fn authority(a: Authority) -> &'static str {
    match a {
        Authority::Own => "(ký trực tiếp)",
        Authority::OnBehalfOf => "TM. (thay mặt)",
        Authority::ActingFor => "KT. (ký thay)",
        Authority::Interim => "Q. (quyền)",
        Authority::ByOrder => "TL. (thừa lệnh)",
        Authority::ByDelegation => "TUQ. (thừa ủy quyền)",
    }
}

pub fn problem(p: &Problem) -> String {
    match p {
        Problem::Required => "Bắt buộc nhập.".into(),
        Problem::EndBeforeStart => "Ngày kết thúc đứng trước ngày bắt đầu.".into(),
        Problem::NoLead => "Chọn một bên chủ trì.".into(),
        Problem::SeveralLeads => "Chỉ được có một bên chủ trì.".into(),
        Problem::TooFewParties => "Cần ít nhất hai bên tham gia.".into(),
        Problem::DuplicateParty => "Cơ quan này đã có trong danh sách các bên.".into(),
        Problem::UnknownOrganisation => "Chọn một cơ quan có trong danh bạ.".into(),
        Problem::UnknownPerson => "Chọn một người có trong danh bạ.".into(),
        Problem::SignatoryNotParty => "Người ký phải ký cho một trong các bên của văn bản.".into(),
        Problem::ParentNotRegulation => "Văn bản cấp trên phải là một quy chế phối hợp.".into(),
        Problem::ParentOnlyForPlans => "Chỉ kế hoạch mới thuộc một quy chế.".into(),
        Problem::NumberTaken { .. } => {
            "Số hiệu này đã dùng cho một văn bản khác của cùng các bên.".into()
        }
        Problem::SupersedesItself => "Văn bản không thể thay thế chính nó.".into(),
        Problem::SupersedesCycle => {
            "Chuỗi thay thế bị vòng lặp (văn bản cũ lại thay thế văn bản này).".into()
        }
        Problem::OwnParent => "Không thể chọn chính nó.".into(),
        Problem::TitleYearsDiffer { title, period } => {
            format!("Tên ghi giai đoạn {title}, nhưng thời hạn là {period}. Kiểm tra lại.")
        }
        Problem::SignedAfterEnd => "Ngày ký sau khi giai đoạn đã kết thúc.".into(),
        Problem::PositionEndsBeforeStart => "Ngày thôi giữ chức vụ đứng trước ngày bắt đầu.".into(),
        Problem::ResponsibleNotParty => {
            "Đơn vị chịu trách nhiệm phải là một bên của văn bản.".into()
        }
    }
}

pub fn date_input_error(e: &DateInputError) -> &'static str {
    match e {
        DateInputError::Unrecognised => "Không đọc được ngày. Nhập dd/mm/yyyy, mm/yyyy hoặc yyyy.",
        DateInputError::NoSuchDay => "Ngày này không tồn tại.",
        DateInputError::YearOutOfRange => "Năm phải trong khoảng 1900–2200.",
    }
}

pub fn store_error(e: &StoreError) -> String {
    match e {
        StoreError::QuotaExceeded => "Bộ nhớ của trình duyệt dành cho trang này đã đầy.".into(),
        StoreError::Unavailable(why) => {
            format!("Trình duyệt không cho dùng bộ nhớ cục bộ ({why}).")
        }
        StoreError::Other(why) => format!("Trình duyệt từ chối ghi dữ liệu ({why})."),
    }
}

pub fn load_problem(k: &LoadProblemKind) -> String {
    match k {
        LoadProblemKind::InvalidJson { line, column, .. } => {
            format!("Dữ liệu hỏng (không phải JSON hợp lệ, dòng {line}, cột {column}).")
        }
        LoadProblemKind::SchemaMismatch { message } => format!("Dữ liệu không đúng cấu trúc: {message}."),
        LoadProblemKind::IdMismatch => "Mã bản ghi bên trong khác với khóa lưu trữ.".into(),
        LoadProblemKind::UnknownKey => "Khóa lưu trữ không rõ của phiên bản này.".into(),
        LoadProblemKind::Undecodable { message } => {
            format!("Dữ liệu nén bị hỏng, không giải nén được ({message}).")
        }
        LoadProblemKind::NewerLayout { found } => format!(
            "Dữ liệu được lưu bởi phiên bản mới hơn (cách lưu {found}). Trang chỉ cho xem, không ghi để tránh làm hỏng."
        ),
    }
}

// ---------------------------------------------------------------- events and recommendations

pub fn event_kind(k: crate::core::event::EventKind) -> &'static str {
    use crate::core::event::EventKind as K;
    match k {
        K::Signing => "Hội nghị ký kết",
        K::AnnualSession => "Làm việc định kỳ hằng năm",
        K::MidTermReview => "Hội nghị sơ kết",
        K::SummaryConference => "Hội nghị tổng kết",
        K::YouthDialogue => "Đối thoại với thanh niên",
        K::Other => "Sự kiện khác",
    }
}

/// What the event did to a linked agreement, as read after its title.
pub fn event_role(r: crate::core::event::EventRole) -> &'static str {
    use crate::core::event::EventRole as R;
    match r {
        R::Signed => "ký kết tại đây",
        R::Summarised => "tổng kết tại đây",
        R::Reviewed => "xem xét tại đây",
    }
}

pub fn recommendation_status(s: crate::core::recommendation::RecommendationStatus) -> &'static str {
    use crate::core::recommendation::RecommendationStatus as S;
    match s {
        S::Open => "Chờ xử lý",
        S::InProgress => "Đang xử lý",
        S::Resolved => "Đã giải quyết",
        S::Declined => "Không chấp nhận",
    }
}

/// The badge colour of a recommendation's status, borrowing the agreement badges' colours:
/// blue waiting, amber in hand, green resolved, grey declined.
pub fn recommendation_status_class(
    s: crate::core::recommendation::RecommendationStatus,
) -> &'static str {
    use crate::core::recommendation::RecommendationStatus as S;
    match s {
        S::Open => "badge signed",
        S::InProgress => "badge expired",
        S::Resolved => "badge in-force",
        S::Declined => "badge draft",
    }
}

pub fn activity_problem(p: &crate::core::validate_activity::ActivityProblem) -> String {
    use crate::core::validate_activity::ActivityProblem as P;
    match p {
        P::Required => "Bắt buộc nhập.".into(),
        P::BadDate(e) => date_input_error(e).into(),
        P::BadTime => "Không đọc được giờ. Nhập dạng HH:mm, ví dụ 08:00 hoặc 14:30.".into(),
        P::BadCount => "Nhập một số nguyên không âm, ví dụ 200.".into(),
        P::UnknownAgreement => "Chọn một văn bản có trong dữ liệu (chưa bị xóa).".into(),
        P::AgreementLinkedTwice => "Văn bản này đã được liên kết ở dòng trên.".into(),
        P::UnknownPerson => "Chọn một người có trong danh bạ.".into(),
        P::PersonChairsTwice => "Người này đã có trong danh sách chủ trì.".into(),
        P::UnknownOrganisation => "Chọn một cơ quan có trong danh bạ.".into(),
        P::OrganisationListedTwice => "Cơ quan này đã được chọn.".into(),
        P::NoAddressee => "Chọn ít nhất một cơ quan nhận kiến nghị.".into(),
        P::UnknownEvent => "Chọn một sự kiện có trong dữ liệu (chưa bị xóa).".into(),
        P::AreaNotInAgreement => "Nội dung phối hợp này không thuộc văn bản đã chọn.".into(),
        P::DeadlineBeforeRaised => "Hạn xử lý đứng trước ngày nêu kiến nghị. Kiểm tra lại.".into(),
        P::RespondedBeforeRaised => {
            "Ngày trả lời đứng trước ngày nêu kiến nghị. Kiểm tra lại.".into()
        }
    }
}

/// One sentence on what saving an event did to a linked agreement's status.
pub fn status_effect(title: &str, e: &crate::core::validate_activity::StatusEffect) -> String {
    use crate::core::validate_activity::EffectKind as K;
    let now = status(e.after.status);
    match &e.kind {
        K::Changed {
            by_this_event: true,
        } => format!("“{title}” nay: {now} (do sự kiện này)."),
        K::Changed {
            by_this_event: false,
        } => {
            format!("“{title}” nay: {now} ({}).", status_reason(&e.after.reason))
        }
        K::Confirmed => format!("“{title}” vẫn: {now} (do sự kiện này)."),
        K::FromEventDay(d) => format!(
            "“{title}”: sự kiện được tính từ ngày {} nên hiện vẫn: {now}.",
            format_date(*d)
        ),
        K::KeptBySetting => format!("“{title}” giữ trạng thái do người dùng đặt: {now}."),
        K::Unchanged => format!("“{title}” vẫn: {now} ({}).", status_reason(&e.after.reason)),
    }
}

/// Millions of characters, as the usage meter shows them ("2,4").
pub fn million_units(units: usize) -> String {
    format!("{:.2}", units as f64 / 1_000_000.0).replace('.', ",")
}

pub fn snapshot_refused(r: &SnapshotRefused) -> String {
    match r {
        SnapshotRefused::TooBig { units, room } => format!(
            "Bản sao lưu cần khoảng {} triệu ký tự nhưng chỉ còn chỗ cho {} triệu (phần dành cho sao lưu, chừa chỗ cho dữ liệu chính). Hãy xuất dữ liệu ra tệp để sao lưu.",
            million_units(*units),
            million_units(*room)
        ),
        SnapshotRefused::Store(e) => store_error(e),
    }
}

pub fn snapshot_kind(k: SnapshotKind) -> &'static str {
    match k {
        SnapshotKind::Daily => "Hằng ngày",
        SnapshotKind::BeforeImport => "Trước khi nhập tệp",
        SnapshotKind::BeforeRestore => "Trước khi khôi phục",
    }
}
