//! RFC 3339 date-times, parsed by hand: the card needs only to check them, order them and show
//! their date, which does not justify a date library in every reader's download.

/// A validated RFC 3339 date-time, kept with the text it came from (for `<time datetime>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    pub text: String,
    pub year: u16,
    pub month: u8,
    pub day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    offset_minutes: i16,
}

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `T` may be `t` or a space and `Z` may
    /// be `z`, as RFC 3339 allows. Returns `None` for anything else, including impossible dates.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        if b.len() < 20 {
            return None;
        }
        let num = |from: usize, len: usize| -> Option<u16> {
            let digits = b.get(from..from + len)?;
            digits.iter().try_fold(0u16, |acc, d| {
                d.is_ascii_digit().then(|| acc * 10 + u16::from(d - b'0'))
            })
        };
        let sep = |at: usize, allowed: &[u8]| b.get(at).is_some_and(|c| allowed.contains(c));
        if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
            return None;
        }
        let year = num(0, 4)?;
        let month = u8::try_from(num(5, 2)?).ok()?;
        let day = u8::try_from(num(8, 2)?).ok()?;
        let hour = u8::try_from(num(11, 2)?).ok()?;
        let minute = u8::try_from(num(14, 2)?).ok()?;
        let second = u8::try_from(num(17, 2)?).ok()?;
        let mut at = 19;
        if sep(at, b".") {
            at += 1;
            let start = at;
            while b.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            if at == start {
                return None;
            }
        }
        let offset_minutes = match b.get(at..)? {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
                let h = num(at + 1, 2)?;
                let m = num(at + 4, 2)?;
                if h > 23 || m > 59 {
                    return None;
                }
                let minutes = i16::try_from(h * 60 + m).ok()?;
                if *sign == b'-' {
                    -minutes
                } else {
                    minutes
                }
            }
            _ => return None,
        };
        let valid = (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && hour <= 23
            && minute <= 59
            && second <= 60; // 60 is a leap second
        valid.then(|| Timestamp {
            text: text.to_owned(),
            year,
            month,
            day,
            hour,
            minute,
            second,
            offset_minutes,
        })
    }

    /// Seconds since 1970-01-01T00:00:00Z, for ordering `published` and `updated`.
    pub fn unix_seconds(&self) -> i64 {
        let days = days_from_civil(i64::from(self.year), self.month.into(), self.day.into());
        days * 86_400
            + i64::from(self.hour) * 3_600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset_minutes) * 60
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since the Unix epoch of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::Timestamp;

    #[test]
    fn accepts_rfc3339() {
        for good in [
            "2026-11-29T08:00:00Z",
            "2026-11-29t08:00:00z",
            "2026-11-29 08:00:00+01:00",
            "2024-02-29T23:59:60.123456-05:30",
            "1970-01-01T00:00:00Z",
        ] {
            assert!(Timestamp::parse(good).is_some(), "{good:?}");
        }
    }

    #[test]
    fn rejects_the_rest() {
        for bad in [
            "",
            "2026-11-29",
            "2026-11-29T08:00Z",
            "2026-11-29T08:00:00",
            "2026-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-11-31T00:00:00Z",
            "2026-11-29T24:00:00Z",
            "2026-11-29T08:00:00.Z",
            "2026-11-29T08:00:00+0100",
            "2026-11-29T08:00:00+24:00",
            "yesterday at noon, UTC!",
            "2026-11-29T08:00:00Zjunk",
        ] {
            assert!(Timestamp::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn orders_across_offsets() {
        let a = Timestamp::parse("2026-11-29T08:00:00+02:00").unwrap();
        let b = Timestamp::parse("2026-11-29T07:00:00Z").unwrap();
        assert!(a.unix_seconds() < b.unix_seconds());
        let epoch = Timestamp::parse("1970-01-01T00:00:00Z").unwrap();
        assert_eq!(epoch.unix_seconds(), 0);
        let known = Timestamp::parse("2026-11-29T00:00:00Z").unwrap();
        assert_eq!(known.unix_seconds(), 1_795_910_400);
    }
}
