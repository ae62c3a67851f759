//! The stops of each parameter's slider: a fine grid where people drag and a coarser one
//! further out, over the whole valid range, plus the default and every preset's value, so
//! that the slider can sit exactly on any value a preset or a fresh start sets. The slider
//! moves through the stops by position (0, 1, 2, ...); the number box beside it takes any
//! valid value, and the slider then sits on the nearest stop.

use super::params::Param;
use super::presets::{preset, Preset};

/// The sorted, distinct values a slider stops at.
#[derive(Debug, Clone, PartialEq)]
pub struct SliderScale {
    stops: Vec<f64>,
}

/// `x` without the binary noise of `k * step` (`0.15000000000000002` is `0.15`).
fn tidy(x: f64) -> f64 {
    let r = (x * 1e6).round() / 1e6;
    if (r - x).abs() <= 1e-9 * x.abs().max(1.0) {
        r
    } else {
        x
    }
}

/// Whether `a` and `b` are the same stop.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The values of `p` in the presets (every channel of each, for channel parameters).
fn preset_values(p: Param) -> Vec<f64> {
    Preset::ALL
        .iter()
        .flat_map(|&which| {
            let s = preset(which);
            (0..s.channels.len().max(1))
                .filter_map(|ch| p.get(&s, ch))
                .collect::<Vec<_>>()
        })
        .collect()
}

impl SliderScale {
    /// The stops of `p`'s slider: the grid over the whole valid range, the default and every
    /// preset's value.
    pub fn for_param(p: Param) -> SliderScale {
        let spec = p.spec();
        let (min, max) = (spec.min, spec.max);
        let mut stops = vec![min, max, spec.default];
        let mut from = min;
        for &(upto, step) in spec.slider {
            let to = upto.min(max);
            let mut k = (from / step).ceil();
            loop {
                let v = tidy(k * step);
                if v > to + 1e-9 {
                    break;
                }
                stops.push(v);
                k += 1.0;
            }
            from = to;
            if to >= max {
                break;
            }
        }
        stops.extend(preset_values(p));
        stops.retain(|v| v.is_finite() && *v >= min && *v <= max);
        if spec.integer {
            stops.retain(|v| v.fract() == 0.0);
        }
        stops.sort_by(f64::total_cmp);
        stops.dedup_by(|a, b| same(*a, *b));
        SliderScale { stops }
    }

    /// The stops, ascending.
    pub fn stops(&self) -> &[f64] {
        &self.stops
    }

    /// The highest position (the slider's `max`; positions start at 0).
    pub fn last(&self) -> usize {
        self.stops.len().saturating_sub(1)
    }

    /// The value at a position (clamped to the ends).
    pub fn value_at(&self, position: usize) -> f64 {
        self.stops
            .get(position.min(self.last()))
            .copied()
            .unwrap_or(f64::NAN)
    }

    /// The position of the stop nearest to `v` (the ends for values beyond them; 0 for NaN).
    pub fn position_of(&self, v: f64) -> usize {
        if !v.is_finite() {
            return 0;
        }
        let i = self.stops.partition_point(|s| *s < v);
        match (i.checked_sub(1), self.stops.get(i)) {
            (Some(below), Some(above)) => {
                let lower = self.stops.get(below).copied().unwrap_or(f64::NAN);
                if v - lower <= above - v {
                    below
                } else {
                    i
                }
            }
            (Some(below), None) => below,
            (None, _) => 0,
        }
    }

    /// Whether `v` is exactly one of the stops (within float tolerance).
    pub fn has_stop(&self, v: f64) -> bool {
        same(self.value_at(self.position_of(v)), v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_and_preset_value_is_a_stop() {
        for p in Param::ALL {
            let scale = SliderScale::for_param(p);
            let spec = p.spec();
            assert!(
                scale.has_stop(spec.default),
                "{p:?} default {}",
                spec.default
            );
            for which in Preset::ALL {
                let s = preset(which);
                for ch in 0..s.channels.len().max(1) {
                    if let Some(v) = p.get(&s, ch) {
                        assert!(scale.has_stop(v), "{p:?} in {which:?} channel {ch}: {v}");
                        let back = scale.value_at(scale.position_of(v));
                        assert!(same(back, v), "{p:?}: {v} comes back as {back}");
                    }
                }
            }
        }
    }

    #[test]
    fn stops_cover_the_valid_range_in_order_and_stay_draggable() {
        for p in Param::ALL {
            let scale = SliderScale::for_param(p);
            let spec = p.spec();
            let stops = scale.stops();
            assert_eq!(
                stops.first().copied(),
                Some(spec.min),
                "{p:?} starts at min"
            );
            assert_eq!(stops.last().copied(), Some(spec.max), "{p:?} reaches max");
            assert!(stops.windows(2).all(|w| w[0] < w[1]), "{p:?} ascending");
            assert!(
                (20..=400).contains(&stops.len()) || spec.max - spec.min < 20.0,
                "{p:?}: {} stops",
                stops.len()
            );
            if spec.integer {
                assert!(
                    stops.iter().all(|v| v.fract() == 0.0),
                    "{p:?} whole numbers"
                );
            }
        }
    }

    #[test]
    fn the_reported_sliders_reach_their_values() {
        let target = SliderScale::for_param(Param::TargetResponseMinutes);
        let at = target.position_of(15.0);
        assert_eq!(target.value_at(at), 15.0);
        // One step right and back is where it started.
        assert_eq!(
            target.value_at(target.position_of(target.value_at(at + 1)) - 1),
            15.0
        );
        for (p, v) in [
            (Param::MinutesPerAttempt, 6.0),
            (Param::ReengagePercentPerWeek, 0.25),
            (Param::SpeedDecayHours, 0.594),
            (Param::SdrHeadcount, 500.0),
            (Param::SdrHeadcount, 2.0),
        ] {
            let s = SliderScale::for_param(p);
            assert_eq!(s.value_at(s.position_of(v)), v, "{p:?} {v}");
        }
        let sdr = SliderScale::for_param(Param::SdrHeadcount);
        assert_eq!(
            sdr.value_at(sdr.last()),
            500.0,
            "SDR slider reaches the valid maximum"
        );
        // Values between stops sit on the nearest one; beyond the ends, on the ends.
        assert_eq!(target.value_at(target.position_of(15.4)), 15.0);
        assert_eq!(target.position_of(-5.0), 0);
        assert_eq!(target.position_of(1e9), target.last());
        assert_eq!(target.position_of(f64::NAN), 0);
    }
}
