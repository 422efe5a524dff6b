//! Diacritic- and case-insensitive search over Vietnamese text.
//!
//! Everything searchable is first *folded* ([`fold`]): decomposed (NFD), stripped of
//! combining diacritics, `đ`/`Đ` mapped to `d`, lower-cased, and every run of
//! non-alphanumeric characters collapsed to one space. A [`Query`] is folded the same
//! way and split into tokens; a record matches when every token occurs (as a substring)
//! in the record's folded haystack ([`haystack`]).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower-cases and strips every Vietnamese diacritic: "Đoàn" -> "doan", "Quy chế" -> "quy che", "Ủy ban" -> "uy ban".
/// Works on NFC and NFD input alike (text pasted from Windows/Word can be decomposed), maps đ/Đ to d,
/// keeps digits, turns every run of non-alphanumeric characters (punctuation, dashes, en/em dashes, slashes, NBSP, …) into a single space, trims.
///
/// Letters of other scripts are kept (lower-cased where the script has case). Invisible
/// in-word format characters (soft hyphen, zero-width joiners, word joiner, BOM) are
/// dropped rather than treated as separators, so they never split a word.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // True when a separator was seen since the last kept character; only emitted once a
    // following word character arrives, so runs collapse and the ends come out trimmed.
    let mut pending_space = false;
    for c in text.nfd() {
        if is_diacritic(c) || is_invisible(c) {
            continue;
        }
        let c = match c {
            // đ Đ, plus the look-alikes legacy encodings and careless typing put in their place
            // (Icelandic eth Ð/ð, African D Ɖ/ɖ).
            '\u{0111}' | '\u{0110}' | '\u{00F0}' | '\u{00D0}' | '\u{0256}' | '\u{0189}' => 'd',
            c => c,
        };
        if c.is_alphanumeric() || is_combining_mark(c) {
            // Combining marks of other scripts (Devanagari vowel signs, …) stay in their word.
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            for l in c.to_lowercase() {
                if !is_diacritic(l) {
                    out.push(l);
                }
            }
        } else {
            pending_space = true;
        }
    }
    // Recompose whatever the decomposition split apart that we kept (e.g. Hangul
    // syllables); a no-op for Latin text, whose marks are all gone.
    if out.is_ascii() {
        out
    } else {
        out.nfc().collect()
    }
}

/// Folds each part and joins the non-empty results with a single space: the text a
/// record is searched by (its title, number, party names, years, …).
pub fn haystack(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        let folded = fold(part);
        if folded.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&folded);
    }
    out
}

/// Combining diacritical marks (U+0300–U+036F): all Vietnamese tone and vowel marks.
fn is_diacritic(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Invisible characters that can sit inside a word in pasted text without meaning a break.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Score for a token that equals a whole word of the haystack.
const SCORE_WORD: u32 = 100;
/// Score for a token that begins a word (a prefix of it).
const SCORE_WORD_START: u32 = 60;
/// Score for a token found only inside a word.
const SCORE_MID_WORD: u32 = 20;
/// Bonus per token when all tokens occur in order, adjacent, as one phrase.
const SCORE_PHRASE_PER_TOKEN: u32 = 40;
/// Bonus when the haystack begins with the first token.
const SCORE_LEADING: u32 = 10;

/// A parsed query: folded tokens (split on whitespace after folding). Empty query = matches everything.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Query {
    tokens: Vec<String>,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        Query {
            tokens: fold(input)
                .split(' ')
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The folded tokens, in query order (e.g. for highlighting).
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }

    /// True when every token occurs in the already-folded haystack (substring match; so "2018" matches "2018 - 2022", "doan" matches "tinh doan").
    pub fn matches(&self, folded_haystack: &str) -> bool {
        self.tokens
            .iter()
            .all(|t| folded_haystack.contains(t.as_str()))
    }

    /// A relevance score for ranking results, higher is better; 0 when it does not match. Tokens matching at a word start score more than mid-word; a token equal to a whole word scores most; all tokens matching in order adjacent scores a bonus.
    ///
    /// An empty query matches everything and scores 1 for every haystack.
    pub fn score(&self, folded_haystack: &str) -> u32 {
        if self.tokens.is_empty() {
            return 1;
        }
        let mut total: u32 = 0;
        for token in &self.tokens {
            match best_match(token, folded_haystack) {
                Some(s) => total = total.saturating_add(s),
                None => return 0,
            }
        }
        if self.tokens.len() > 1 && folded_haystack.contains(self.tokens.join(" ").as_str()) {
            let n = u32::try_from(self.tokens.len()).unwrap_or(u32::MAX);
            total = total.saturating_add(SCORE_PHRASE_PER_TOKEN.saturating_mul(n));
        }
        if folded_haystack.starts_with(self.tokens[0].as_str()) {
            total = total.saturating_add(SCORE_LEADING);
        }
        total
    }
}

