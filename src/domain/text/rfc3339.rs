//! RFC 3339 date-times (`2025-03-08T14:05:00.5+02:00`) written and read exactly as the `time` crate's `Rfc3339` does, without its formatting and parsing machinery in the wasm.
//!
//! Writing: four-digit year, `T`, seconds always, a fraction only when not zero (trailing zeros
//! dropped), `Z` for UTC, else `±hh:mm`. Reading: the same fields, any one byte between date and
//! time, a fraction of one or more digits (beyond nine ignored), `Z` or `z`, offsets up to
//! ±23:59, and a leap second (`:60`) only where one can stand: the last second of a month in UTC,
//! read as 23:59:59.999999999.

use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

/// `at` as RFC 3339; `None` when RFC 3339 cannot hold it (a year outside 0-9999, an offset with seconds).
pub fn format(at: OffsetDateTime) -> Option<String> {
    let mut out = String::with_capacity(32);
    write(&mut out, at).then_some(out)
}

/// Appends `at` as RFC 3339 to `out`, or returns false (writing nothing) when RFC 3339 cannot
/// hold it; an export writes two per annotation straight into its text.
pub fn write(out: &mut String, at: OffsetDateTime) -> bool {
    let offset = at.offset();
    if !(0..10_000).contains(&at.year()) || offset.seconds_past_minute() != 0 {
        return false;
    }
    // Digit by digit rather than through `format!`, and the calendar date worked out once.
    let (year, month, day) = at.to_calendar_date();
    let (hour, minute, second, nanosecond) = at.to_hms_nano();
    push_digits(out, year.unsigned_abs(), 4);
    out.push('-');
    push_digits(out, u8::from(month).into(), 2);
    out.push('-');
    push_digits(out, day.into(), 2);
    out.push('T');
    push_digits(out, hour.into(), 2);
    out.push(':');
    push_digits(out, minute.into(), 2);
    out.push(':');
    push_digits(out, second.into(), 2);
    if nanosecond != 0 {
        // Nine digits with the trailing zeros dropped.
        let (mut fraction, mut width) = (nanosecond, 9);
        while fraction % 10 == 0 {
            fraction /= 10;
            width -= 1;
        }
        out.push('.');
        push_digits(out, fraction, width);
    }
    if offset.is_utc() {
        out.push('Z');
    } else {
        out.push(if offset.is_negative() { '-' } else { '+' });
        push_digits(out, offset.whole_hours().unsigned_abs().into(), 2);
        out.push(':');
        push_digits(out, offset.minutes_past_hour().unsigned_abs().into(), 2);
    }
    true
}

/// Appends `n` in decimal as exactly `width` digits (zero-padded; `n` must fit).
fn push_digits(out: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10u32.pow(place) % 10) as u8));
    }
}

/// Reads an RFC 3339 date-time; `None` if `text` is not one (or names a day or time that does not exist).
pub fn parse(text: &str) -> Option<OffsetDateTime> {
    let mut input = Input(text.as_bytes());
    let year = input.digits(4)?;
    input.literal(b'-')?;
    let month = Month::try_from(u8::try_from(input.digits(2)?).ok()?).ok()?;
    input.literal(b'-')?;
    let day = input.digits(2)?;
    input.skip_one()?;
    let hour = input.digits(2)?;
    input.literal(b':')?;
    let minute = input.digits(2)?;
    input.literal(b':')?;
    let mut second = input.digits(2)?;
    let mut nanosecond = 0;
    if input.literal(b'.').is_some() {
        nanosecond = input.digits(1)? * 100_000_000;
        let mut multiplier = 10_000_000;
        while let Some(digit) = input.digits(1) {
            nanosecond += digit * multiplier;
            multiplier /= 10;
        }
    }
    let offset = if input.literal(b'Z').or_else(|| input.literal(b'z')).is_some() {
        UtcOffset::UTC
    } else {
        let negative = match input.0.first()? {
            b'+' => false,
            b'-' => true,
            _ => return None,
        };
        input.skip_one()?;
        let hours = input.digits(2).filter(|&h| h <= 23)? as i8;
        input.literal(b':')?;
        let minutes = input.digits(2)? as i8;
        let sign = if negative { -1 } else { 1 };
        UtcOffset::from_hms(sign * hours, sign * minutes, 0).ok()?
    };
    if !input.0.is_empty() {
        return None;
    }
    let leap_second = second == 60;
    if leap_second {
        second = 59;
        nanosecond = 999_999_999;
    }
    let date = Date::from_calendar_date(year as i32, month, u8::try_from(day).ok()?).ok()?;
    let time =
        Time::from_hms_nano(u8::try_from(hour).ok()?, u8::try_from(minute).ok()?, second as u8, nanosecond).ok()?;
    let at = OffsetDateTime::new_in_offset(date, time, offset);
    if leap_second {
        let utc = at.checked_to_offset(UtcOffset::UTC)?;
        let last_of_month = utc.date().next_day().is_none_or(|next| next.month() != utc.month());
        if !(utc.hour() == 23 && utc.minute() == 59 && utc.second() == 59 && last_of_month) {
            return None;
        }
    }
    Some(at)
}

/// Reads an `xsd:dateTime` as Web Annotation files carry it: RFC 3339, or the same without a
/// time zone, which XML Schema allows and which is then read as UTC (as the W3C model advises).
pub fn parse_xsd(text: &str) -> Option<OffsetDateTime> {
    parse(text).or_else(|| {
        let zoned = text.ends_with(['Z', 'z']) || text.get(19..).is_some_and(|rest| rest.contains(['+', '-']));
        if zoned {
            return None;
        }
        parse(&format!("{text}Z"))
    })
}

