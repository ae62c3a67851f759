//! The arrivals of each week, computed once per scenario: expected inquiries per propensity
//! band and tier (nurture, standard MQL, high-score MQL), their cost per lead, and the daily
//! MQL means set up for inversion.

use super::curves::BANDS;
use super::draws::PoissonMean;
use crate::model::ValidScenario;

/// Expected arrivals of one week: per band, `[tier]` with tier 0 nurture (below the
/// threshold), 1 standard MQL, 2 high-score MQL; and their cost per lead.
#[derive(Debug, Clone)]
pub struct WeekArrivals {
    pub rate: [[f64; 3]; BANDS],
    /// Daily MQL arrivals per band and score class (standard, high), set up for inversion.
    pub daily: [[PoissonMean; 2]; BANDS],
    pub cost_per_lead: [[f64; 3]; BANDS],
}

/// The arrivals of week `w` from the channels' type shares (`cells`) and weekly volumes.
pub fn week_arrivals(
    v: &ValidScenario,
    cells: &[[[f64; 3]; BANDS]],
    rates: &[Vec<f64>],
    w: usize,
) -> WeekArrivals {
    let mut rate = [[0.0f64; 3]; BANDS];
    let mut cost = [[0.0f64; 3]; BANDS];
    let rates = rates.get(w).map_or(&[][..], Vec::as_slice);
    for ((cells, r), chan) in cells.iter().zip(rates).zip(&v.get().channels) {
        for (b, cell) in cells.iter().enumerate() {
            for (k, share) in cell.iter().enumerate() {
                let leads = r * share;
                rate[b][k] += leads;
                cost[b][k] += leads * chan.cost_per_lead;
            }
        }
    }
    let mut cost_per_lead = [[0.0f64; 3]; BANDS];
    for b in 0..BANDS {
        for k in 0..3 {
            if rate[b][k] > 0.0 {
                cost_per_lead[b][k] = cost[b][k] / rate[b][k];
            }
        }
    }
    let daily = rate.map(|r| [PoissonMean::new(r[1] / 7.0), PoissonMean::new(r[2] / 7.0)]);
    WeekArrivals {
        rate,
        daily,
        cost_per_lead,
    }
}
