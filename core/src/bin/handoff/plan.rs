//! `handoff goal` and `handoff design`: what it takes to reach a bookings goal, and
//! promises both teams can keep. Both print the adjusted scenario at the top of their JSON,
//! ready for `handoff run` or the app's import.

use std::process::ExitCode;

use handoff_core::analysis::plan::agreement::{agreement, Agreement};
use handoff_core::analysis::plan::design::{Design, Designer, Objective, Options};
use handoff_core::analysis::plan::drive;
use handoff_core::analysis::plan::goal::{Goal, GoalAnswer, GoalLever, Seek, DEFAULT_PROBABILITY};
use handoff_core::format::plain_number;
use handoff_core::model::Scenario;
use serde::Serialize;

use super::args::Args;
use super::{load, or_usage, print_json, Cores, Done};

/// The most extra heads the designer may add (as in the app's form): its candidates grow
/// with the square of it.
const MAX_EXTRA_HEADS: u32 = 4;

/// What `goal` prints: the scenario first, so that it reads as the answer.
#[derive(Serialize)]
struct GoalJson<'a> {
    /// The scenario with the lever at the value found (today's when none reaches the goal).
    scenario: &'a Scenario,
    answer: &'a GoalAnswer,
}

/// What `design` prints.
#[derive(Serialize)]
struct DesignJson<'a> {
    /// The scenario with the chosen threshold, headcount and promises.
    scenario: &'a Scenario,
    design: &'a Design,
    agreement: Agreement,
}

/// `--format`: only JSON.
fn json_only(a: &Args) -> Result<(), String> {
    a.choice("--format", &[("json", ())]).map(|_| ())
}

fn goal_of(a: &Args) -> Result<Goal, String> {
    let levers: Vec<(&str, GoalLever)> = GoalLever::ALL.iter().map(|l| (l.key(), *l)).collect();
    let keys: Vec<&str> = levers.iter().map(|(k, _)| *k).collect();
    let lever = a
        .choice("--lever", &levers)?
        .ok_or_else(|| format!("give --lever, one of: {}", keys.join(", ")))?;
    let money = "an amount of bookings over the run in dollars, e.g. 5000000";
    let bookings = a
        .number::<f64>("--bookings", money)?
        .ok_or_else(|| format!("give --bookings, {money}"))?;
    if !(bookings.is_finite() && bookings > 0.0) {
        return Err(format!(
            "--bookings needs {money} (got {})",
            plain_number(bookings)
        ));
    }
    let share = "a chance above 0 and at most 1, e.g. 0.8";
    let probability = a
        .number::<f64>("--probability", share)?
        .unwrap_or(DEFAULT_PROBABILITY);
    if probability.is_nan() || probability <= 0.0 || probability > 1.0 {
        return Err(format!("--probability needs {share} (got {probability})"));
    }
    Ok(Goal {
        bookings,
        probability,
        lever,
    })
}

pub fn goal_cmd(args: &[String]) -> Done {
    let options = [
        "--replications",
        "--format",
        "--bookings",
        "--probability",
        "--lever",
    ];
    let a = or_usage(Args::parse(args, &options, &[]))?;
    let goal = or_usage(goal_of(&a))?;
    let n = or_usage(a.replications())?;
    or_usage(json_only(&a))?;
    let v = load(&a)?;
    let mut seek = Seek::new(&v, goal);
    drive(&mut seek, &Cores::default(), n);
    let answer = seek.answer();
    print_json(&GoalJson {
        scenario: &answer.scenario,
        answer: &answer,
    })
}

fn options_of(a: &Args) -> Result<Options, String> {
    let d = Options::default();
    let share = "a share of periods from 0.5 to 0.99, e.g. 0.9";
    let kept = a.number::<f64>("--kept", share)?.unwrap_or(d.kept);
    if !(0.5..=0.99).contains(&kept) {
        return Err(format!("--kept needs {share} (got {kept})"));
    }
    let objective = a
        .choice(
            "--objective",
            &[
                ("bookings", Objective::Bookings),
                ("margin", Objective::Margin),
            ],
        )?
        .unwrap_or(d.objective);
    let heads = format!("a whole number from 0 to {MAX_EXTRA_HEADS}");
    let extra_heads = a
        .number::<u32>("--extra-heads", &heads)?
        .unwrap_or(d.extra_heads);
    if extra_heads > MAX_EXTRA_HEADS {
        return Err(format!("--extra-heads needs {heads} (got {extra_heads})"));
    }
    Ok(Options {
        kept,
        objective,
        extra_heads,
    })
}

pub fn design_cmd(args: &[String]) -> Done {
    let options = [
        "--replications",
        "--format",
        "--kept",
        "--objective",
        "--extra-heads",
    ];
    let a = or_usage(Args::parse(args, &options, &[]))?;
    let o = or_usage(options_of(&a))?;
    let n = or_usage(a.replications())?;
    or_usage(json_only(&a))?;
    let v = load(&a)?;
    let mut designer = Designer::new(&v, o);
    drive(&mut designer, &Cores::default(), n);
    let Some(design) = designer.design() else {
        eprintln!(
            "no design for this scenario: no candidate threshold and headcount ran, or the promises found do not make a valid scenario"
        );
        return Err(ExitCode::from(1));
    };
    print_json(&DesignJson {
        scenario: &design.scenario,
        design: &design,
        agreement: agreement(&design.scenario, None),
    })
}
