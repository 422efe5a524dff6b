//! The sample an office loads on first run: the Trà Vinh case of 02/04/2018 (the summary of the
//! 2013–2017 regulation between UBND tỉnh and Tỉnh Đoàn, and the signing of the 2018–2022 one),
//! entered in full, plus 20 illustrative plans under the 2013–2017 regulation.
//!
//! Every id is derived from a stable key, and every envelope is fixed (time and a version by the
//! "sample" office), so two offices that load the sample hold identical records and a later merge
//! sees them as the same.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Builder;

use crate::records::meta::{Id, Meta, OfficeId, SAMPLE_OFFICE_ID};
use crate::records::model::{
    Agreement, AgreementKind, Authority, CoordinationArea, Organisation, OrganisationKind, Party,
    Period, Person, PositionHeld, Signatory, Status, StatusOverride,
};
use crate::records::workspace::Dataset;

mod activity;
pub mod current;
pub mod removal;

/// Keys are namespaced so a sample id can never equal an id derived elsewhere from the same words.
const KEY_NAMESPACE: &str = "phoihop/sample/";

const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
/// The standard FNV-1a 64-bit offset basis.
const FNV_OFFSET_A: u64 = 0xcbf2_9ce4_8422_2325;
/// A second, different offset, so the two halves of the id are independent hashes.
const FNV_OFFSET_B: u64 = 0x6c62_272e_07bb_0142;

fn fnv1a(offset: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(offset, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// A deterministic UUID (v4 bits set) for a stable key such as "org/ubnd" or "area/2018/3".
fn sample_id(key: &str) -> Id {
    let full = format!("{KEY_NAMESPACE}{key}");
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&fnv1a(FNV_OFFSET_A, full.as_bytes()).to_be_bytes());
    bytes[8..].copy_from_slice(&fnv1a(FNV_OFFSET_B, full.as_bytes()).to_be_bytes());
    Builder::from_random_bytes(bytes).into_uuid()
}

/// The office that "edited" every sample record once: the same in every installation.
pub fn sample_office_id() -> OfficeId {
    SAMPLE_OFFICE_ID
}

/// 02/04/2018 10:00 in Vietnam: the conference day.
fn sample_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2018-04-02T03:00:00Z")
        .expect("valid timestamp")
        .to_utc()
}

