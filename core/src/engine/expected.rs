//! The expected-value funnel (demand waterfall): expected count at each stage equals volume
//! times the product of the conversion rates up to that stage. Deterministic.

use serde::{Deserialize, Serialize};

use crate::model::{Money, Probability, ValidWaterfall};

/// A funnel stage, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stage {
    Inquiry,
    Mql,
    Sal,
    Sql,
    Won,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Inquiry,
        Stage::Mql,
        Stage::Sal,
        Stage::Sql,
        Stage::Won,
    ];

    /// The short name used in the shared vocabulary.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Inquiry => "Inquiries",
            Stage::Mql => "MQLs",
            Stage::Sal => "SALs",
            Stage::Sql => "SQLs",
            Stage::Won => "Won deals",
        }
    }
}

/// Expected volume at one stage over the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StageCount {
    pub stage: Stage,
    /// Expected number of leads reaching this stage over the horizon.
    pub count: f64,
    /// Conversion from the previous stage (1 for inquiries).
    pub rate_from_previous: Probability,
    /// Expected leads lost between the previous stage and this one (0 for inquiries).
    pub lost_before: f64,
}

/// The whole expected-value funnel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpectedFunnel {
    pub stages: Vec<StageCount>,
    /// Expected bookings over the horizon: won deals times the deal size.
    pub bookings: Money,
    pub weeks: u32,
}

impl ExpectedFunnel {
    /// Expected count at a stage.
    pub fn count(&self, stage: Stage) -> f64 {
        self.stages
            .iter()
            .find(|s| s.stage == stage)
            .map_or(0.0, |s| s.count)
    }

    /// Expected won deals over the horizon.
    pub fn won(&self) -> f64 {
        self.count(Stage::Won)
    }
}

/// Computes the expected-value funnel for validated inputs.
pub fn expected_funnel(input: &ValidWaterfall) -> ExpectedFunnel {
    let weekly: f64 = input.channels.iter().map(|c| c.leads_per_week).sum();
    let inquiries = weekly * f64::from(input.weeks);
    let mut stages = Vec::with_capacity(Stage::ALL.len());
    stages.push(StageCount {
        stage: Stage::Inquiry,
        count: inquiries,
        rate_from_previous: Probability::ONE,
        lost_before: 0.0,
    });
    let mut current = inquiries;
    for (stage, rate) in Stage::ALL[1..].iter().zip(input.rates.in_order()) {
        let next = current * rate.get();
        stages.push(StageCount {
            stage: *stage,
            count: next,
            rate_from_previous: rate,
            lost_before: current - next,
        });
        current = next;
    }
    ExpectedFunnel {
        bookings: input.deal_size * current,
        stages,
        weeks: input.weeks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChannelVolume, StageRatesPercent, WaterfallInputs};

    fn valid(raw: &WaterfallInputs) -> ValidWaterfall {
        ValidWaterfall::try_from(raw).expect("test inputs are valid")
    }

    fn approx(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9 * b.abs().max(1.0), "{a} != {b}");
    }

    #[test]
    fn hand_computed_default_waterfall() {
        // 600 leads/week x 52 weeks = 31,200 inquiries; x10% = 3,120 MQLs; x85% = 2,652 SALs;
        // x60% = 1,591.2 SQLs; x30% = 477.36 won; x $25,000 = $11,934,000.
        let f = expected_funnel(&valid(&WaterfallInputs::default()));
        approx(f.count(Stage::Inquiry), 31_200.0);
        approx(f.count(Stage::Mql), 3_120.0);
        approx(f.count(Stage::Sal), 2_652.0);
        approx(f.count(Stage::Sql), 1_591.2);
        approx(f.won(), 477.36);
        approx(f.bookings.dollars(), 11_934_000.0);
        approx(f.stages[1].lost_before, 28_080.0);
    }

    #[test]
    fn zero_volume_gives_zero_everywhere() {
        let raw = WaterfallInputs {
            channels: vec![ChannelVolume {
                name: "Quiet".into(),
                leads_per_week: 0.0,
            }],
            ..WaterfallInputs::default()
        };
        let f = expected_funnel(&valid(&raw));
        for s in &f.stages {
            assert_eq!(s.count, 0.0);
            assert_eq!(s.lost_before, 0.0);
        }
        assert_eq!(f.bookings.dollars(), 0.0);
    }

    #[test]
    fn full_rates_pass_every_inquiry_through() {
        let raw = WaterfallInputs {
            rates: StageRatesPercent {
                inquiry_to_mql: 100.0,
                mql_to_sal: 100.0,
                sal_to_sql: 100.0,
                sql_to_won: 100.0,
            },
            weeks: 10,
            deal_size: 1_000.0,
            ..WaterfallInputs::default()
        };
        let f = expected_funnel(&valid(&raw));
        for s in &f.stages {
            approx(s.count, 6_000.0);
        }
        approx(f.bookings.dollars(), 6_000_000.0);
    }

    #[test]
    fn leaks_add_up_to_inquiries() {
        let f = expected_funnel(&valid(&WaterfallInputs::default()));
        let leaked: f64 = f.stages.iter().map(|s| s.lost_before).sum();
        approx(leaked + f.won(), f.count(Stage::Inquiry));
    }
}
