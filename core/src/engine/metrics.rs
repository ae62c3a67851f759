//! The metric vocabulary of one replication: weekly series ([`Weekly`]), totals ([`Total`])
//! and where every lead ended ([`Leaks`]), with their labels and units.

use crate::format::Unit;
use serde::{Deserialize, Serialize};

/// Where every lead is at the end of a replication. Sums exactly to the inquiries plus the
/// leads in nurture at the start ([`Total::NurtureAtStart`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Leaks {
    pub in_nurture: u64,
    pub dormant: u64,
    pub in_sdr_queue: u64,
    pub abandoned_untouched: u64,
    pub unreached: u64,
    pub rejected_poor_fit: u64,
    pub rejected_not_ready: u64,
    pub waiting_for_ae: u64,
    pub expired_waiting_for_ae: u64,
    pub open_opportunity: u64,
    pub won: u64,
    pub lost: u64,
}

impl Leaks {
    /// Names and values, in funnel order.
    pub fn entries(&self) -> [(&'static str, u64); 12] {
        [
            ("in nurture", self.in_nurture),
            ("dormant", self.dormant),
            ("waiting in the SDR queue", self.in_sdr_queue),
            ("abandoned untouched", self.abandoned_untouched),
            ("unreached after all attempts", self.unreached),
            ("rejected: poor fit", self.rejected_poor_fit),
            ("rejected: not ready", self.rejected_not_ready),
            ("waiting for an AE", self.waiting_for_ae),
            ("lost waiting for an AE", self.expired_waiting_for_ae),
            ("open opportunity", self.open_opportunity),
            ("won", self.won),
            ("lost", self.lost),
        ]
    }

    /// Sum of every end state.
    pub fn total(&self) -> u64 {
        self.entries().iter().map(|e| e.1).sum()
    }
}

/// Weekly series of one replication, one value per week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Weekly {
    Inquiries,
    Mqls,
    SdrQueue,
    FirstTouches,
    Attempts,
    Contacts,
    Sals,
    Sqls,
    OppsOpened,
    Won,
    Lost,
    Bookings,
    CumulativeBookings,
    PipelineValue,
    SdrUtilisation,
    AeUtilisation,
    MedianSpeedToLeadHours,
    AbandonedUntouched,
    SqlsWaiting,
    TouchedWithinSla,
    FirstTouchDecided,
    GivenUpUnreached,
    AttemptsOnGivenUp,
}

impl Weekly {
    pub const ALL: [Weekly; 23] = [
        Weekly::Inquiries,
        Weekly::Mqls,
        Weekly::SdrQueue,
        Weekly::FirstTouches,
        Weekly::Attempts,
        Weekly::Contacts,
        Weekly::Sals,
        Weekly::Sqls,
        Weekly::OppsOpened,
        Weekly::Won,
        Weekly::Lost,
        Weekly::Bookings,
        Weekly::CumulativeBookings,
        Weekly::PipelineValue,
        Weekly::SdrUtilisation,
        Weekly::AeUtilisation,
        Weekly::MedianSpeedToLeadHours,
        Weekly::AbandonedUntouched,
        Weekly::SqlsWaiting,
        Weekly::TouchedWithinSla,
        Weekly::FirstTouchDecided,
        Weekly::GivenUpUnreached,
        Weekly::AttemptsOnGivenUp,
    ];
    pub const N: usize = Self::ALL.len();

    pub fn index(self) -> usize {
        self as usize
    }

    /// What people call the figure.
    pub fn label(self) -> &'static str {
        match self {
            Weekly::Inquiries => "Inquiries",
            Weekly::Mqls => "MQLs",
            Weekly::SdrQueue => "SDR queue length (end of week)",
            Weekly::FirstTouches => "First touches",
            Weekly::Attempts => "Attempts",
            Weekly::Contacts => "Contacts",
            Weekly::Sals => "SALs",
            Weekly::Sqls => "SQLs",
            Weekly::OppsOpened => "Opportunities opened",
            Weekly::Won => "Won deals",
            Weekly::Lost => "Lost deals",
            Weekly::Bookings => "Bookings",
            Weekly::CumulativeBookings => "Cumulative bookings",
            Weekly::PipelineValue => "Open pipeline value (end of week)",
            Weekly::SdrUtilisation => "SDR utilisation",
            Weekly::AeUtilisation => "AE utilisation",
            Weekly::MedianSpeedToLeadHours => "Median speed-to-lead",
            Weekly::AbandonedUntouched => "MQLs abandoned untouched",
            Weekly::SqlsWaiting => "SQLs waiting for an AE (end of week)",
            Weekly::TouchedWithinSla => "MQLs first touched within the SLA time",
            Weekly::FirstTouchDecided => "MQLs first touched or abandoned",
            Weekly::GivenUpUnreached => "Leads given up without contact",
            Weekly::AttemptsOnGivenUp => "Attempts on leads given up without contact",
        }
    }

    /// What the figure measures, and so how it is written.
    pub fn unit(self) -> Unit {
        match self {
            Weekly::Inquiries
            | Weekly::Mqls
            | Weekly::SdrQueue
            | Weekly::FirstTouches
            | Weekly::Contacts
            | Weekly::Sals
            | Weekly::Sqls
            | Weekly::AbandonedUntouched
            | Weekly::SqlsWaiting
            | Weekly::TouchedWithinSla
            | Weekly::FirstTouchDecided
            | Weekly::GivenUpUnreached => Unit::Leads,
            Weekly::Attempts | Weekly::AttemptsOnGivenUp => Unit::Attempts,
            Weekly::OppsOpened => Unit::Opportunities,
            Weekly::Won | Weekly::Lost => Unit::Deals,
            Weekly::Bookings | Weekly::CumulativeBookings | Weekly::PipelineValue => Unit::Dollars,
            Weekly::SdrUtilisation | Weekly::AeUtilisation => Unit::Share,
            Weekly::MedianSpeedToLeadHours => Unit::Hours,
        }
    }
}