/// The best score among all (possibly overlapping) occurrences of `token`, or None.
fn best_match(token: &str, hay: &str) -> Option<u32> {
    let step = token.chars().next().map_or(1, char::len_utf8);
    let mut best: Option<u32> = None;
    let mut from = 0;
    while let Some(rel) = hay[from..].find(token) {
        let start = from + rel;
        let end = start + token.len();
        let at_start = hay[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let at_end = hay[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        let s = match (at_start, at_end) {
            (true, true) => SCORE_WORD,
            (true, false) => SCORE_WORD_START,
            _ => SCORE_MID_WORD,
        };
        best = Some(best.map_or(s, |b| b.max(s)));
        if s == SCORE_WORD {
            break;
        }
        from = start + step;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLE: &str = "Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022";

    /// Every Vietnamese letter (lower case, NFC), grouped by its base letter.
    const LETTERS: &[(char, &str)] = &[
        ('a', "aàáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "eèéẻẽẹêềếểễệ"),
        ('i', "iìíỉĩị"),
        ('o', "oòóỏõọôồốổỗộơờớởỡợ"),
        ('u', "uùúủũụưừứửữự"),
        ('y', "yỳýỷỹỵ"),
        ('d', "dđ"),
    ];

    fn nfd(s: &str) -> String {
        s.nfd().collect()
    }

    fn q(s: &str) -> Query {
        Query::parse(s)
    }

    #[test]
    fn letter_table_is_complete() {
        let count: usize = LETTERS.iter().map(|(_, l)| l.chars().count()).sum();
        // 18 a + 12 e + 6 i + 18 o + 12 u + 6 y + d, đ
        assert_eq!(count, 74);
    }

    #[test]
    fn every_lowercase_letter_folds_to_base() {
        for (base, letters) in LETTERS {
            for c in letters.chars() {
                assert_eq!(fold(&c.to_string()), base.to_string(), "letter {c:?}");
            }
        }
    }

    #[test]
    fn every_uppercase_letter_folds_to_base() {
        for (base, letters) in LETTERS {
            for c in letters.chars() {
                let upper: String = c.to_uppercase().collect();
                assert_ne!(upper, c.to_string(), "{c:?} has an upper case");
                assert_eq!(fold(&upper), base.to_string(), "letter {upper:?}");
            }
        }
    }

    #[test]
    fn every_letter_folds_the_same_in_nfd() {
        for (base, letters) in LETTERS {
            for c in letters.chars() {
                let upper: String = c.to_uppercase().collect();
                for s in [c.to_string(), upper] {
                    let d = nfd(&s);
                    assert_eq!(fold(&d), base.to_string(), "NFD of {s:?}");
                }
            }
        }
    }

    #[test]
    fn whole_alphabet_in_one_string() {
        let all: String = LETTERS.iter().map(|(_, l)| *l).collect();
        let upper = all.to_uppercase();
        let expected: String = LETTERS
            .iter()
            .flat_map(|(b, l)| std::iter::repeat_n(*b, l.chars().count()))
            .collect();
        assert_eq!(fold(&all), expected);
        assert_eq!(fold(&upper), expected);
        assert_eq!(fold(&nfd(&upper)), expected);
    }

    #[test]
    fn d_with_stroke_both_cases() {
        assert_eq!(fold("\u{0111}"), "d");
        assert_eq!(fold("\u{0110}"), "d");
        assert_eq!(fold("ĐĐđđ"), "dddd");
        // Look-alikes from legacy encodings.
        assert_eq!(fold("Ðoàn"), "doan");
        assert_eq!(fold("ƉOÀN"), "doan");
    }

    #[test]
    fn documented_examples() {
        assert_eq!(fold("Đoàn"), "doan");
        assert_eq!(fold("Quy chế"), "quy che");
        assert_eq!(fold("Ủy ban"), "uy ban");
    }

    #[test]
    fn nfd_input_equals_nfc_input() {
        let d = nfd(TITLE);
        assert_ne!(d, TITLE, "the title really is decomposable");
        assert_eq!(fold(&d), fold(TITLE));
        assert_eq!(
            fold(TITLE),
            "quy che phoi hop cong tac giua uy ban nhan dan tinh va ban chap hanh tinh doan tra vinh giai doan 2018 2022"
        );
    }

    #[test]
    fn mixed_nfc_nfd_in_one_string() {
        let mixed = format!("{} {}", "Thành phố", nfd("Thành phố"));
        assert_eq!(fold(&mixed), "thanh pho thanh pho");
    }

    #[test]
    fn old_and_new_tone_placement_fold_equal() {
        assert_eq!(fold("hoà"), fold("hòa"));
        assert_eq!(fold("hoà"), "hoa");
        assert_eq!(fold("thuỷ"), fold("thủy"));
        assert_eq!(fold("thuỷ"), "thuy");
        assert_eq!(fold("khoẻ"), fold("khỏe"));
        assert_eq!(fold("Hoá"), fold("hóa"));
        assert!(q("hoà bình").matches(&fold("Hòa Bình")));
        assert!(q("thủy lợi").matches(&fold("Thuỷ lợi")));
    }

    #[test]
    fn digits_kept() {
        assert_eq!(fold("Năm 2018"), "nam 2018");
        assert_eq!(fold("0123456789"), "0123456789");
    }

    #[test]
    fn punctuation_runs_become_one_space() {
        assert_eq!(fold("01/QCPH-UBND-TĐ"), "01 qcph ubnd td");
        assert_eq!(fold("2018 - 2022"), "2018 2022");
        assert_eq!(fold("2018–2022"), "2018 2022");
        assert_eq!(fold("2018 — 2022"), "2018 2022");
        assert_eq!(fold("a\u{00A0}b"), "a b");
        assert_eq!(fold("a, b; c. (d) \"e\" 'f' _g_"), "a b c d e f g");
        assert_eq!(fold("a\t\n\r  b"), "a b");
        assert_eq!(fold("a \u{2003}\u{3000} b"), "a b");
    }

    #[test]
    fn trims_and_handles_empty() {
        assert_eq!(fold(""), "");
        assert_eq!(fold("   "), "");
        assert_eq!(fold(" -- / -- "), "");
        assert_eq!(fold("  «Đoàn»  "), "doan");
        assert_eq!(fold("\u{00A0}Tỉnh\u{00A0}"), "tinh");
    }

    #[test]
    fn lone_combining_marks_are_dropped() {
        assert_eq!(fold("\u{0301}\u{0323}"), "");
        assert_eq!(fold("a\u{0301}\u{0323}\u{0302}b"), "ab");
    }

    #[test]
    fn invisible_format_chars_do_not_split_words() {
        assert_eq!(fold("Quy\u{00AD}chế"), "quyche");
        assert_eq!(fold("\u{FEFF}Tỉnh đoàn"), "tinh doan");
        assert_eq!(fold("đo\u{200D}àn"), "doan");
    }

    #[test]
    fn ascii_is_lowercased() {
        assert_eq!(fold("UBND Tra Vinh ABC xyz"), "ubnd tra vinh abc xyz");
    }

    #[test]
    fn other_scripts_kept_not_dropped() {
        assert_eq!(fold("越南 协议"), "越南 协议");
        assert_eq!(fold("Москва"), "москва");
        assert_eq!(fold("ΑΘΗΝΑ"), "αθηνα");
        assert_eq!(fold("한국어"), "한국어");
        assert_eq!(fold("हिन्दी"), "हिन्दी");
        assert_eq!(fold("Straße"), "straße");
        assert!(q("越南").matches(&fold("Hợp tác Việt Nam – 越南")));
    }

    #[test]
    fn latin_accents_of_other_languages_fold_too() {
        assert_eq!(
            fold("Café Crème Ñandú Ångström"),
            "cafe creme nandu angstrom"
        );
    }

    #[test]
    fn fold_is_idempotent() {
        for s in [TITLE, "01/QCPH-UBND-TĐ", "越南 Москва", ""] {
            let once = fold(s);
            assert_eq!(fold(&once), once);
        }
    }

    #[test]
    fn haystack_joins_folded_parts() {
        assert_eq!(
            haystack(&["Quy chế phối hợp", "01/QCPH-UBND-TĐ", "Tỉnh Đoàn", "2018"]),
            "quy che phoi hop 01 qcph ubnd td tinh doan 2018"
        );
        assert_eq!(haystack(&["", " - ", "Đoàn", "  "]), "doan");
        assert_eq!(haystack(&[]), "");
    }

    #[test]
    fn parse_folds_and_splits() {
        assert_eq!(q("  Quy   CHẾ  ").tokens(), ["quy", "che"]);
        assert_eq!(q("01/QCPH").tokens(), ["01", "qcph"]);
        assert!(q("").is_empty());
        assert!(q("  - / ").is_empty());
        assert!(!q("a").is_empty());
        assert_eq!(Query::default(), q(""));
        assert_eq!(q("Đoàn"), q(&nfd("ĐOÀN")));
    }

    #[test]
    fn title_matches_unaccented_query() {
        let hay = fold(TITLE);
        assert!(q("quy che tra vinh 2018").matches(&hay));
        assert!(q("Quy chế Trà Vinh 2018").matches(&hay));
        assert!(q(&nfd("QUY CHẾ TRÀ VINH 2018")).matches(&hay));
        assert!(q("2022").matches(&hay));
        assert!(q("uy ban").matches(&hay));
        assert!(q("ủy ban nhân dân").matches(&hay));
    }

    #[test]
    fn year_not_in_title_does_not_match() {
        let hay = fold(TITLE);
        assert!(!q("2019").matches(&hay));
        assert!(!q("quy che 2019").matches(&hay));
        assert_eq!(q("2019").score(&hay), 0);
    }

    #[test]
    fn doan_in_every_spelling_matches_tinh_doan() {
        let hay = fold("Tỉnh Đoàn");
        for s in ["đoàn", "doan", "ĐOÀN", "Đoàn", "DOAN", "đoan", "doàn"] {
            assert!(q(s).matches(&hay), "{s:?}");
            assert!(q(&nfd(s)).matches(&hay), "NFD {s:?}");
            assert!(q(s).score(&hay) > 0, "{s:?}");
        }
        assert!(q("tinh doan").matches(&hay));
    }

    #[test]
    fn all_tokens_required() {
        let hay = fold("Tỉnh Đoàn");
        assert!(!q("doan hoi").matches(&hay));
        assert_eq!(q("doan hoi").score(&hay), 0);
    }

    #[test]
    fn substring_matching() {
        assert!(q("2018").matches(&fold("2018 - 2022")));
        assert!(q("doan").matches(&fold("tinh doan")));
        assert!(q("oan").matches(&fold("tinh doan")));
        assert!(q("tinh doan").matches(&fold("Tỉnh Đoàn")));
    }

    #[test]
    fn empty_query_matches_everything() {
        let empty = q("");
        assert!(empty.matches(""));
        assert!(empty.matches(&fold(TITLE)));
        assert_eq!(empty.score(""), 1);
        assert_eq!(empty.score(&fold(TITLE)), 1);
    }

    #[test]
    fn number_with_punctuation_matches() {
        let hay = haystack(&["01/QCPH-UBND-TĐ"]);
        assert!(q("01/QCPH").matches(&hay));
        assert!(q("01-qcph").matches(&hay));
        assert!(q("qcph ubnd tđ").matches(&hay));
        assert!(q("01/QCPH-UBND-TĐ").matches(&hay));
        assert!(!q("02/QCPH").matches(&hay));
    }

    #[test]
    fn score_whole_word_beats_word_start_beats_mid_word() {
        let word = q("doan").score("tinh doan");
        let start = q("doan").score("tinh doanh nghiep");
        let mid = q("oan").score("tinh doan");
        let mid_word = q("doan").score("tinh xdoanh");
        assert!(word > start, "{word} > {start}");
        assert!(start > mid_word, "{start} > {mid_word}");
        assert!(mid > 0);
        assert!(mid_word > 0);
    }

    #[test]
    fn score_exact_word_match_above_mid_word_match() {
        let query = q("hop");
        let exact = query.score(&fold("Quy chế phối hợp công tác"));
        let mid = query.score(&fold("Ký kết chỉ thị chóp"));
        assert!(mid > 0);
        assert!(exact > mid, "{exact} > {mid}");
    }

    #[test]
    fn score_prefers_best_occurrence() {
        // The first occurrence is mid-word, a later one is a whole word.
        let query = q("an");
        assert_eq!(query.score("ban an"), query.score("bo an"));
        assert!(query.score("ban an") > query.score("ban bang"));
    }

    #[test]
    fn score_phrase_in_order_bonus() {
        let query = q("uy ban");
        let together = query.score(&fold("Ủy ban nhân dân tỉnh"));
        let reversed = query.score(&fold("Ban chấp hành ủy viên"));
        let apart = query.score(&fold("thường trực ủy nhiệm ban"));
        assert!(together > reversed, "{together} > {reversed}");
        assert!(together > apart, "{together} > {apart}");
    }

    #[test]
    fn score_leading_match_bonus() {
        let query = q("quy che");
        assert!(query.score("quy che phoi hop") > query.score("ban hanh quy che"));
    }

    #[test]
    fn score_ranks_titles() {
        let query = q("đoàn");
        let mut titles = [
            "Chương trình hỗ trợ doanh nghiệp",
            "Chương trình hỗ trợ Đoàn Thanh niên",
            "Quy chế phối hợp với Tỉnh Đoàn",
            "Quy chế phối hợp về đất đai",
        ];
        titles.sort_by_key(|t| std::cmp::Reverse(query.score(&fold(t))));
        assert_eq!(query.score(&fold(titles[0])), query.score(&fold(titles[1])));
        assert!(titles[..2].contains(&"Quy chế phối hợp với Tỉnh Đoàn"));
        assert!(titles[..2].contains(&"Chương trình hỗ trợ Đoàn Thanh niên"));
        assert_eq!(titles[2], "Chương trình hỗ trợ doanh nghiệp");
        assert_eq!(query.score(&fold(titles[3])), 0);
    }

    #[test]
    fn score_zero_iff_no_match() {
        let hay = fold(TITLE);
        for s in [
            "quy che", "2018", "tra vinh", "oan", "2019", "hanoi", "che quy",
        ] {
            let query = q(s);
            assert_eq!(query.matches(&hay), query.score(&hay) > 0, "{s:?}");
        }
    }

    #[test]
    fn score_handles_repeated_and_multibyte_tokens() {
        assert!(q("doan doan").score("tinh doan") > 0);
        assert!(q("越南").score("越南越南") > 0);
        assert!(q("aa").score("aaa") > 0);
    }
}
