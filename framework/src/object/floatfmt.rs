//! Printing floats the way CPython's `repr` does.
//!
//! Shortest round-trip digits (Rust's formatter already finds them), placed
//! with Python's rule: positional notation while the decimal exponent is in
//! `-4 ..= 15`, scientific (`1e+16`, `1e-05`) outside, and always a `.0` on
//! integral values. Every language that prints floats Python's way (calc,
//! Python) uses this one function.

/// `repr(x)` as CPython 3 prints it.
pub fn python_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let sci = format!("{:e}", x.abs()); // e.g. "1.2345e-5"
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let decpt = exp + 1; // position of the decimal point relative to the digits
    let sign = if x < 0.0 { "-" } else { "" };
    if (-3..=16).contains(&decpt) {
        let n = digits.len() as i32;
        let body = if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt >= n {
            format!("{}{}.0", digits, "0".repeat((decpt - n) as usize))
        } else {
            format!("{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
        };
        format!("{sign}{body}")
    } else {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{first}{frac}e{esign}{:02}", exp.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::python_repr;

    /// Expected strings are CPython 3.11's `repr` of the same floats.
    #[test]
    fn matches_cpython_repr() {
        let cases: [(f64, &str); 16] = [
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0, "1.0"),
            (-2.5, "-2.5"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0f64.powi(60), "1.152921504606847e+18"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (12345.678, "12345.678"),
            (100.0, "100.0"),
        ];
        for (x, want) in cases {
            assert_eq!(python_repr(x), want, "repr of {x:e}");
        }
    }
}
