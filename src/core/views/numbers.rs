//! Numbers as each language writes them: Vietnamese groups thousands with "." and writes
//! decimals with "," (1.234 · 2,4); English uses "," and "." (1,234 · 2.4). Fluent's own number
//! formatting has no grouping, so the translation layer formats every number through here
//! (ui/i18n.rs, and the native renderer of the tests, tests/support/fluent.rs).

/// `value` in `language` ("vi", anything else is English), with at least `min_fraction` and
/// at most `max_fraction` decimals (default: none for a whole number, up to 3 otherwise), and
/// thousands grouped unless `grouping` is false.
pub fn format_number(
    value: f64,
    language: &str,
    min_fraction: Option<usize>,
    max_fraction: Option<usize>,
    grouping: bool,
) -> String {
    let (group, decimal) = if language == "vi" {
        ('.', ',')
    } else {
        (',', '.')
    };
    if !value.is_finite() {
        return value.to_string();
    }
    let min = min_fraction.unwrap_or(0);
    let max = max_fraction.unwrap_or(3).max(min);
    let text = format!("{:.*}", max, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut fraction = fraction.trim_end_matches('0').to_string();
    while fraction.len() < min {
        fraction.push('0');
    }
    let mut out = String::new();
    let negative = value < 0.0 && (whole.chars().any(|c| c != '0') || !fraction.is_empty());
    if negative {
        out.push('-');
    }
    let digits: Vec<char> = whole.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if grouping && i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(*c);
    }
    if !fraction.is_empty() {
        out.push(decimal);
        out.push_str(&fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn thousands_and_decimals_in_each_language() {
        assert_eq!(format_number(1234.0, "vi", None, None, true), "1.234");
        assert_eq!(format_number(1234.0, "en", None, None, true), "1,234");
        assert_eq!(format_number(50_000.0, "vi", None, None, true), "50.000");
        assert_eq!(
            format_number(1_234_567.0, "en", None, None, true),
            "1,234,567"
        );
        assert_eq!(format_number(999.0, "en", None, None, true), "999");
        assert_eq!(format_number(0.0, "vi", None, None, true), "0");
        assert_eq!(format_number(2018.0, "vi", None, None, false), "2018");
        assert_eq!(format_number(2.4, "vi", Some(2), Some(2), true), "2,40");
        assert_eq!(format_number(2.4, "en", Some(2), Some(2), true), "2.40");
        assert_eq!(
            format_number(20.000_001, "vi", Some(1), Some(1), true),
            "20,0"
        );
        assert_eq!(format_number(1536.25, "en", None, None, true), "1,536.25");
        assert_eq!(format_number(-1234.6, "vi", None, Some(0), true), "-1.235");
        assert_eq!(format_number(-0.0001, "en", None, Some(2), true), "0");
    }
}
