//! Long work in small time-boxed batches that yield to the browser between them, so the page
//! never freezes while the user drags a slider; a newer job cancels an older one.

use std::cell::Cell;
use std::rc::Rc;

use leptos::task::spawn_local;

/// How long one batch may run before the runner yields to the browser, in milliseconds.
/// Well under a frame at 30 fps and far under the 50 ms "long task" mark.
pub const BATCH_BUDGET_MS: f64 = 12.0;

/// Least time between the first two publications of intermediate results, in milliseconds
/// (the first and the last are always published). The gap doubles after each publication,
/// up to [`PUBLISH_EVERY_MAX_MS`], so that aggregating and redrawing, which cost more as
/// replications pile up, do not eat the computing time of a long run.
pub const PUBLISH_EVERY_MS: f64 = 400.0;
/// Longest gap between two publications of intermediate results, in milliseconds.
pub const PUBLISH_EVERY_MAX_MS: f64 = 1_000.0;

/// When a job's results should be published (drawn), as the job sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    /// What the user waits for has just completed (the full bands): publish now.
    Now,
    /// Publish when the gap since the last publication has passed.
    WhenDue,
    /// Nearly complete: no periodic publication until it is, so that drawing an almost
    /// final state does not delay drawing the final one.
    Hold,
}

impl Publication {
    /// Whether to publish, given whether the periodic gap has passed.
    pub fn publish(self, due: bool) -> bool {
        match self {
            Publication::Now => true,
            Publication::WhenDue => due,
            Publication::Hold => false,
        }
    }
}

/// The publication back-off of one job, shared by the page batches and the worker pool: the
/// first publication is due at once, the next [`PUBLISH_EVERY_MS`] after it, and each gap
/// after that twice the one before, up to [`PUBLISH_EVERY_MAX_MS`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backoff {
    last: Option<f64>,
    gap: f64,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            last: None,
            gap: PUBLISH_EVERY_MS,
        }
    }
}

impl Backoff {
    /// Whether nothing has been published yet.
    pub fn first(&self) -> bool {
        self.last.is_none()
    }

    /// Whether the gap since the last publication has passed at `now` (ms).
    pub fn due(&self, now: f64) -> bool {
        self.last.is_none_or(|t| now - t >= self.gap)
    }

    /// Records a publication made at `now` (ms); the gap doubles after every one but the
    /// first.
    pub fn published(&mut self, now: f64) {
        if self.last.is_some() {
            self.gap = (self.gap * 2.0).min(PUBLISH_EVERY_MAX_MS);
        }
        self.last = Some(now);
    }
}

/// Lets the browser handle input and paint, then resumes as soon as it can. A message to
/// oneself is not clamped like nested `setTimeout(0)` (at least 4 ms after a few levels), which
/// would leave the page idle a quarter of the time between 12 ms batches.
pub async fn yield_to_browser() {
    let posted = js_sys::Promise::new(&mut |resolve, _reject| {
        let sent = web_sys::MessageChannel::new().and_then(|channel| {
            channel.port1().set_onmessage(Some(&resolve));
            channel.port2().post_message(&wasm_bindgen::JsValue::NULL)
        });
        if sent.is_err() {
            // No message channels: fall back to a timer.
            if let Some(w) = web_sys::window() {
                crate::ui::runtime::browser::best_effort(
                    "yielding to the browser",
                    w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0),
                );
            }
        }
    });
    // The promise only ever resolves.
    crate::ui::runtime::browser::best_effort(
        "yielding to the browser",
        wasm_bindgen_futures::JsFuture::from(posted).await,
    );
}

/// Milliseconds since the page loaded.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Starts jobs; starting a new one cancels the one before.
#[derive(Clone, Default)]
pub struct BatchRunner {
    generation: Rc<Cell<u64>>,
}

impl BatchRunner {
    /// Cancels the running job, if any.
    pub fn cancel(&self) {
        self.generation.set(self.generation.get().wrapping_add(1));
    }

    /// Runs `step` on `state` until it returns `false` (no more work). Between batches of
    /// at most [`BATCH_BUDGET_MS`] it yields to the browser, and calls `publish` with the
    /// state so far when `when` and the publication gap say so (see [`Publication`]), and at
    /// the end. A later call to `start` or `cancel` stops this job at its next yield.
    pub fn start<S: 'static>(
        &self,
        mut state: S,
        mut step: impl FnMut(&mut S) -> bool + 'static,
        when: impl Fn(&S) -> Publication + 'static,
        publish: impl Fn(&mut S, bool) + 'static,
    ) {
        self.cancel();
        let mine = self.generation.get();
        let generation = Rc::clone(&self.generation);
        spawn_local(async move {
            let mut backoff = Backoff::default();
            loop {
                let started = now_ms();
                let mut more = true;
                while more && now_ms() - started < BATCH_BUDGET_MS {
                    more = step(&mut state);
                }
                if generation.get() != mine {
                    return;
                }
                if !more || when(&state).publish(backoff.due(now_ms())) {
                    publish(&mut state, !more);
                    backoff.published(now_ms());
                }
                if !more {
                    return;
                }
                yield_to_browser().await;
                if generation.get() != mine {
                    return;
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_starts_at_the_first_publication_and_doubles_to_the_cap() {
        let mut b = Backoff::default();
        assert!(b.first() && b.due(0.0));
        b.published(0.0);
        assert!(!b.first());
        assert!(!b.due(PUBLISH_EVERY_MS - 1.0) && b.due(PUBLISH_EVERY_MS));
        b.published(400.0);
        assert!(!b.due(400.0 + 799.0) && b.due(400.0 + 800.0));
        b.published(1_200.0);
        // 1,600 would exceed the cap.
        assert!(!b.due(1_200.0 + 999.0) && b.due(1_200.0 + PUBLISH_EVERY_MAX_MS));
    }
}
