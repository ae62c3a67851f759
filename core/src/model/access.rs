//! Naming a field for a person: from a validation path to the label of its control. Where a
//! parameter lives and how to read and write it is in the parameter table
//! ([`super::params`]).

use super::params::{Param, Scope};
use super::scenario::Scenario;

/// The name a person knows a field by, from its validation path: the control's label, with
/// the channel's name for channel parameters ("Leads per week (Webinar)"); the path itself
/// when no control has it.
pub fn field_label(s: &Scenario, path: &str) -> String {
    for ch in 0..s.channels.len().max(1) {
        if let Some(p) = Param::ALL.into_iter().find(|p| p.path(ch) == path) {
            let label = p.spec().label;
            return match (p.scope(), s.channels.get(ch)) {
                (Scope::Channel, Some(c)) if !c.name.trim().is_empty() => {
                    format!("{label} ({})", c.name.trim())
                }
                (Scope::Channel, _) => format!("{label} (channel {})", ch + 1),
                (Scope::Scenario, _) => label.to_string(),
            };
        }
        if path == format!("channels[{ch}].name") {
            return format!("Name of channel {}", ch + 1);
        }
    }
    path.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::params::Group;
    use crate::model::ValidScenario;

    #[test]
    fn every_param_reads_back_what_was_set() {
        for p in Param::ALL {
            let mut s = Scenario::default();
            let spec = p.spec();
            let v = if spec.integer {
                spec.max.min(spec.min + 1.0)
            } else {
                (spec.min + spec.max) / 2.0
            };
            p.set(&mut s, 1, v);
            assert_eq!(p.get(&s, 1), Some(v), "{p:?}");
            if p.scope() == Scope::Channel {
                assert_eq!(p.get(&s, 99), None, "{p:?} on a missing channel");
            }
        }
    }

    #[test]
    fn paths_are_the_ones_validation_reports() {
        for p in Param::ALL {
            let mut s = Scenario::default();
            p.set(&mut s, 2, f64::NAN);
            let Err(errs) = ValidScenario::try_from(&s) else {
                panic!("{p:?} = NaN was accepted")
            };
            let path = p.path(2);
            assert!(
                errs.errors().iter().any(|e| e.path == path),
                "{p:?}: no error at {path}: {errs}"
            );
        }
    }

    #[test]
    fn groups_follow_scope() {
        for p in Param::ALL {
            let per_channel = matches!(p.group(), Group::Channel | Group::Burst);
            assert_eq!(per_channel, p.scope() == Scope::Channel, "{p:?}");
        }
        assert_eq!(Param::in_group(Group::Costs).count(), 2);
    }

    #[test]
    fn every_param_has_a_meaning() {
        for p in Param::ALL {
            assert!(p.meaning().len() > 20, "{p:?}");
        }
    }

    #[test]
    fn every_param_has_a_distinct_field() {
        let mut fields: Vec<&str> = Param::ALL.iter().map(|p| p.field()).collect();
        fields.sort_unstable();
        fields.dedup();
        assert_eq!(fields.len(), Param::ALL.len());
    }

    #[test]
    fn fields_are_named_as_their_controls() {
        let s = crate::model::preset(crate::model::Preset::Baseline);
        assert_eq!(field_label(&s, "sdr.headcount"), "SDR headcount");
        let first = s
            .channels
            .first()
            .map(|c| c.name.clone())
            .unwrap_or_default();
        assert_eq!(
            field_label(&s, "channels[0].leads_per_week"),
            format!("Leads per week ({first})")
        );
        assert_eq!(field_label(&s, "channels[0].name"), "Name of channel 1");
        assert_eq!(field_label(&s, "somewhere.else"), "somewhere.else");
    }
}