/// Totals of one replication, one value each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Total {
    Inquiries,
    Mqls,
    FirstTouches,
    Contacts,
    Sals,
    Sqls,
    OppsOpened,
    Won,
    Lost,
    Bookings,
    MarketingCost,
    SalesCost,
    Roi,
    CostPerMql,
    CostPerSql,
    CostPerWon,
    InquiryToMql,
    MqlToSal,
    SalToSql,
    SqlToWon,
    ContactRate,
    ShareMqlsNeverTouched,
    AttemptsPerMql,
    SdrHoursOnUnqualified,
    WinRate,
    AvgSalesCycleDays,
    SdrUtilisation,
    AeUtilisation,
    MedianSpeedToLeadHours,
    NurtureAtStart,
}

impl Total {
    pub const ALL: [Total; 30] = [
        Total::Inquiries,
        Total::Mqls,
        Total::FirstTouches,
        Total::Contacts,
        Total::Sals,
        Total::Sqls,
        Total::OppsOpened,
        Total::Won,
        Total::Lost,
        Total::Bookings,
        Total::MarketingCost,
        Total::SalesCost,
        Total::Roi,
        Total::CostPerMql,
        Total::CostPerSql,
        Total::CostPerWon,
        Total::InquiryToMql,
        Total::MqlToSal,
        Total::SalToSql,
        Total::SqlToWon,
        Total::ContactRate,
        Total::ShareMqlsNeverTouched,
        Total::AttemptsPerMql,
        Total::SdrHoursOnUnqualified,
        Total::WinRate,
        Total::AvgSalesCycleDays,
        Total::SdrUtilisation,
        Total::AeUtilisation,
        Total::MedianSpeedToLeadHours,
        Total::NurtureAtStart,
    ];
    pub const N: usize = Self::ALL.len();

    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether the value is a rate in [0, 1].
    pub fn is_rate(self) -> bool {
        self.unit() == Unit::Share
    }

    /// What people call the figure.
    pub fn label(self) -> &'static str {
        match self {
            Total::Inquiries => "Inquiries",
            Total::Mqls => "MQLs (including re-engaged)",
            Total::FirstTouches => "MQLs first touched",
            Total::Contacts => "MQLs contacted",
            Total::Sals => "SALs",
            Total::Sqls => "SQLs",
            Total::OppsOpened => "Opportunities opened",
            Total::Won => "Won deals",
            Total::Lost => "Lost deals (incl. SQLs lost waiting)",
            Total::Bookings => "Bookings",
            Total::MarketingCost => "Marketing cost (leads)",
            Total::SalesCost => "Sales cost (SDRs and AEs)",
            Total::Roi => "ROI: (bookings - cost) / cost",
            Total::CostPerMql => "Cost per MQL",
            Total::CostPerSql => "Cost per SQL",
            Total::CostPerWon => "Cost per won deal (CAC)",
            Total::InquiryToMql => "Inquiry to MQL",
            Total::MqlToSal => "MQL to SAL",
            Total::SalToSql => "SAL to SQL",
            Total::SqlToWon => "SQL to won",
            Total::ContactRate => "Contacted share of MQLs",
            Total::ShareMqlsNeverTouched => "Share of MQLs never touched",
            Total::AttemptsPerMql => "Attempts per MQL",
            Total::SdrHoursOnUnqualified => "SDR hours on leads that did not qualify",
            Total::WinRate => "Win rate of closed opportunities",
            Total::AvgSalesCycleDays => "Average sales cycle",
            Total::SdrUtilisation => "SDR utilisation",
            Total::AeUtilisation => "AE utilisation",
            Total::MedianSpeedToLeadHours => "Median speed-to-lead",
            Total::NurtureAtStart => "Leads in nurture at the start (warm start)",
        }
    }

    /// The short name on a key-figure card and a funnel stage (the one place these names
    /// are written): `MQLs`, `Contacted`, `Won deals`, `ROI`; otherwise [`Total::label`].
    pub fn short_label(self) -> &'static str {
        match self {
            Total::Contacts => "Contacted",
            Total::Mqls => "MQLs",
            Total::OppsOpened => "Worked by an AE",
            Total::Roi => "ROI",
            Total::ShareMqlsNeverTouched => "MQLs never touched",
            other => other.label(),
        }
    }

    /// What the figure measures, and so how it is written.
    pub fn unit(self) -> Unit {
        match self {
            Total::Inquiries
            | Total::Mqls
            | Total::FirstTouches
            | Total::Contacts
            | Total::Sals
            | Total::Sqls
            | Total::NurtureAtStart => Unit::Leads,
            Total::OppsOpened => Unit::Opportunities,
            Total::Won | Total::Lost => Unit::Deals,
            Total::Bookings
            | Total::MarketingCost
            | Total::SalesCost
            | Total::CostPerMql
            | Total::CostPerSql
            | Total::CostPerWon => Unit::Dollars,
            Total::Roi => Unit::Ratio,
            Total::InquiryToMql
            | Total::MqlToSal
            | Total::SalToSql
            | Total::SqlToWon
            | Total::ContactRate
            | Total::ShareMqlsNeverTouched
            | Total::WinRate
            | Total::SdrUtilisation
            | Total::AeUtilisation => Unit::Share,
            Total::AttemptsPerMql => Unit::Attempts,
            Total::SdrHoursOnUnqualified | Total::MedianSpeedToLeadHours => Unit::Hours,
            Total::AvgSalesCycleDays => Unit::Days,
        }
    }
}

