//! Newtypes for the quantities the waterfall deals in, so a probability cannot be passed
//! where money is expected and a percentage cannot sneak in as a fraction.

use serde::{Deserialize, Serialize};

/// A probability in `[0, 1]`. Construct with [`Probability::new`] (checked) or from a percent.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Probability(f64);

/// The value was not a finite number in `[0, 1]`.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error("a probability must be a number between 0 and 1 (got {0})")]
pub struct NotAProbability(pub f64);

impl Probability {
    pub const ZERO: Probability = Probability(0.0);
    pub const ONE: Probability = Probability(1.0);

    pub fn new(p: f64) -> Result<Self, NotAProbability> {
        if p.is_finite() && (0.0..=1.0).contains(&p) {
            Ok(Self(p))
        } else {
            Err(NotAProbability(p))
        }
    }

    /// From a percentage in `[0, 100]`.
    pub fn from_percent(pct: f64) -> Result<Self, NotAProbability> {
        Self::new(pct / 100.0).map_err(|_| NotAProbability(pct))
    }

    /// Clamps any number into `[0, 1]` (NaN becomes 0). For values computed by the model.
    pub fn clamped(p: f64) -> Self {
        if p.is_nan() {
            Self(0.0)
        } else {
            Self(p.clamp(0.0, 1.0))
        }
    }

    pub fn get(self) -> f64 {
        self.0
    }

    pub fn percent(self) -> f64 {
        self.0 * 100.0
    }
}

impl TryFrom<f64> for Probability {
    type Error = NotAProbability;
    fn try_from(p: f64) -> Result<Self, Self::Error> {
        Self::new(p)
    }
}

impl From<Probability> for f64 {
    fn from(p: Probability) -> f64 {
        p.0
    }
}

/// An amount of money in US dollars. Finite, may be negative only where a difference is meant.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(pub f64);

impl Money {
    pub fn dollars(self) -> f64 {
        self.0
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl std::ops::Mul<f64> for Money {
    type Output = Money;
    fn mul(self, rhs: f64) -> Money {
        Money(self.0 * rhs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probability_rejects_out_of_range_and_nan() {
        assert!(Probability::new(-0.01).is_err());
        assert!(Probability::new(1.01).is_err());
        assert!(Probability::new(f64::NAN).is_err());
        assert!(Probability::new(f64::INFINITY).is_err());
        assert_eq!(Probability::new(0.25).map(Probability::get), Ok(0.25));
        assert_eq!(
            Probability::from_percent(85.0).map(Probability::get),
            Ok(0.85)
        );
    }

    #[test]
    fn probability_serde_is_checked() {
        assert!(serde_json::from_str::<Probability>("1.5").is_err());
        let p: Result<Probability, _> = serde_json::from_str("0.3");
        assert_eq!(p.map(Probability::get).ok(), Some(0.3));
    }

    #[test]
    fn clamped_handles_nan() {
        assert_eq!(Probability::clamped(f64::NAN).get(), 0.0);
        assert_eq!(Probability::clamped(3.0).get(), 1.0);
    }
}