/// The fixed envelope: created = updated = the conference, one edit by the sample office.
fn sample_meta(key: &str) -> Meta {
    let mut meta = Meta::new(sample_id(key), sample_time());
    meta.version.bump(sample_office_id());
    meta
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn period_2013_2017() -> Period {
    Period::new(day(2013, 1, 1), day(2017, 12, 31))
}

fn period_2018_2022() -> Period {
    Period::new(day(2018, 1, 1), day(2022, 12, 31))
}

fn signing_day() -> NaiveDate {
    day(2018, 4, 2)
}

const PLACE: &str = "Trung tâm Hội nghị tỉnh Trà Vinh";

const ILLUSTRATIVE_DEPARTMENT: &str = "Minh họa: bản tin chỉ nêu Tỉnh Đoàn đã ký với 20 sở, ban, \
ngành, đoàn thể, không nêu tên từng đơn vị.";

const ILLUSTRATIVE_PLAN: &str = "Minh họa: tên đơn vị và nội dung là ví dụ, không lấy từ bản tin.";

// ---------------------------------------------------------------- keys

const ORG_UBND: &str = "org/ubnd";
const ORG_TINH_DOAN: &str = "org/tinh-doan";
const ORG_TINH_UY: &str = "org/tinh-uy";
const ORG_TW_DOAN: &str = "org/tw-doan";
const PERSON_LAM: &str = "person/dong-van-lam";
const PERSON_NGA: &str = "person/huynh-thi-hang-nga";
const AGREEMENT_2013: &str = "agreement/2013-2017";
const AGREEMENT_2018: &str = "agreement/2018-2022";

/// The id of the 2013–2017 regulation in the sample.
pub fn regulation_2013_2017_id() -> Id {
    sample_id(AGREEMENT_2013)
}

/// The id of the 2018–2022 regulation in the sample.
pub fn regulation_2018_2022_id() -> Id {
    sample_id(AGREEMENT_2018)
}

// ---------------------------------------------------------------- departments

/// One of the 20 departments with which Tỉnh Đoàn signed a plan, and that plan's areas.
struct Department {
    slug: &'static str,
    name: &'static str,
    short_name: &'static str,
    kind: OrganisationKind,
    /// Areas of the plan: (title, one-line description).
    areas: &'static [(&'static str, &'static str)],
}

const fn dept(
    slug: &'static str,
    name: &'static str,
    short_name: &'static str,
    areas: &'static [(&'static str, &'static str)],
) -> Department {
    Department {
        slug,
        name,
        short_name,
        kind: OrganisationKind::Department,
        areas,
    }
}

const fn mass(
    slug: &'static str,
    name: &'static str,
    short_name: &'static str,
    areas: &'static [(&'static str, &'static str)],
) -> Department {
    Department {
        slug,
        name,
        short_name,
        kind: OrganisationKind::MassOrganisation,
        areas,
    }
}

const DEPARTMENTS: [Department; 20] = [
    dept(
        "so-gd-dt",
        "Sở Giáo dục và Đào tạo",
        "Sở GD&ĐT",
        &[
            (
                "Giáo dục đạo đức, lối sống, kỹ năng sống cho học sinh",
                "Lồng ghép giáo dục kỹ năng sống, truyền thống vào hoạt động ngoại khóa.",
            ),
            (
                "Xây dựng tổ chức Đoàn, Đội trong trường học",
                "Củng cố cơ sở Đoàn, Liên đội và đội ngũ giáo viên làm Tổng phụ trách Đội.",
            ),
        ],
    ),
    dept(
        "so-ld-tb-xh",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở LĐ-TB&XH",
        &[
            (
                "Tư vấn, hướng nghiệp, giới thiệu việc làm cho thanh niên",
                "Tổ chức ngày hội việc làm, tư vấn học nghề cho thanh niên nông thôn.",
            ),
            (
                "Bảo vệ, chăm sóc trẻ em có hoàn cảnh đặc biệt",
                "Phối hợp hỗ trợ trẻ em nghèo, trẻ em có hoàn cảnh khó khăn.",
            ),
        ],
    ),
    dept(
        "so-vh-tt-dl",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở VH-TT&DL",
        &[(
            "Phát triển phong trào văn hóa, văn nghệ, thể dục thể thao trong thanh thiếu nhi",
            "Tổ chức hội thi, hội diễn, giải thể thao thanh thiếu nhi hằng năm.",
        )],
    ),
    dept(
        "so-kh-cn",
        "Sở Khoa học và Công nghệ",
        "Sở KH&CN",
        &[(
            "Hỗ trợ thanh niên nghiên cứu khoa học, sáng tạo trẻ",
            "Tổ chức cuộc thi sáng tạo thanh thiếu niên, nhi đồng; hỗ trợ ứng dụng đề tài.",
        )],
    ),
    dept(
        "so-tu-phap",
        "Sở Tư pháp",
        "Sở Tư pháp",
        &[(
            "Tuyên truyền, phổ biến, giáo dục pháp luật cho thanh thiếu nhi",
            "Tổ chức hội thi tìm hiểu pháp luật, xây dựng câu lạc bộ pháp luật thanh niên.",
        )],
    ),
    dept(
        "so-y-te",
        "Sở Y tế",
        "Sở Y tế",
        &[
            (
                "Chăm sóc sức khỏe sinh sản vị thành niên, thanh niên",
                "Tư vấn sức khỏe sinh sản, phòng chống HIV/AIDS cho vị thành niên, thanh niên.",
            ),
            (
                "Vận động hiến máu tình nguyện",
                "Phối hợp tổ chức các đợt hiến máu tình nguyện trong đoàn viên, thanh niên.",
            ),
        ],
    ),
    dept(
        "so-nn-ptnt",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở NN&PTNT",
        &[
            (
                "Thanh niên tham gia xây dựng nông thôn mới",
                "Đảm nhận công trình, phần việc thanh niên trong xây dựng nông thôn mới.",
            ),
            (
                "Hỗ trợ thanh niên phát triển kinh tế nông nghiệp",
                "Chuyển giao kỹ thuật, hỗ trợ mô hình kinh tế, tổ hợp tác thanh niên.",
            ),
        ],
    ),
    dept(
        "so-tn-mt",
        "Sở Tài nguyên và Môi trường",
        "Sở TN&MT",
        &[(
            "Thanh niên tham gia bảo vệ môi trường, ứng phó biến đổi khí hậu",
            "Ra quân làm sạch môi trường, tuyên truyền ứng phó biến đổi khí hậu.",
        )],
    ),
    dept(
        "so-tt-tt",
        "Sở Thông tin và Truyền thông",
        "Sở TT&TT",
        &[(
            "Tuyên truyền về công tác thanh niên trên báo chí, mạng xã hội",
            "Định hướng thông tin, nâng cao kỹ năng sử dụng Internet an toàn cho thanh niên.",
        )],
    ),
    dept(
        "so-kh-dt",
        "Sở Kế hoạch và Đầu tư",
        "Sở KH&ĐT",
        &[(
            "Hỗ trợ thanh niên khởi nghiệp, thành lập doanh nghiệp",
            "Hướng dẫn thủ tục đăng ký doanh nghiệp, kết nối nguồn vốn cho thanh niên.",
        )],
    ),
    dept(
        "so-tai-chinh",
        "Sở Tài chính",
        "Sở Tài chính",
        &[(
            "Bảo đảm kinh phí cho công tác thanh niên",
            "Tham mưu bố trí kinh phí thực hiện các chương trình, đề án về thanh niên.",
        )],
    ),
    dept(
        "so-cong-thuong",
        "Sở Công Thương",
        "Sở Công Thương",
        &[(
            "Tuyên truyền cuộc vận động \"Người Việt Nam ưu tiên dùng hàng Việt Nam\"",
            "Vận động thanh niên tiêu dùng hàng Việt, hỗ trợ thanh niên kinh doanh.",
        )],
    ),
    dept(
        "so-noi-vu",
        "Sở Nội vụ",
        "Sở Nội vụ",
        &[
            (
                "Đào tạo, bồi dưỡng, quy hoạch cán bộ trẻ",
                "Giới thiệu cán bộ Đoàn trưởng thành vào quy hoạch, bồi dưỡng cán bộ trẻ.",
            ),
            (
                "Thực hiện chính sách đối với cán bộ Đoàn",
                "Rà soát, đề xuất chế độ, chính sách đối với cán bộ Đoàn các cấp.",
            ),
        ],
    ),
    dept(
        "so-xay-dung",
        "Sở Xây dựng",
        "Sở Xây dựng",
        &[(
            "Thanh niên tham gia chỉnh trang đô thị, xây dựng công trình thanh niên",
            "Hỗ trợ kỹ thuật cho các công trình thanh niên, nhà nhân ái.",
        )],
    ),
    dept(
        "so-gtvt",
        "Sở Giao thông vận tải",
        "Sở GTVT",
        &[(
            "Tuyên truyền, bảo đảm trật tự an toàn giao thông trong thanh niên",
            "Xây dựng tuyến đường thanh niên tự quản, tuyên truyền luật giao thông.",
        )],
    ),
    dept(
        "cong-an-tinh",
        "Công an tỉnh",
        "Công an tỉnh",
        &[
            (
                "Phòng, chống tội phạm, tệ nạn xã hội trong thanh thiếu niên",
                "Tuyên truyền, giáo dục, cảm hóa thanh thiếu niên chậm tiến.",
            ),
            (
                "Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
                "Duy trì đội thanh niên xung kích bảo vệ an ninh trật tự ở cơ sở.",
            ),
        ],
    ),
    dept(
        "bo-chqs-tinh",
        "Bộ Chỉ huy Quân sự tỉnh",
        "Bộ CHQS tỉnh",
        &[(
            "Giáo dục quốc phòng, an ninh; vận động thanh niên thực hiện nghĩa vụ quân sự",
            "Tuyên truyền Luật Nghĩa vụ quân sự, động viên thanh niên lên đường nhập ngũ.",
        )],
    ),
    dept(
        "nhcsxh-tinh",
        "Ngân hàng Chính sách xã hội chi nhánh tỉnh Trà Vinh",
        "NHCSXH tỉnh",
        &[(
            "Ủy thác cho vay vốn hỗ trợ thanh niên lập nghiệp, tạo việc làm",
            "Quản lý tổ tiết kiệm và vay vốn do Đoàn phụ trách, hỗ trợ thanh niên vay vốn.",
        )],
    ),
    mass(
        "ldld-tinh",
        "Liên đoàn Lao động tỉnh",
        "LĐLĐ tỉnh",
        &[(
            "Chăm lo đời sống thanh niên công nhân",
            "Xây dựng tổ chức Đoàn, Công đoàn trong doanh nghiệp; chăm lo đoàn viên công nhân.",
        )],
    ),
    mass(
        "hoi-lhpn-tinh",
        "Hội Liên hiệp Phụ nữ tỉnh",
        "Hội LHPN tỉnh",
        &[(
            "Chăm sóc, giáo dục thiếu niên, nhi đồng; phòng, chống xâm hại trẻ em",
            "Phối hợp tuyên truyền kiến thức nuôi dạy con, phòng chống bạo lực, xâm hại trẻ em.",
        )],
    ),
];

// ---------------------------------------------------------------- areas of the regulations

/// The five areas the report lists for 2013–2017.
const AREAS_2013_2017: [(&str, &str); 5] = [
    (
        "Giáo dục thế hệ trẻ, đoàn kết, tập hợp thanh niên",
        "Giáo dục chính trị, đạo đức, lối sống cho thanh niên và tập hợp thanh niên vào tổ chức Đoàn, Hội.",
    ),
    (
        "Phát huy thanh niên tham gia thực hiện các nhiệm vụ phát triển kinh tế - xã hội",
        "Tạo điều kiện để thanh niên xung kích, đảm nhận các nhiệm vụ phát triển kinh tế - xã hội của tỉnh.",
    ),
    (
        "Chăm sóc, giáo dục thiếu niên, nhi đồng",
        "Phối hợp chăm lo, giáo dục và tổ chức hoạt động cho thiếu niên, nhi đồng.",
    ),
    (
        "Rà soát, đề nghị sửa đổi, bổ sung các chế độ chính sách đối với thanh niên và công tác thanh niên",
        "Rà soát các chính sách hiện hành và kiến nghị sửa đổi, bổ sung cho phù hợp.",
    ),
    (
        "Giám sát, bảo đảm thực hiện chế độ, chính sách liên quan đến thanh niên và công tác thanh niên",
        "Theo dõi, giám sát việc thực hiện các chế độ, chính sách đối với thanh niên.",
    ),
];

/// The ten areas of the 2018–2022 regulation, as the report's paragraph "Theo quy chế đã được
/// ký kết…" words them.
const AREAS_2018_2022: [(&str, &str); 10] = [
    (
        "Công tác tuyên truyền, giáo dục thế hệ trẻ",
        "Tuyên truyền, giáo dục lý tưởng, đạo đức, lối sống, truyền thống cho thanh thiếu nhi.",
    ),
    (
        "Đoàn kết, tập hợp thanh niên",
        "Mở rộng các hình thức tập hợp thanh niên, phát triển đoàn viên, hội viên.",
    ),
    (
        "Phát huy thanh niên thực hiện các mục tiêu, kế hoạch phát triển kinh tế - xã hội của tỉnh",
        "Giao thanh niên đảm nhận công trình, phần việc trong các chương trình phát triển của tỉnh.",
    ),
    (
        "Hỗ trợ thanh niên học tập, nghiên cứu khoa học",
        "Tạo điều kiện để thanh niên học tập nâng cao trình độ, nghiên cứu, sáng tạo.",
    ),
    (
        "Định hướng nghề nghiệp, giải quyết việc làm, khởi nghiệp, lập nghiệp",
        "Tư vấn hướng nghiệp, giới thiệu việc làm, hỗ trợ vốn và kiến thức khởi nghiệp cho thanh niên.",
    ),
    (
        "Nâng cao thể chất, đời sống văn hóa tinh thần",
        "Phát triển phong trào thể dục thể thao, văn hóa văn nghệ, thiết chế văn hóa cho thanh niên.",
    ),
    (
        "Xây dựng pháp luật, chính sách",
        "Tỉnh đoàn tham gia xây dựng văn bản pháp luật, chính sách liên quan đến thanh niên.",
    ),
    (
        "Kiểm tra, giám sát, phản biện xã hội trong quá trình xây dựng và thực hiện chính sách đối với thanh thiếu nhi",
        "Tỉnh đoàn giám sát, phản biện các chính sách đối với thanh thiếu nhi; UBND tiếp thu, phản hồi.",
    ),
    (
        "Chăm sóc, bảo vệ, giáo dục thiếu niên, nhi đồng",
        "Phối hợp chăm lo, bảo vệ và tổ chức hoạt động giáo dục cho thiếu niên, nhi đồng.",
    ),
    (
        "Thực hiện pháp luật về trẻ em",
        "Bảo đảm thực hiện quyền trẻ em theo Luật Trẻ em và các văn bản hướng dẫn.",
    ),
];

const LEGAL_BASIS_2018_2022: [&str; 4] = [
    "Luật Thanh niên năm 2005",
    "Luật Tổ chức chính quyền địa phương năm 2015",
    "Nghị quyết liên tịch số 01/2012/NQLT-CP-BCHTWĐ giữa Chính phủ và Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh",
    "Luật Trẻ em năm 2016",
];

fn areas(key_prefix: &str, items: &[(&str, &str)], responsible: &[Id]) -> Vec<CoordinationArea> {
    items
        .iter()
        .enumerate()
        .map(|(i, (title, description))| CoordinationArea {
            id: sample_id(&format!("{key_prefix}/{}", i + 1)),
            title: (*title).to_string(),
            description: (*description).to_string(),
            responsible: responsible.to_vec(),
            unknown: Default::default(),
        })
        .collect()
}

fn party(organisation: Id, role: &str, lead: bool) -> Party {
    Party {
        organisation,
        role: role.to_string(),
        lead,
        unknown: Default::default(),
    }
}

// ---------------------------------------------------------------- records

fn organisation(key: &str, name: &str, short_name: &str, kind: OrganisationKind) -> Organisation {
    Organisation::new(sample_meta(key), name, short_name, kind)
}

fn main_organisations() -> Vec<Organisation> {
    let mut tw_doan = organisation(
        ORG_TW_DOAN,
        "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh",
        "TW Đoàn",
        OrganisationKind::MassOrganisation,
    );
    tw_doan.notes =
        "Bản tin chỉ nhắc đến qua chức vụ của đồng chí Huỳnh Thị Hằng Nga (UV BCH TW Đoàn)."
            .to_string();
    let mut tinh_uy = organisation(
        ORG_TINH_UY,
        "Tỉnh ủy Trà Vinh",
        "Tỉnh ủy",
        OrganisationKind::PartyCommittee,
    );
    tinh_uy.notes =
        "Bản tin chỉ nhắc đến qua chức vụ của đồng chí Đồng Văn Lâm (Phó Bí thư Tỉnh ủy)."
            .to_string();
    // The central committee has no province; the others are Trà Vinh's.
    let mut provincial = vec![
        organisation(
            ORG_UBND,
            "Ủy ban nhân dân tỉnh Trà Vinh",
            "UBND tỉnh",
            OrganisationKind::PeoplesCommittee,
        ),
        organisation(
            ORG_TINH_DOAN,
            "Ban Chấp hành Đoàn TNCS Hồ Chí Minh tỉnh Trà Vinh",
            "Tỉnh Đoàn",
            OrganisationKind::MassOrganisation,
        ),
        tinh_uy,
    ];
    for org in &mut provincial {
        in_the_province(org);
    }
    provincial.push(tw_doan);
    provincial
}

/// The sample's province.
const LOCALITY: &str = "Trà Vinh";

/// The sample's second edition of an organisation: with its province. A new version, since a
/// record's edition fixes its content: an office holding the first edition takes this one as
/// newer, not as a conflicting copy of the same edition.
fn in_the_province(org: &mut Organisation) {
    org.locality = LOCALITY.to_string();
    org.meta.version.bump(sample_office_id());
}

fn department_organisation(d: &Department) -> Organisation {
    let mut org = organisation(&format!("org/{}", d.slug), d.name, d.short_name, d.kind);
    if d.kind == OrganisationKind::Department {
        org.parent = Some(sample_id(ORG_UBND));
    }
    org.notes = ILLUSTRATIVE_DEPARTMENT.to_string();
    in_the_province(&mut org);
    org
}

fn position(title: &str, organisation_key: &str) -> PositionHeld {
    PositionHeld {
        title: title.to_string(),
        organisation: Some(sample_id(organisation_key)),
        from: None,
        to: None,
        unknown: Default::default(),
    }
}

fn people() -> Vec<Person> {
    let mut lam = Person::new(sample_meta(PERSON_LAM), "Đồng Văn Lâm");
    lam.positions = vec![
        position("Phó Bí thư Tỉnh ủy", ORG_TINH_UY),
        position("Ủy viên Ban Thường vụ Tỉnh ủy", ORG_TINH_UY),
        position("Chủ tịch Ủy ban nhân dân tỉnh", ORG_UBND),
    ];
    lam.notes = "Bản tin ghi chức vụ của đồng chí hai cách: \"Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban \
nhân dân tỉnh\" (hai lần) và \"Ủy viên Thường vụ Tỉnh ủy, Chủ tịch UBND tỉnh\" (chú thích ảnh ký \
kết). Phó Bí thư Tỉnh ủy cũng là Ủy viên Ban Thường vụ, nên cả hai được ghi nhận. Bản tin không \
nêu ngày bắt đầu, kết thúc các chức vụ."
        .to_string();

    let mut nga = Person::new(sample_meta(PERSON_NGA), "Huỳnh Thị Hằng Nga");
    nga.positions = vec![
        position("Ủy viên Ban Chấp hành Trung ương Đoàn", ORG_TW_DOAN),
        position("Bí thư Tỉnh Đoàn", ORG_TINH_DOAN),
    ];
    nga.notes = "Bản tin ghi chức vụ của đồng chí một lần là \"UV BCH TW Đoàn, Bí thư Tỉnh đoàn\" \
(chú thích ảnh ký kết) và một lần chỉ là \"Bí thư Tỉnh Đoàn\". Bản tin không nêu ngày bắt đầu, \
kết thúc các chức vụ."
        .to_string();
    vec![lam, nga]
}

fn regulation_2013_2017() -> Agreement {
    let ubnd = sample_id(ORG_UBND);
    let tinh_doan = sample_id(ORG_TINH_DOAN);
    let mut a = Agreement::new(
        sample_meta(AGREEMENT_2013),
        "Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh với Ban Chấp hành Tỉnh đoàn Trà \
Vinh, giai đoạn 2013 - 2017",
        AgreementKind::Regulation,
    );
    a.parties = vec![
        party(ubnd, "chủ trì", true),
        party(tinh_doan, "phối hợp", false),
    ];
    a.period = period_2013_2017();
    // Its status (summarised) follows from the 02/04/2018 conference event.
    a.areas = areas("area/2013", &AREAS_2013_2017, &[ubnd, tinh_doan]);
    a.notes =
        "Bản tin không nêu số hiệu và ngày ký; kết quả giai đoạn: Tỉnh đoàn đã ký kết với 20 \
đơn vị sở, ban, ngành, đoàn thể tỉnh.\n\
Thành tựu theo bản tin: Quy chế thể hiện sự quan tâm của chính quyền đối với thanh niên và công \
tác thanh niên, tạo bước chuyển biến quan trọng trong công tác thanh niên, công tác Đoàn và phong \
trào thanh thiếu nhi; các sở, ban, ngành chủ động ký kế hoạch phối hợp với Tỉnh đoàn hằng năm \
hoặc theo giai đoạn; các cấp bộ Đoàn cụ thể hóa thành chương trình, kế hoạch phù hợp với địa \
phương, đơn vị và đề xuất UBND cùng cấp tăng cường lãnh đạo, tạo điều kiện về kinh phí, cơ chế \
cho công tác thanh niên."
            .to_string();
    a
}

fn regulation_2018_2022() -> Agreement {
    let ubnd = sample_id(ORG_UBND);
    let tinh_doan = sample_id(ORG_TINH_DOAN);
    let mut a = Agreement::new(
        sample_meta(AGREEMENT_2018),
        "Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà \
Vinh, giai đoạn 2018 - 2022",
        AgreementKind::Regulation,
    );
    a.parties = vec![
        party(ubnd, "chủ trì", true),
        party(tinh_doan, "phối hợp", false),
    ];
    a.signatories = vec![
        Signatory {
            person: sample_id(PERSON_LAM),
            position: "Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh".to_string(),
            authority: Authority::OnBehalfOf,
            organisation: ubnd,
            signed_on: Some(signing_day()),
            unknown: Default::default(),
        },
        Signatory {
            person: sample_id(PERSON_NGA),
            position: "Ủy viên Ban Chấp hành Trung ương Đoàn, Bí thư Tỉnh Đoàn".to_string(),
            authority: Authority::OnBehalfOf,
            organisation: tinh_doan,
            signed_on: Some(signing_day()),
            unknown: Default::default(),
        },
    ];
    a.signed_on = Some(signing_day());
    a.signed_place = PLACE.to_string();
    a.legal_basis = LEGAL_BASIS_2018_2022
        .iter()
        .map(|s| s.to_string())
        .collect();
    a.period = period_2018_2022();
    a.supersedes = Some(sample_id(AGREEMENT_2013));
    a.areas = areas("area/2018", &AREAS_2018_2022, &[ubnd, tinh_doan]);
    activity::add_duties(&mut a);
    a.notes =
        "Bản tin ghi giai đoạn mới một lần là \"2018 - 2020\" và một lần là \"2018 - 2022\"; \
văn bản ký là 2018 - 2022.\n\
Định kỳ hằng năm, Chủ tịch Ủy ban nhân dân tỉnh làm việc với Ban Chấp hành Tỉnh đoàn để nghe \
báo cáo về tình hình thanh niên, kết quả công tác Đoàn và phong trào thanh thiếu nhi, giải quyết \
các kiến nghị liên quan đến thanh niên và công tác thanh niên.\n\
Bản tin không nêu số hiệu; căn cứ pháp lý ghi ở đây là minh họa, bản tin không nêu căn cứ."
            .to_string();
    a
}

fn plan(index: usize, d: &Department) -> Agreement {
    let tinh_doan = sample_id(ORG_TINH_DOAN);
    let department = sample_id(&format!("org/{}", d.slug));
    let mut a = Agreement::new(
        sample_meta(&format!("plan/{}", d.slug)),
        &format!(
            "Kế hoạch phối hợp giữa Tỉnh Đoàn và {} giai đoạn 2013 - 2017",
            d.name
        ),
        AgreementKind::Plan,
    );
    a.number = format!("{:02}/KHPH-TĐ", index + 1);
    a.parent = Some(sample_id(AGREEMENT_2013));
    a.parties = vec![
        party(tinh_doan, "chủ trì", true),
        party(department, "phối hợp", false),
    ];
    a.period = period_2013_2017();
    a.status_override = Some(StatusOverride {
        status: Status::Summarised,
        reason: "Tổng kết cùng Quy chế 2013 - 2017".to_string(),
        unknown: Default::default(),
    });
    a.areas = areas(
        &format!("area/plan/{}", d.slug),
        d.areas,
        &[tinh_doan, department],
    );
    a.notes = ILLUSTRATIVE_PLAN.to_string();
    a
}

/// The sample as first run loads it on `today`: the Trà Vinh history ([`sample_dataset`]) and
/// the illustrative current period placed relative to `today` (`current`).
pub fn sample_on(today: NaiveDate) -> Dataset {
    let mut data = sample_dataset();
    let current = current::current_period(today);
    for a in current.agreements.iter_all() {
        data.agreements.put(a.clone());
    }
    for e in current.events.iter_all() {
        data.events.put(e.clone());
    }
    for r in current.recommendations.iter_all() {
        data.recommendations.put(r.clone());
    }
    data
}

/// The sample's history: the same records, ids and envelopes on every call and in every office.
pub fn sample_dataset() -> Dataset {
    let mut data = Dataset::default();
    for org in main_organisations() {
        data.organisations.put(org);
    }
    for d in &DEPARTMENTS {
        data.organisations.put(department_organisation(d));
    }
    for person in people() {
        data.people.put(person);
    }
    data.agreements.put(regulation_2013_2017());
    data.agreements.put(regulation_2018_2022());
    for (i, d) in DEPARTMENTS.iter().enumerate() {
        data.agreements.put(plan(i, d));
    }
    for event in activity::events() {
        data.events.put(event);
    }
    for recommendation in activity::recommendations() {
        data.recommendations.put(recommendation);
    }
    data
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::records::record::Record;
    use crate::rules::status::{derive_status, status_in};
    use crate::rules::validate::{self, Issue};
    use crate::views::search::{haystack, Query};

    fn report(kind: &str, name: &str, issues: Vec<Issue>) -> Vec<Issue> {
        let (errors, warnings): (Vec<Issue>, Vec<Issue>) =
            issues.into_iter().partition(Issue::is_error);
        for w in &warnings {
            eprintln!("warning: {kind} {name}: {w:?}");
        }
        errors
    }

    #[test]
    fn every_record_passes_validation() {
        let data = sample_dataset();
        for a in data.agreements.iter_all() {
            let errors = report("agreement", &a.title, validate::agreement(a, &data));
            assert!(errors.is_empty(), "{}: {errors:?}", a.title);
        }
        for o in data.organisations.iter_all() {
            let errors = report("organisation", &o.name, validate::organisation(o, &data));
            assert!(errors.is_empty(), "{}: {errors:?}", o.name);
        }
        for p in data.people.iter_all() {
            let errors = report("person", &p.full_name, validate::person(p, &data));
            assert!(errors.is_empty(), "{}: {errors:?}", p.full_name);
        }
    }

    #[test]
    fn ids_are_unique_and_deterministic() {
        assert_eq!(sample_dataset(), sample_dataset());
        assert_eq!(sample_office_id(), sample_id("office/sample"));
        assert_eq!(sample_office_id().get_version_num(), 4);

        let data = sample_dataset();
        let mut ids = vec![sample_office_id()];
        ids.extend(data.organisations.iter_all().map(Record::id));
        ids.extend(data.people.iter_all().map(Record::id));
        for a in data.agreements.iter_all() {
            ids.push(a.id());
            ids.extend(a.areas.iter().map(|area| area.id));
        }
        let unique: BTreeSet<Id> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "an id was derived twice");
        assert_eq!(data.organisations.count_live(), 24);
        assert_eq!(data.people.count_live(), 2);
    }

    #[test]
    fn envelopes_are_fixed_and_saved_by_the_sample_office() {
        let data = sample_dataset();
        let metas = data
            .organisations
            .iter_all()
            .map(|r| r.meta())
            .chain(data.people.iter_all().map(|r| r.meta()))
            .chain(data.agreements.iter_all().map(|r| r.meta()));
        for meta in metas {
            assert_eq!(meta.created, sample_time());
            assert_eq!(meta.updated, sample_time());
            // Organisations are in their second edition (with their province).
            let edition = match data.organisations.get(&meta.id) {
                Some(o) if !o.locality.is_empty() => 2,
                _ => 1,
            };
            assert_eq!(meta.version.total(), edition);
            assert_eq!(meta.version.get(&sample_office_id()), edition);
            assert!(!meta.deleted);
        }
    }

    #[test]
    fn two_regulations_and_twenty_plans() {
        let data = sample_dataset();
        assert_eq!(data.agreements.count_live(), 22);
        assert_eq!(data.regulations().count(), 2);
        let old = regulation_2013_2017_id();
        let plans = data.plans_of(old);
        assert_eq!(plans.len(), 20);
        assert!(plans.iter().all(|p| p.kind == AgreementKind::Plan));
        assert!(plans.iter().all(|p| p.signatories.is_empty()));
        let numbers: BTreeSet<&str> = plans.iter().map(|p| p.number.as_str()).collect();
        assert_eq!(numbers.len(), 20);
        assert!(numbers.contains("01/KHPH-TĐ") && numbers.contains("20/KHPH-TĐ"));
        assert!(data.plans_of(regulation_2018_2022_id()).is_empty());
    }

    #[test]
    fn the_new_period_supersedes_the_old() {
        let data = sample_dataset();
        let new = data.agreements.live(&regulation_2018_2022_id()).unwrap();
        assert_eq!(new.supersedes, Some(regulation_2013_2017_id()));
        let successors = data.superseded_by(regulation_2013_2017_id());
        assert_eq!(successors.len(), 1);
        assert_eq!(successors[0].id(), regulation_2018_2022_id());
        assert_eq!(new.areas.len(), 10);
        let old = data.agreements.live(&regulation_2013_2017_id()).unwrap();
        assert_eq!(old.areas.len(), 5);
    }

    #[test]
    fn the_signatories_are_the_two_named_people() {
        let data = sample_dataset();
        let a = data.agreements.live(&regulation_2018_2022_id()).unwrap();
        let signed: Vec<(String, &str, Authority, String)> = a
            .signatories
            .iter()
            .map(|s| {
                (
                    data.person_name(&s.person),
                    s.position.as_str(),
                    s.authority,
                    data.organisation_label(&s.organisation),
                )
            })
            .collect();
        assert_eq!(
            signed,
            vec![
                (
                    "Đồng Văn Lâm".to_string(),
                    "Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh",
                    Authority::OnBehalfOf,
                    "UBND tỉnh (Trà Vinh)".to_string()
                ),
                (
                    "Huỳnh Thị Hằng Nga".to_string(),
                    "Ủy viên Ban Chấp hành Trung ương Đoàn, Bí thư Tỉnh Đoàn",
                    Authority::OnBehalfOf,
                    "Tỉnh Đoàn (Trà Vinh)".to_string()
                ),
            ]
        );
        assert!(a
            .signatories
            .iter()
            .all(|s| s.signed_on == Some(day(2018, 4, 2))));
        assert_eq!(a.signing_date(), Some(day(2018, 4, 2)));
        assert_eq!(a.lead(), Some(sample_id(ORG_UBND)));
    }

    #[test]
    fn derived_statuses_on_a_later_day() {
        let data = sample_dataset();
        let today = day(2026, 11, 27);
        let new = data.agreements.live(&regulation_2018_2022_id()).unwrap();
        let old = data.agreements.live(&regulation_2013_2017_id()).unwrap();
        assert_eq!(status_in(&data, new, today).status, Status::Expired);
        // 2013–2017 is summarised by the conference event, not by a hand-set status.
        assert!(old.status_override.is_none());
        assert_eq!(status_in(&data, old, today).status, Status::Summarised);
        assert_eq!(
            derive_status(old, today).status,
            Status::Draft,
            "no signing date in the seed"
        );
        for plan in data.plans_of(old.id()) {
            assert_eq!(status_in(&data, plan, today).status, Status::Summarised);
        }
    }

    #[test]
    fn unaccented_search_finds_the_2018_regulation_only() {
        let data = sample_dataset();
        let query = Query::parse("quy che tra vinh 2018");
        let found: Vec<Id> = data
            .agreements
            .iter_live()
            .filter(|a| query.matches(&haystack(&[&a.title, &a.number])))
            .map(Record::id)
            .collect();
        assert!(found.contains(&regulation_2018_2022_id()));
        assert!(!found.contains(&regulation_2013_2017_id()));
    }
}
