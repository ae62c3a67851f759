//! Inputs of the expected-value funnel (the deterministic demand waterfall).
//!
//! This is the analytic mode: given leads per channel and stage conversion rates, the
//! expected count at each stage is volume times the product of the rates. The stochastic
//! engine is cross-checked against it.

use serde::{Deserialize, Serialize};

use super::errors::{ErrorCollector, ValidationErrors};
use super::params::Param;
use super::units::{Money, Probability};

/// Longest horizon, in weeks.
pub const MAX_WEEKS: u32 = 520;

/// One lead source and its volume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChannelVolume {
    /// Shown as text, never as HTML.
    pub name: String,
    /// New inquiries per week (leads/week), 0 to 100,000.
    pub leads_per_week: f64,
}

impl Default for ChannelVolume {
    fn default() -> Self {
        Self {
            name: "New channel".into(),
            leads_per_week: 100.0,
        }
    }
}

/// Stage conversion rates in percent (0-100), as a marketer states them.
/// Defaults: the demand-waterfall example in MODEL.md (inquiry to MQL about 10%, MQL to SAL
/// 85%, SAL to SQL 60%, SQL to won 30%).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StageRatesPercent {
    pub inquiry_to_mql: f64,
    pub mql_to_sal: f64,
    pub sal_to_sql: f64,
    pub sql_to_won: f64,
}

impl Default for StageRatesPercent {
    fn default() -> Self {
        Self {
            inquiry_to_mql: 10.0,
            mql_to_sal: 85.0,
            sal_to_sql: 60.0,
            sql_to_won: 30.0,
        }
    }
}

/// Raw (unvalidated) inputs of the expected-value funnel, as stored and edited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WaterfallInputs {
    pub channels: Vec<ChannelVolume>,
    pub rates: StageRatesPercent,
    /// Average deal size in dollars (Bridge Group SaaS AE report: about $25K median contract).
    pub deal_size: f64,
    /// Horizon in weeks.
    pub weeks: u32,
}

impl Default for WaterfallInputs {
    fn default() -> Self {
        let ch = |name: &str, leads_per_week: f64| ChannelVolume {
            name: name.into(),
            leads_per_week,
        };
        Self {
            channels: vec![
                ch("Webinar", 120.0),
                ch("Content download", 250.0),
                ch("Paid search", 150.0),
                ch("Trade show", 80.0),
            ],
            rates: StageRatesPercent::default(),
            deal_size: 25_000.0,
            weeks: 52,
        }
    }
}

/// Validated stage conversion rates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageRates {
    pub inquiry_to_mql: Probability,
    pub mql_to_sal: Probability,
    pub sal_to_sql: Probability,
    pub sql_to_won: Probability,
}

impl StageRates {
    /// The rates in funnel order.
    pub fn in_order(&self) -> [Probability; 4] {
        [
            self.inquiry_to_mql,
            self.mql_to_sal,
            self.sal_to_sql,
            self.sql_to_won,
        ]
    }
}

/// Inputs that passed validation; the only form the engine accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidWaterfall {
    pub channels: Vec<ChannelVolume>,
    pub rates: StageRates,
    pub deal_size: Money,
    pub weeks: u32,
}

impl TryFrom<&WaterfallInputs> for ValidWaterfall {
    type Error = ValidationErrors;

    fn try_from(raw: &WaterfallInputs) -> Result<Self, Self::Error> {
        let mut errs = ErrorCollector::default();
        if raw.channels.is_empty() {
            errs.push("channels", "add at least one channel");
        }
        // The same ranges as the simulation's parameters (the parameter table).
        let leads = Param::LeadsPerWeek.spec();
        for (i, c) in raw.channels.iter().enumerate() {
            errs.check_range(
                &format!("channels[{i}].leads_per_week"),
                c.leads_per_week,
                leads.min,
                leads.max,
                leads.unit,
            );
            if c.name.trim().is_empty() {
                errs.push(format!("channels[{i}].name"), "give the channel a name");
            }
        }
        let mut rate = |field: &str, v: f64| {
            let v = errs.check_range(&format!("rates.{field}"), v, 0.0, 100.0, "%");
            Probability::clamped(v / 100.0)
        };
        let rates = StageRates {
            inquiry_to_mql: rate("inquiry_to_mql", raw.rates.inquiry_to_mql),
            mql_to_sal: rate("mql_to_sal", raw.rates.mql_to_sal),
            sal_to_sql: rate("sal_to_sql", raw.rates.sal_to_sql),
            sql_to_won: rate("sql_to_won", raw.rates.sql_to_won),
        };
        let deal = Param::DealMedian.spec();
        errs.check_range("deal_size", raw.deal_size, deal.min, deal.max, deal.unit);
        if raw.weeks == 0 || raw.weeks > MAX_WEEKS {
            errs.push(
                "weeks",
                format!(
                    "must be between 1 and {MAX_WEEKS} weeks (got {})",
                    raw.weeks
                ),
            );
        }
        errs.finish(ValidWaterfall {
            channels: raw.channels.clone(),
            rates,
            deal_size: Money(raw.deal_size),
            weeks: raw.weeks,
        })
    }
}

impl TryFrom<WaterfallInputs> for ValidWaterfall {
    type Error = ValidationErrors;
    fn try_from(raw: WaterfallInputs) -> Result<Self, Self::Error> {
        ValidWaterfall::try_from(&raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        assert!(ValidWaterfall::try_from(&WaterfallInputs::default()).is_ok());
    }

    #[test]
    fn every_error_is_reported_at_once_with_its_path() {
        let mut raw = WaterfallInputs::default();
        raw.channels[2].leads_per_week = -5.0;
        raw.rates.mql_to_sal = f64::NAN;
        raw.rates.sql_to_won = 130.0;
        raw.weeks = 0;
        let Err(errs) = ValidWaterfall::try_from(&raw) else {
            panic!("invalid inputs were accepted")
        };
        let paths: Vec<&str> = errs.errors().iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "channels[2].leads_per_week",
                "rates.mql_to_sal",
                "rates.sql_to_won",
                "weeks"
            ]
        );
        assert!(errs.errors()[0]
            .message
            .contains("between 0 and 100,000 leads per week"));
    }

    #[test]
    fn missing_fields_take_defaults() {
        let raw: WaterfallInputs = serde_json::from_str(r#"{"weeks": 10}"#).unwrap_or_default();
        assert_eq!(raw.weeks, 10);
        assert_eq!(raw.channels.len(), 4);
        assert_eq!(raw.rates, StageRatesPercent::default());
    }

    #[test]
    fn empty_channel_list_is_rejected() {
        let raw = WaterfallInputs {
            channels: vec![],
            ..WaterfallInputs::default()
        };
        let errs = ValidWaterfall::try_from(&raw).err();
        assert_eq!(
            errs.map(|e| e.errors()[0].path.clone()).as_deref(),
            Some("channels")
        );
    }
}
