//! Mean and P10 / P50 / P90 of a sample: by counting for whole numbers, by selection over
//! integer order keys otherwise.

use serde::{Deserialize, Serialize};

/// Mean and percentiles across replications.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Band {
    pub mean: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

impl Band {
    /// Band of a sample (NaN values are ignored; an empty sample gives zeros). Percentiles
    /// interpolate linearly between order statistics, found by selection rather than a full
    /// sort (this runs for every week of every series at each refinement of the bands).
    pub fn of(values: &[f64]) -> Band {
        Band::of_column(values, &mut Vec::with_capacity(values.len()))
    }

    /// [`Band::of`] with a work buffer the caller reuses, so aggregating many series allocates
    /// nothing per series.
    pub fn of_column(values: &[f64], work: &mut Vec<u64>) -> Band {
        let (mut sum, mut n, mut min, mut max, mut whole) =
            (0.0, 0usize, f64::INFINITY, f64::NEG_INFINITY, true);
        for &x in values.iter().filter(|x| x.is_finite()) {
            sum += x;
            n += 1;
            min = min.min(x);
            max = max.max(x);
            whole &= x.fract() == 0.0;
        }
        if n == 0 {
            return Band::default();
        }
        // Counts (most weekly series) span a narrow range of whole numbers: counting them
        // finds every order statistic at once, for less than one selection costs.
        let [p10, p50, p90] = if whole && max - min <= (4 * n) as f64 {
            counted_quantiles(values, min, max, work, [0.1, 0.5, 0.9])
        } else {
            work.clear();
            work.extend(
                values
                    .iter()
                    .filter(|x| x.is_finite())
                    .map(|x| order_key(*x)),
            );
            quantiles(work, [0.1, 0.5, 0.9])
        };
        Band {
            mean: sum / n as f64,
            p10,
            p50,
            p90,
        }
    }
}

/// Where quantile `p` of `n` sorted values falls: the lower order statistic's rank and the
/// weight of the next one.
pub(super) fn rank(p: f64, n: usize) -> (usize, f64) {
    let pos = p * n.saturating_sub(1) as f64;
    let lo = (pos.floor() as usize).min(n.saturating_sub(1));
    (lo, pos - lo as f64)
}

/// Linearly interpolated quantiles of the finite values of `values`, all whole numbers in
/// `min..=max`, by counting: `work` becomes the cumulative count of each value.
pub(super) fn counted_quantiles<const K: usize>(
    values: &[f64],
    min: f64,
    max: f64,
    work: &mut Vec<u64>,
    ps: [f64; K],
) -> [f64; K] {
    work.clear();
    work.resize((max - min) as usize + 1, 0);
    for x in values.iter().filter(|x| x.is_finite()) {
        if let Some(c) = work.get_mut((x - min) as usize) {
            *c += 1;
        }
    }
    let mut total = 0;
    for c in work.iter_mut() {
        total += *c;
        *c = total;
    }
    let n = usize::try_from(total).unwrap_or(usize::MAX);
    // The value of rank k (0-based) is the first whose cumulative count exceeds k.
    let at = |k: usize| min + work.partition_point(|&c| c <= k as u64) as f64;
    ps.map(|p| {
        let (lo, w) = rank(p, n);
        let a = at(lo);
        if w > 0.0 {
            a + (at(lo + 1) - a) * w
        } else {
            a
        }
    })
}

/// Maps a number to an integer in the same order (IEEE 754 total order, as `f64::total_cmp`),
/// so selection compares plain integers.
pub(super) fn order_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The number of an [`order_key`].
pub(super) fn from_order_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    })
}

/// Linearly interpolated quantiles of a non-empty sample (as order keys), for increasing `ps`.
/// Each order statistic is selected within the part above the one before, and the next order
/// statistic is the least value above the selected one.
pub(super) fn quantiles<const K: usize>(v: &mut [u64], ps: [f64; K]) -> [f64; K] {
    let n = v.len();
    let mut out = [0.0; K];
    let mut placed: Option<usize> = None;
    for (o, p) in out.iter_mut().zip(ps) {
        let (lo, w) = rank(p, n);
        if placed != Some(lo) {
            let from = placed.map_or(0, |d| (d + 1).min(lo));
            if let Some(rest) = v.get_mut(from..) {
                rest.select_nth_unstable(lo - from);
            }
            placed = Some(lo);
        }
        let a = v.get(lo).copied().map_or(0.0, from_order_key);
        let b = if w > 0.0 {
            v.get(lo + 1..)
                .and_then(|above| above.iter().copied().min())
                .map_or(a, from_order_key)
        } else {
            a
        };
        *o = a + (b - a) * w;
    }
    out
}
