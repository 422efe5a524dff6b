use serde::de::DeserializeOwned;
use serde_json::json;

use super::*;
use crate::records::meta::Id;

/// The same fields read by each type's own reader and the quick way.
#[derive(Debug, PartialEq, Deserialize)]
struct Own {
    id: Id,
    #[serde(default)]
    parent: Option<Id>,
    #[serde(default)]
    responsible: Vec<Id>,
    #[serde(default)]
    version: BTreeMap<Id, u64>,
    #[serde(default)]
    on: Option<NaiveDate>,
    day: NaiveDate,
    at: DateTime<Utc>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Quickly {
    #[serde(deserialize_with = "quick::deserialize")]
    id: Id,
    #[serde(default, deserialize_with = "quick::deserialize")]
    parent: Option<Id>,
    #[serde(default, deserialize_with = "quick::deserialize")]
    responsible: Vec<Id>,
    #[serde(default, deserialize_with = "quick::deserialize")]
    version: BTreeMap<Id, u64>,
    #[serde(default, deserialize_with = "quick::deserialize")]
    on: Option<NaiveDate>,
    #[serde(deserialize_with = "quick::deserialize")]
    day: NaiveDate,
    #[serde(deserialize_with = "quick::deserialize")]
    at: DateTime<Utc>,
}

/// As a record holds them: flattened into another struct (serde buffers them first).
#[derive(Debug, PartialEq, Deserialize)]
struct OwnFlat {
    #[serde(flatten)]
    inner: Own,
    #[serde(flatten)]
    rest: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct QuickFlat {
    #[serde(flatten)]
    inner: Quickly,
    #[serde(flatten)]
    rest: BTreeMap<String, serde_json::Value>,
}

/// As a nested item holds them (a party, an area): beside a flattened map of unknown fields,
/// which makes serde read the struct through its map path.
#[derive(Debug, PartialEq, Deserialize)]
struct OwnBeside {
    id: Id,
    #[serde(default)]
    parent: Option<Id>,
    #[serde(default)]
    responsible: Vec<Id>,
    #[serde(default)]
    version: BTreeMap<Id, u64>,
    #[serde(default)]
    on: Option<NaiveDate>,
    day: NaiveDate,
    at: DateTime<Utc>,
    #[serde(flatten)]
    rest: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct QuickBeside {
    #[serde(deserialize_with = "quick::deserialize")]
    id: Id,
    #[serde(default, deserialize_with = "quick::deserialize")]
    parent: Option<Id>,
    #[serde(default, deserialize_with = "quick::deserialize")]
    responsible: Vec<Id>,
    #[serde(default, deserialize_with = "quick::deserialize")]
    version: BTreeMap<Id, u64>,
    #[serde(default, deserialize_with = "quick::deserialize")]
    on: Option<NaiveDate>,
    #[serde(deserialize_with = "quick::deserialize")]
    day: NaiveDate,
    #[serde(deserialize_with = "quick::deserialize")]
    at: DateTime<Utc>,
    #[serde(flatten)]
    rest: BTreeMap<String, serde_json::Value>,
}

fn beside_equal(a: &OwnBeside, b: &QuickBeside) -> bool {
    (
        a.id,
        a.parent,
        &a.responsible,
        &a.version,
        a.on,
        a.day,
        a.at,
        &a.rest,
    ) == (
        b.id,
        b.parent,
        &b.responsible,
        &b.version,
        b.on,
        b.day,
        b.at,
        &b.rest,
    )
}

const ID: &str = "67e55044-10b1-426f-9247-bb680e5fe0c8";

fn values() -> Vec<serde_json::Value> {
    let strings = [
        ID,
        "67E55044-10B1-426F-9247-BB680E5FE0C8",
        "67e5504410b1426f9247bb680e5fe0c8",
        "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
        "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8",
        "67e55044-10b1-426f-9247-bb680e5fe0c",
        "67e55044-10b1-426f-9247-bb680e5fe0cg",
        "67e55044-10b1-426f-9247+bb680e5fe0c8",
        "",
        "2020-02-29",
        "2021-02-29",
        "2020-13-01",
        "2020-00-10",
        "0000-01-01",
        "9999-12-31",
        "+2020-01-01",
        "2020-1-01",
        " 2020-01-01",
        "2020-01-01 ",
        "2020/01/01",
        "2018-04-02T03:00:00Z",
        "2018-04-02T03:00:00.5Z",
        "2018-04-02T03:00:00.123Z",
        "2018-04-02T03:00:00.123456789Z",
        "2018-04-02T03:00:00.1234567890Z",
        "2018-04-02T03:00:00.Z",
        "2018-04-02T24:00:00Z",
        "2018-04-02T23:60:00Z",
        "2016-12-31T23:59:60Z",
        "2018-04-02T03:00:00+07:00",
        "2018-04-02T03:00:00-00:00",
        "2018-04-02t03:00:00z",
        "2018-04-02 03:00:00Z",
        "2018-04-02T03:00:00",
        "2018-02-30T03:00:00Z",
        "2018-04-02T3:00:00Z",
    ];
    let mut values: Vec<serde_json::Value> = strings.iter().map(|s| json!(s)).collect();
    values.extend([
        json!(1),
        json!(-1),
        json!(1.5),
        json!(true),
        json!(null),
        json!([]),
        json!([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]),
        json!([1, 2, 3]),
        json!([256, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]),
        json!([ID]),
        json!([ID, "x"]),
        json!({}),
        json!({ID: 2}),
        json!({ID: 2, "x": 1}),
        json!({ID: "2"}),
    ]);
    values
}

fn base() -> serde_json::Value {
    json!({
        "id": ID,
        "parent": ID,
        "responsible": [ID, "00000000-0000-4000-8000-000000000001"],
        "version": {ID: 3, "00000000-0000-4000-8000-000000000002": 1},
        "on": "2020-02-29",
        "day": "2021-12-31",
        "at": "2018-04-02T03:00:00.123Z",
        "other": 1
    })
}

/// Two readers give the same value, or errors with the same words.
fn same<A: DeserializeOwned + fmt::Debug, B: DeserializeOwned + fmt::Debug>(
    text: &str,
    compare: impl Fn(&A, &B) -> bool,
) {
    let own = serde_json::from_str::<A>(text);
    let quick = serde_json::from_str::<B>(text);
    match (&own, &quick) {
        (Ok(a), Ok(b)) => assert!(compare(a, b), "{text}: {a:?} / {b:?}"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
        _ => panic!("{text}: {own:?} / {quick:?}"),
    }
    // With the path, as the import words a refusal.
    let own =
        serde_path_to_error::deserialize::<_, A>(&mut serde_json::Deserializer::from_str(text));
    let quick =
        serde_path_to_error::deserialize::<_, B>(&mut serde_json::Deserializer::from_str(text));
    if let (Err(a), Err(b)) = (&own, &quick) {
        assert_eq!(a.to_string(), b.to_string(), "{text}");
    }
    assert_eq!(own.is_ok(), quick.is_ok(), "{text}");
}

fn fields_equal(a: &Own, b: &Quickly) -> bool {
    (
        a.id,
        a.parent,
        &a.responsible,
        &a.version,
        a.on,
        a.day,
        a.at,
    ) == (
        b.id,
        b.parent,
        &b.responsible,
        &b.version,
        b.on,
        b.day,
        b.at,
    )
}

#[test]
fn every_field_reads_as_its_own_reader_reads_it_values_and_errors_alike() {
    let mut checked = 0;
    for field in ["id", "parent", "responsible", "version", "on", "day", "at"] {
        for value in values() {
            let mut record = base();
            record[field] = value;
            let text = record.to_string();
            same::<Own, Quickly>(&text, fields_equal);
            same::<OwnFlat, QuickFlat>(&text, |a, b| {
                fields_equal(&a.inner, &b.inner) && a.rest == b.rest
            });
            same::<OwnBeside, QuickBeside>(&text, beside_equal);
            checked += 1;
        }
        // And missing.
        let mut record = base();
        record.as_object_mut().unwrap().remove(field);
        same::<Own, Quickly>(&record.to_string(), fields_equal);
        same::<OwnBeside, QuickBeside>(&record.to_string(), beside_equal);
    }
    assert!(checked > 300);
}

/// Every value the quick way reads, it reads as the type's own reader does.
fn agrees<T: Readable + PartialEq + fmt::Debug + DeserializeOwned>(text: &str) -> bool {
    let own = serde_json::from_value::<T>(json!(text)).ok();
    let quick = T::quickly(text);
    if quick.is_some() {
        assert_eq!(quick, own, "{text}");
    }
    quick.is_some()
}

#[test]
fn dates_read_quickly_are_chronos_dates() {
    let mut quick = 0;
    for year in [0, 1, 99, 999, 1000, 1970, 2000, 2020, 2023, 2100, 9999] {
        for month in 0..=13 {
            for day in 0..=32 {
                quick += agrees::<NaiveDate>(&format!("{year:04}-{month:02}-{day:02}")) as usize;
            }
        }
    }
    assert!(quick > 3000);
}

/// Numbers below the one asked for, the same each run (xorshift from `seed`).
fn random(mut state: u64) -> impl FnMut(u64) -> u64 {
    move |below| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % below
    }
}

#[test]
fn times_read_quickly_are_chronos_times() {
    let mut next = random(0x2545_F491_4F6C_DD1D);
    let (mut quick, mut quick_naive) = (0, 0);
    for _ in 0..20_000 {
        let date = format!("{:04}-{:02}-{:02}", next(10_000), next(14), next(33));
        let time = format!("{:02}:{:02}:{:02}", next(26), next(62), next(62));
        let fraction = match next(12) {
            0 => String::new(),
            10 => ".".into(),
            n => format!(".{:0width$}", next(10u64.pow(n as u32)), width = n as usize),
        };
        let end = ["Z", "Z", "Z", "z", "+00:00", "", ""][next(7) as usize];
        let separator = ["T", "T", "T", "t", " "][next(5) as usize];
        let text = format!("{date}{separator}{time}{fraction}{end}");
        quick += agrees::<DateTime<Utc>>(&text) as usize;
        quick_naive += agrees::<NaiveDateTime>(&text) as usize;
        // One byte changed.
        let mut bytes = text.into_bytes();
        let at = next(bytes.len() as u64) as usize;
        bytes[at] = b"0123456789-:.TZ x"[next(17) as usize];
        if let Ok(text) = String::from_utf8(bytes) {
            agrees::<DateTime<Utc>>(&text);
            agrees::<NaiveDateTime>(&text);
        }
    }
    assert!(quick > 2000, "{quick}");
    assert!(quick_naive > 300, "{quick_naive}");
}

/// What the quick way writes for `value`, and what the type's own `Serialize` writes.
fn both_written<T: Writable + Serialize>(value: &T) -> (String, String) {
    let mut quick = Vec::new();
    value
        .write(&mut serde_json::Serializer::new(&mut quick))
        .unwrap();
    (
        String::from_utf8(quick).unwrap(),
        serde_json::to_string(value).unwrap(),
    )
}

#[test]
fn dates_and_times_are_written_as_chrono_writes_them() {
    let mut next = random(0x9E37_79B9_7F4A_7C15);
    let fractions = |next: &mut dyn FnMut(u64) -> u64| match next(6) {
        0 => 0,
        1 => next(1_000) as u32 * 1_000_000,
        2 => next(1_000_000) as u32 * 1_000,
        3 => next(1_000_000_000) as u32,
        // A leap second: chrono keeps it as a fraction of a second and over.
        4 => 1_000_000_000 + next(1_000_000_000) as u32,
        _ => [1, 999_999_999, 100_000_000, 1_000_000, 1_000, 10][next(6) as usize],
    };
    let mut checked = 0;
    for _ in 0..50_000 {
        // Mostly the years we write with four digits; some beyond, which go to chrono.
        let year = match next(10) {
            0 => next(500_000) as i32 - 250_000,
            1 => [-1, 0, 1, 9999, 10_000, -10_000][next(6) as usize],
            _ => next(10_000) as i32,
        };
        let Some(date) = NaiveDate::from_ymd_opt(year, 1 + next(12) as u32, 1 + next(31) as u32)
        else {
            continue;
        };
        let nano = fractions(&mut next);
        let (hour, minute) = (next(24) as u32, next(60) as u32);
        let second = if nano >= 1_000_000_000 {
            59
        } else {
            next(60) as u32
        };
        let Some(time) = NaiveTime::from_hms_nano_opt(hour, minute, second, nano) else {
            continue;
        };
        let at = date.and_time(time);
        for (quick, own) in [
            both_written(&date),
            both_written(&at),
            both_written(&at.and_utc()),
            both_written(&Some(at.and_utc())),
            both_written(&vec![date, date]),
        ] {
            assert_eq!(quick, own);
        }
        checked += 1;
    }
    assert!(checked > 40_000, "{checked}");
}

/// The containers and ids too, as fields of a record write them (plain, and flattened as the
/// envelope is, which serde writes through its map path).
#[derive(Serialize)]
struct OwnWritten {
    id: Id,
    parent: Option<Id>,
    responsible: Vec<Id>,
    version: BTreeMap<Id, u64>,
    on: Option<NaiveDate>,
    day: NaiveDate,
    at: DateTime<Utc>,
}

#[derive(Serialize)]
struct QuickWritten {
    #[serde(with = "quick")]
    id: Id,
    #[serde(with = "quick")]
    parent: Option<Id>,
    #[serde(with = "quick")]
    responsible: Vec<Id>,
    #[serde(with = "quick")]
    version: BTreeMap<Id, u64>,
    #[serde(with = "quick")]
    on: Option<NaiveDate>,
    #[serde(with = "quick")]
    day: NaiveDate,
    #[serde(with = "quick")]
    at: DateTime<Utc>,
}

#[derive(Serialize)]
struct Flat<T> {
    #[serde(flatten)]
    inner: T,
    other: u8,
}

#[test]
fn record_fields_are_written_as_their_own_writers_write_them() {
    let id = Id::parse_str(ID).unwrap();
    let second = Id::from_u128(2);
    let at = NaiveDate::from_ymd_opt(2018, 4, 2)
        .unwrap()
        .and_hms_milli_opt(3, 0, 0, 123)
        .unwrap()
        .and_utc();
    for (parent, on, responsible) in [
        (Some(id), Some(at.date_naive()), vec![id, second]),
        (None, None, vec![]),
    ] {
        let own = OwnWritten {
            id,
            parent,
            responsible: responsible.clone(),
            version: BTreeMap::from([(id, 3), (second, 1)]),
            on,
            day: at.date_naive(),
            at,
        };
        let quick = QuickWritten {
            id,
            parent,
            responsible,
            version: own.version.clone(),
            on,
            day: own.day,
            at,
        };
        assert_eq!(
            serde_json::to_string(&quick).unwrap(),
            serde_json::to_string(&own).unwrap()
        );
        assert_eq!(
            serde_json::to_string(&Flat {
                inner: &quick,
                other: 1
            })
            .unwrap(),
            serde_json::to_string(&Flat {
                inner: &own,
                other: 1
            })
            .unwrap()
        );
        assert_eq!(
            serde_json::to_value(&quick).unwrap(),
            serde_json::to_value(&own).unwrap()
        );
    }
}
