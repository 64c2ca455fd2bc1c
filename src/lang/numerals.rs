//! Chinese numerals as used in 公文 ordinals and dates: 一 … 九十九, 百, 〇/零, 两.

/// Value of a Chinese numeral such as 十二, 二十, 一百零五, 四十五; None if not one.
pub fn parse_chinese_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' | 'O' | '○' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    // Positional form (二〇二三) has no 十/百 and more than one digit.
    if !s.contains(['十', '百', '千']) {
        let mut v: u32 = 0;
        for c in s.chars() {
            v = v.checked_mul(10)?.checked_add(digit(c)?)?;
        }
        return Some(v);
    }
    let mut total = 0u32;
    let mut current: Option<u32> = None;
    for c in s.chars() {
        match c {
            '十' => {
                total += current.unwrap_or(1) * 10;
                current = None;
            }
            '百' => {
                total += current.unwrap_or(1) * 100;
                current = None;
            }
            '千' => {
                total += current.unwrap_or(1) * 1000;
                current = None;
            }
            _ => {
                let d = digit(c)?;
                if d == 0 {
                    continue;
                }
                if current.is_some() {
                    return None;
                }
                current = Some(d);
            }
        }
    }
    Some(total + current.unwrap_or(0))
}

/// The Chinese numeral for `n` (1 ≤ n < 1000), as ordinals are written: 一, 十, 十一, 二十, 一百零五.
pub fn to_chinese_number(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n == 0 {
        return D[0].to_string();
    }
    let (h, t, u) = (n / 100 % 10, n / 10 % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s.push_str(D[h as usize]);
        s.push('百');
        if t == 0 && u > 0 {
            s.push('零');
        }
    }
    if t > 0 {
        if !(t == 1 && h == 0) {
            s.push_str(D[t as usize]);
        }
        s.push('十');
    }
    if u > 0 {
        s.push_str(D[u as usize]);
    }
    s
}

/// The value of a year, month or day as a date writes it: 2024, ２０２４, 二〇二四, 二○一○,
/// 二0一九 (each character a digit), 十二, 二十五.
pub fn date_number(s: &str) -> Option<u32> {
    let ascii: String = s
        .chars()
        .map(|c| if ('０'..='９').contains(&c) { char::from_u32(c as u32 - 0xFF10 + 0x30).unwrap_or(c) } else { c })
        .collect();
    if !ascii.is_empty() && ascii.chars().all(|c| c.is_ascii_digit()) {
        return ascii.parse().ok();
    }
    let digits: String = ascii.chars().map(|c| if c == '0' { '〇' } else { c }).collect();
    parse_chinese_number(&digits)
}

pub fn is_chinese_numeral_char(c: char) -> bool {
    matches!(c, '〇' | '零' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千')
}

/// What drafters type for the 〇 of a Chinese-numeral year: the Latin letter O (half- and
/// full-width, either case), the digit 0 (half- and full-width), the geometric ○ and 零.
pub fn is_zero_lookalike(c: char) -> bool {
    matches!(c, 'O' | 'o' | 'Ｏ' | 'ｏ' | '0' | '０' | '○' | '零')
}

/// Whether `s[start..end]` is a run of 〇-lookalikes inside a number written in Chinese
/// numerals — 二OO五年, 二〇一O年 — and so a mistyped 〇 rather than Latin text. One side must
/// be a Chinese digit, the other a Chinese digit, 年, or nothing.
pub fn is_mistyped_zero(s: &str, start: usize, end: usize) -> bool {
    let digit = |c: char| "一二三四五六七八九〇".contains(c) || is_zero_lookalike(c);
    let run = &s[start..end];
    if run.is_empty() || !run.chars().all(is_zero_lookalike) {
        return false;
    }
    let prev = s[..start].chars().next_back();
    let next = s[end..].chars().next();
    let digit_or_end = |c: Option<char>| c.is_none_or(|c| digit(c) || c == '年');
    prev.is_some_and(digit) && digit_or_end(next) || next.is_some_and(digit) && digit_or_end(prev)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ordinals_and_years() {
        for (s, v) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("四十五", 45),
            ("一百零五", 105),
            ("二〇二三", 2023),
            ("二零二四", 2024),
        ] {
            assert_eq!(parse_chinese_number(s), Some(v), "{s}");
        }
        assert_eq!(parse_chinese_number("十一二"), None);
        assert_eq!(parse_chinese_number("甲"), None);
    }

    #[test]
    fn zeros_mistyped_in_chinese_numerals() {
        let at = |s: &str, run: &str| {
            let start = s.find(run).unwrap();
            is_mistyped_zero(s, start, start + run.len())
        };
        assert!(at("二OO五年", "OO"));
        assert!(at("二〇一O年", "O"));
        assert!(at("二ｏｏ八年", "ｏｏ"));
        assert!(!at("推进OO项目", "OO"));
        assert!(!at("二BRT五", "BRT"));
    }

    #[test]
    fn round_trips() {
        for n in 1..=200 {
            assert_eq!(parse_chinese_number(&to_chinese_number(n)), Some(n), "{n}");
        }
        assert_eq!(to_chinese_number(45), "四十五");
        assert_eq!(to_chinese_number(10), "十");
    }
}
