//! Which standards a document answers to. A document is judged by the rules in force when it
//! was written, not by today's: before 2012-07-01 GB/T 9704-1999 wanted the 成文日期 in Chinese
//! numerals and let a single organ seal without signing, and the 2000 《国家行政机关公文处理办法》
//! asked a title for its organ only “一般”; before 2012-06-01 GB/T 15834-1995 said nothing of a
//! 、 between 《》 nor told a year range's 一字线 from a 半字线; and before 2011-11-01, with
//! GB2312 (which has no 〇) the usual encoding, ○ was how a Chinese-numeral zero was typed.
//! The cut-over dates live here and nowhere else.

use super::{DATE_LINE, DOC_NUMBER, Document};
use crate::lang::date::Date;
use crate::lang::numerals::date_number;

/// A standard whose coming into force changed what some rule asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standard {
    /// 《党政机关公文处理工作条例》 and GB/T 9704-2012 《党政机关公文格式》, in force from
    /// 2012-07-01, replacing the 2000 《国家行政机关公文处理办法》 and GB/T 9704-1999.
    Regulations2012,
    /// GB/T 15834-2011 《标点符号用法》, in force from 2012-06-01, replacing GB/T 15834-1995.
    Punctuation2011,
    /// GB/T 15835-2011 《出版物上数字用法》, in force from 2011-11-01, replacing GB/T 15835-1995.
    Numbers2011,
}

impl Standard {
    pub fn in_force_from(self) -> Date {
        let (y, m, d) = match self {
            Standard::Regulations2012 => (2012, 7, 1),
            Standard::Punctuation2011 => (2012, 6, 1),
            Standard::Numbers2011 => (2011, 11, 1),
        };
        Date::new(y, m, d).expect("a real date")
    }

    /// What applied before, in Chinese, for messages.
    pub fn predecessor(self) -> &'static str {
        match self {
            Standard::Regulations2012 => "GB/T 9704-1999 和《国家行政机关公文处理办法》（2000年）",
            Standard::Punctuation2011 => "GB/T 15834-1995",
            Standard::Numbers2011 => "GB/T 15835-1995",
        }
    }
}

/// When a document was written, as far as it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// Its 成文日期.
    On(Date),
    /// The year of its 发文字号, when it has no readable 成文日期.
    In(i32),
}

impl Written {
    /// Whether this is known to lie before `day`.
    pub fn before(self, day: Date) -> bool {
        match self {
            Written::On(d) => d < day,
            Written::In(year) => year < day.year,
        }
    }
}

/// When `doc` was written: its 成文日期 (Arabic or Chinese numerals), else its 文号's year.
pub fn written(doc: &Document) -> Option<Written> {
    let date = doc.date.as_ref().and_then(|d| DATE_LINE.captures(&d.text)).and_then(|c| {
        let part = |name: &str| c.name(name).map(|m| m.as_str()).filter(|s| !s.is_empty());
        let year = part("y").filter(|y| y.chars().count() == 4)?;
        let year = i32::try_from(date_number(year)?).ok()?;
        Date::new(year, date_number(part("m")?)?, date_number(part("d")?)?)
    });
    if let Some(date) = date {
        return Some(Written::On(date));
    }
    let number = doc.header.doc_number.as_ref()?;
    let year = DOC_NUMBER.captures(&number.text)?.name("year")?.as_str();
    let year: i32 = year.parse().ok().filter(|y| (1949..=2100).contains(y))?;
    Some(Written::In(year))
}

impl Document {
    /// Whether the document was written before `standard` came into force; false when the
    /// document does not say when it was written.
    pub fn predates(&self, standard: Standard) -> bool {
        self.written.is_some_and(|w| w.before(standard.in_force_from()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn doc(text: &str) -> Document {
        crate::document::recognise(&Source::from_text("t.txt", text))
    }

    #[test]
    fn the_date_says_when_else_the_number() {
        let d = doc("示例市人民政府关于印发工作规则的通知\n各区人民政府：\n正文。\n二○一一年四月八日\n");
        assert_eq!(written(&d), Some(Written::On(Date::new(2011, 4, 8).unwrap())));
        assert!(d.predates(Standard::Regulations2012));
        let d =
            doc("示例市人民政府文件\n示府〔2011〕30号\n示例市人民政府关于印发工作规则的通知\n各区人民政府：\n正文。\n");
        assert_eq!(written(&d), Some(Written::In(2011)));
        assert!(d.predates(Standard::Punctuation2011));
        // 2012 by its number alone: not known to be before July.
        let d =
            doc("示例市人民政府文件\n示府〔2012〕30号\n示例市人民政府关于印发工作规则的通知\n各区人民政府：\n正文。\n");
        assert!(!d.predates(Standard::Regulations2012));
        let d = doc("示例市人民政府关于印发工作规则的通知\n各区人民政府：\n正文。\n示例市人民政府\n2012年6月15日\n");
        assert!(d.predates(Standard::Regulations2012));
        assert!(!d.predates(Standard::Punctuation2011));
        assert!(
            !doc("示例市人民政府关于印发工作规则的通知\n各区人民政府：\n正文。\n").predates(Standard::Regulations2012)
        );
    }
}
