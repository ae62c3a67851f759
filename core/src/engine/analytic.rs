//! Analytic mode: expected counts per stage computed from a [`ValidScenario`] under unlimited
//! capacity, no time decay and no nurture re-engagement: volume times the product of the
//! conversion rates, type by type. The Monte Carlo engine is cross-checked against it.

use serde::{Deserialize, Serialize};

use super::curves::{Curves, BANDS};
use crate::model::ValidScenario;

/// Expected counts per stage over the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct AnalyticFunnel {
    pub inquiries: f64,
    pub mqls: f64,
    pub contacts: f64,
    pub sals: f64,
    pub sqls: f64,
    pub won: f64,
    pub bookings: f64,
}

/// Expected counts (leads that arrive within the horizon, worked to the end).
#[allow(
    clippy::needless_range_loop,
    reason = "several per-band arrays are indexed together"
)]
pub fn analytic_funnel(v: &ValidScenario) -> AnalyticFunnel {
    let c = Curves::new(v);
    let mut reach_fail = 1.0;
    for k in 0..c.max_attempts {
        reach_fail *= 1.0 - c.attempt_contact(k).clamp(0.0, 1.0);
    }
    let reach = 1.0 - reach_fail;
    let mut f = AnalyticFunnel::default();
    for rates in &c.rates {
        for (cells, &r) in c.cells.iter().zip(rates) {
            for b in 0..BANDS {
                let mql = r * (cells[b][1] + cells[b][2]);
                f.inquiries += r * (cells[b][0] + cells[b][1] + cells[b][2]);
                f.mqls += mql;
                let contacts = mql * reach;
                let sals = contacts * c.accept[b];
                let sqls = sals * c.qualify[b];
                f.contacts += contacts;
                f.sals += sals;
                f.sqls += sqls;
                f.won += sqls * c.win[b];
            }
        }
    }
    f.bookings = f.won * c.mean_deal();
    f
}