/// The raw output of one replication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Replication {
    /// `weekly[w][Weekly::index()]`.
    pub weekly: Vec<[f64; Weekly::N]>,
    /// `totals[Total::index()]`.
    pub totals: [f64; Total::N],
    pub leaks: Leaks,
}

impl Replication {
    pub fn weekly(&self, m: Weekly) -> impl Iterator<Item = f64> + '_ {
        self.weekly.iter().map(move |w| w[m.index()])
    }
    pub fn total(&self, t: Total) -> f64 {
        self.totals[t.index()]
    }
}

/// Hours (or any `f64`) kept as an integer whose order is `f64::total_cmp`'s, so that a
/// median selects over integers (about twice as fast as over floats, same answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct OrderKey(u64);

impl OrderKey {
    const SIGN: u64 = 1 << 63;
    pub fn new(x: f64) -> Self {
        let bits = x.to_bits();
        OrderKey(if bits & Self::SIGN != 0 {
            !bits
        } else {
            bits | Self::SIGN
        })
    }
    pub fn get(self) -> f64 {
        f64::from_bits(if self.0 & Self::SIGN != 0 {
            self.0 & !Self::SIGN
        } else {
            !self.0
        })
    }
}

/// The lower median of `values` (the `ceil(n / 2)`-th smallest); `None` if empty. Linear
/// time: a selection, not a sort.
pub fn median(values: &mut [OrderKey]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let k = values.len().div_ceil(2) - 1;
    let (_, m, _) = values.select_nth_unstable(k);
    Some(m.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn median_of(values: &[f64]) -> Option<f64> {
        let mut keys: Vec<OrderKey> = values.iter().copied().map(OrderKey::new).collect();
        median(&mut keys)
    }

    #[test]
    fn the_median_is_the_lower_middle_value() {
        assert_eq!(median_of(&[]), None);
        assert_eq!(median_of(&[3.0]), Some(3.0));
        assert_eq!(median_of(&[4.0, 1.0, 3.0, 2.0]), Some(2.0));
        assert_eq!(median_of(&[5.0, 1.0, 3.0, 2.0, 4.0]), Some(3.0));
        assert_eq!(median_of(&[-1.5, 0.0, -0.0, 7.0, -3.0]), Some(-0.0));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The integer keys order floats exactly as `total_cmp` does, and give them back.
        #[test]
        fn order_keys_keep_the_order_of_floats(a in proptest::num::f64::ANY, b in proptest::num::f64::ANY) {
            proptest::prop_assert_eq!(OrderKey::new(a).cmp(&OrderKey::new(b)), a.total_cmp(&b));
            proptest::prop_assert_eq!(OrderKey::new(a).get().to_bits(), a.to_bits());
        }

        /// The median over keys is the median over floats.
        #[test]
        fn the_median_of_keys_is_the_median_of_the_floats(mut xs in proptest::collection::vec(-1e6f64..1e6, 0..200)) {
            let expected = if xs.is_empty() {
                None
            } else {
                let k = xs.len().div_ceil(2) - 1;
                xs.sort_by(f64::total_cmp);
                xs.get(k).copied()
            };
            proptest::prop_assert_eq!(median_of(&xs), expected);
        }
    }
}
