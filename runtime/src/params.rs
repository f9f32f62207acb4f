//! How argument values become path segments, query pairs and header values.

use std::fmt::Write as _;

/// A single value that can fill a path placeholder, a query parameter or a header.
///
/// Implemented for strings, booleans, numbers and `time` dates; implement it for your own
/// enums to pass them as query arguments.
pub trait ParamValue {
    /// Appends the value's text form (not yet percent-encoded) to `out`.
    fn write_value(&self, out: &mut String);
}

macro_rules! display_param_value {
    ($($ty:ty),*) => {$(
        impl ParamValue for $ty {
            fn write_value(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}

display_param_value!(
    str, String, bool, char, i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64
);

impl ParamValue for time::OffsetDateTime {
    /// RFC 3339 in UTC, e.g. `2024-01-02T03:04:05Z`.
    fn write_value(&self, out: &mut String) {
        let utc = self.to_offset(time::UtcOffset::UTC);
        match utc.format(&time::format_description::well_known::Rfc3339) {
            Ok(text) => out.push_str(&text),
            Err(_) => {
                let _ = write!(out, "{utc}");
            }
        }
    }
}

impl ParamValue for time::Date {
    /// `YYYY-MM-DD`.
    fn write_value(&self, out: &mut String) {
        let _ = write!(
            out,
            "{:04}-{:02}-{:02}",
            self.year(),
            u8::from(self.month()),
            self.day()
        );
    }
}

impl<T: ParamValue + ?Sized> ParamValue for &T {
    fn write_value(&self, out: &mut String) {
        (**self).write_value(out);
    }
}

/// An argument that contributes zero, one or many values: `Option` (none when `None`),
/// slices and `Vec` (one per element), or a single [`ParamValue`].
pub trait ArgValues {
    /// Calls `each` with the text of every value, in order.
    fn each_value(&self, each: &mut dyn FnMut(&str));
}

impl<T: ParamValue + ?Sized> ArgValues for T {
    fn each_value(&self, each: &mut dyn FnMut(&str)) {
        let mut text = String::new();
        self.write_value(&mut text);
        each(&text);
    }
}

impl<T: ArgValues> ArgValues for Option<T> {
    fn each_value(&self, each: &mut dyn FnMut(&str)) {
        if let Some(value) = self {
            value.each_value(each);
        }
    }
}

impl<T: ParamValue> ArgValues for [T] {
    fn each_value(&self, each: &mut dyn FnMut(&str)) {
        let mut text = String::new();
        for value in self {
            text.clear();
            value.write_value(&mut text);
            each(&text);
        }
    }
}

impl<T: ParamValue> ArgValues for &[T] {
    fn each_value(&self, each: &mut dyn FnMut(&str)) {
        (**self).each_value(each);
    }
}

impl<T: ParamValue> ArgValues for Vec<T> {
    fn each_value(&self, each: &mut dyn FnMut(&str)) {
        self.as_slice().each_value(each);
    }
}

impl<T: ParamValue> ArgValues for &Vec<T> {
    fn each_value(&self, each: &mut dyn FnMut(&str)) {
        self.as_slice().each_value(each);
    }
}
