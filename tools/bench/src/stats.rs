//! Summary statistics for benchmark runs.
//!
//! The harness reports the median of N timed runs together with the minimum and maximum (so the
//! reader sees the spread), and the geometric mean of the per-benchmark ratios of a suite (the only
//! mean that is meaningful for ratios: it does not depend on which side is the numerator). These
//! are kept here, free of any I/O, so they can be unit-tested on exact values.

/// Median, minimum and maximum of a sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

/// Summarise a sample. Returns `None` for an empty sample or one containing a NaN.
///
/// For an even number of values the median is the mean of the two middle values.
pub fn summarize(values: &[f64]) -> Option<Summary> {
    if values.is_empty() || values.iter().any(|v| v.is_nan()) {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    Some(Summary {
        median,
        min: sorted[0],
        max: sorted[n - 1],
    })
}

/// Geometric mean of strictly positive, finite values. `None` if the slice is empty or any value
/// is not strictly positive and finite (a ratio of zero or infinity means a measurement is broken,
/// and silently skipping it would bias the mean).
pub fn geometric_mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| !v.is_finite() || *v <= 0.0) {
        return None;
    }
    let log_sum: f64 = values.iter().map(|v| v.ln()).sum();
    Some((log_sum / values.len() as f64).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn median_of_odd_sample_is_middle_value() {
        let s = summarize(&[5.0, 1.0, 3.0, 9.0, 2.0]).unwrap();
        assert_eq!(s.median, 3.0);
        assert_eq!(s.min, 1.0);
        assert_eq!(s.max, 9.0);
    }

    #[test]
    fn median_of_even_sample_averages_middle_pair() {
        let s = summarize(&[4.0, 1.0, 3.0, 10.0]).unwrap();
        assert_eq!(s.median, 3.5);
        assert_eq!(s.min, 1.0);
        assert_eq!(s.max, 10.0);
    }

    #[test]
    fn single_value_summary() {
        let s = summarize(&[0.25]).unwrap();
        assert_eq!((s.median, s.min, s.max), (0.25, 0.25, 0.25));
    }

    #[test]
    fn empty_or_nan_sample_has_no_summary() {
        assert_eq!(summarize(&[]), None);
        assert_eq!(summarize(&[1.0, f64::NAN]), None);
    }

    #[test]
    fn geometric_mean_of_reciprocals_is_one() {
        let g = geometric_mean(&[4.0, 0.25]).unwrap();
        assert!(close(g, 1.0), "{g}");
    }

    #[test]
    fn geometric_mean_exact_values() {
        assert!(close(geometric_mean(&[2.0, 8.0]).unwrap(), 4.0));
        assert!(close(geometric_mean(&[1.0, 3.0, 9.0]).unwrap(), 3.0));
        assert!(close(geometric_mean(&[7.5]).unwrap(), 7.5));
    }

    #[test]
    fn geometric_mean_rejects_bad_input() {
        assert_eq!(geometric_mean(&[]), None);
        assert_eq!(geometric_mean(&[1.0, 0.0]), None);
        assert_eq!(geometric_mean(&[1.0, -2.0]), None);
        assert_eq!(geometric_mean(&[f64::INFINITY]), None);
    }
}