/// `at` without the noise of a browser's millisecond clock passed through `f64` nanoseconds
/// (`07:43:20.056999936`, which earlier versions stored): a time less than a microsecond away
/// from a whole millisecond, and not on it, is that millisecond. Times in whole microseconds
/// (Hypothesis) or coarser are never that close, so they keep their precision.
pub fn settle(at: OffsetDateTime) -> OffsetDateTime {
    let nanos = at.nanosecond();
    let below = nanos % 1_000_000;
    let above = 1_000_000 - below;
    if below == 0 || (below >= 1_000 && above >= 1_000) {
        return at;
    }
    if below < 1_000 {
        return at.replace_nanosecond(nanos - below).unwrap_or(at);
    }
    match at.replace_nanosecond(nanos + above) {
        Ok(up) => up,
        // The next millisecond is the next second.
        Err(_) => OffsetDateTime::from_unix_timestamp(at.unix_timestamp() + 1).map_or(at, |t| t.to_offset(at.offset())),
    }
}

/// The bytes not read yet.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    /// Exactly `n` ASCII digits as a number.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let digits = self.0.get(..n).filter(|d| d.iter().all(u8::is_ascii_digit))?;
        self.0 = &self.0[n..];
        Some(digits.iter().fold(0, |value, d| value * 10 + u32::from(d - b'0')))
    }

    fn literal(&mut self, byte: u8) -> Option<()> {
        let rest = self.0.strip_prefix(&[byte])?;
        self.0 = rest;
        Some(())
    }

    fn skip_one(&mut self) -> Option<()> {
        self.0 = self.0.get(1..)?;
        Some(())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::format_description::well_known::Rfc3339;

    /// What the `time` crate (with its formatting and parsing features, a dev-dependency) makes of `text`.
    fn reference(text: &str) -> Option<OffsetDateTime> {
        OffsetDateTime::parse(text, &Rfc3339).ok()
    }

    #[test]
    fn reads_what_time_reads() {
        let cases = [
            "2025-03-08T14:05:00Z",
            "2025-03-08t14:05:00z",
            "2025-03-08 14:05:00Z",
            "2025-03-08x14:05:00Z",
            "2025-03-08T14:05:00.5+02:00",
            "2025-03-08T14:05:00.123456789123-05:30",
            "2025-03-08T14:05:00.-05:30",
            "2025-03-08T14:05:00-00:00",
            "2025-03-08T14:05:00-00:30",
            "2025-03-08T14:05:00+24:00",
            "2025-03-08T14:05:00+23:60",
            "2025-03-08T14:05:00+2:00",
            "2025-03-08T14:05:00",
            "2025-03-08T14:05:00Z ",
            "2025-02-29T14:05:00Z",
            "2024-02-29T14:05:00Z",
            "2025-13-01T00:00:00Z",
            "2025-00-01T00:00:00Z",
            "2025-03-08T24:00:00Z",
            "2025-03-08T23:60:00Z",
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5Z",
            "2016-12-30T23:59:60Z",
            "2017-01-01T00:59:60+01:00",
            "2016-06-30T23:59:60Z",
            "9999-12-31T23:59:60-01:00",
            "0000-01-01T00:00:00Z",
            "+2025-03-08T14:05:00Z",
            "25-03-08T14:05:00Z",
            "2025-03-08T14:05Z",
            "2025-03-08é14:05:00Z",
            "",
        ];
        for text in cases {
            assert_eq!(parse(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn writes_what_time_writes() {
        let cases = [
            "2025-03-08T14:05:00Z",
            "2025-03-08T14:05:00.5+02:00",
            "2025-03-08T14:05:00.000000001-00:30",
            "1999-12-31T23:59:59.123456789+05:30",
            "0000-01-01T00:00:00Z",
        ];
        for text in cases {
            let at = reference(text).unwrap();
            assert_eq!(format(at), at.format(&Rfc3339).ok(), "{text:?}");
        }
        let out_of_range = OffsetDateTime::UNIX_EPOCH.replace_year(-1).unwrap();
        assert_eq!(format(out_of_range), None);
        assert_eq!(format(OffsetDateTime::UNIX_EPOCH.to_offset(UtcOffset::from_hms(1, 2, 3).unwrap())), None);
    }

    prop_compose! {
        fn any_time()(seconds in -62_167_219_200i64..253_402_300_799, nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000], offset in -86_399i32..86_399, whole_minutes in any::<bool>()) -> OffsetDateTime {
            let offset = if whole_minutes { offset / 60 * 60 } else { offset };
            let at = OffsetDateTime::from_unix_timestamp(seconds).unwrap().replace_nanosecond(nanos).unwrap();
            at.checked_to_offset(UtcOffset::from_whole_seconds(offset).unwrap()).unwrap_or(at)
        }
    }

    proptest! {
        #[test]
        fn writes_like_time_and_reads_back(at in any_time()) {
            let written = format(at);
            prop_assert_eq!(&written, &at.format(&Rfc3339).ok());
            if let Some(text) = written {
                prop_assert_eq!(parse(&text), Some(at));
            }
        }

        #[test]
        fn reads_like_time(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,12})?([Zz]|[+-][0-9]{2}:[0-9]{2})?") {
            prop_assert_eq!(parse(&text), reference(&text));
        }
    }
}
