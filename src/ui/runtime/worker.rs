//! The Web Worker side of the replication pool (`pool`): `public/worker.js` loads this same
//! wasm, whose `main` sees a worker scope and calls [`serve`] instead of mounting the app.
//! Requests queue in an inbox and run one at a time, each after the browser has delivered
//! the messages waiting behind it, so ranges of a job the page has replaced (announced by a
//! new request or by the new job's number) are skipped (answered empty) instead of computed.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent};

use crate::engine::wire::{skipped, Prepared, Request};

/// The worker scope, when this wasm runs in a dedicated worker.
pub fn scope() -> Option<DedicatedWorkerGlobalScope> {
    js_sys::global().dyn_into().ok()
}

#[derive(Default)]
struct Inbox {
    queue: VecDeque<Request>,
    newest_job: u64,
    prepared: Prepared,
    scheduled: bool,
}

/// Answers the page's requests until the worker is closed.
pub fn serve(scope: &DedicatedWorkerGlobalScope) -> Result<(), JsValue> {
    let inbox = Rc::new(RefCell::new(Inbox::default()));
    // A message to itself runs the next request after the messages already queued.
    let wake = MessageChannel::new()?;
    let kick = wake.port2();
    let run_one = {
        let inbox = Rc::clone(&inbox);
        let scope = scope.clone();
        let kick = kick.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |_: MessageEvent| {
            let more = answer_next(&scope, &mut inbox.borrow_mut());
            inbox.borrow_mut().scheduled = more;
            if more && kick.post_message(&JsValue::NULL).is_err() {
                stopped(&scope, "could not schedule the next request");
            }
        })
    };
    wake.port1()
        .set_onmessage(Some(run_one.as_ref().unchecked_ref()));
    let on_request = {
        let scope = scope.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            // A number announces a new job: waiting ranges of older jobs are skipped.
            if let Some(job) = e.data().as_f64() {
                let mut inbox = inbox.borrow_mut();
                inbox.newest_job = inbox.newest_job.max(job as u64);
                return;
            }
            let text = e.data().as_string().unwrap_or_default();
            match Request::from_json(&text) {
                Ok(r) => {
                    let mut inbox = inbox.borrow_mut();
                    inbox.newest_job = inbox.newest_job.max(r.job);
                    inbox.queue.push_back(r);
                    if !inbox.scheduled {
                        inbox.scheduled = true;
                        if kick.post_message(&JsValue::NULL).is_err() {
                            stopped(&scope, "could not schedule the next request");
                        }
                    }
                }
                Err(err) => stopped(&scope, &err.to_string()),
            }
        })
    };
    scope.set_onmessage(Some(on_request.as_ref().unchecked_ref()));
    // The handlers live as long as the worker.
    run_one.forget();
    on_request.forget();
    scope.post_message(&JsValue::from_str("ready"))
}

/// Tells the page this worker cannot go on (any text but "ready"), so that it hands the
/// worker's ranges elsewhere.
fn stopped(scope: &DedicatedWorkerGlobalScope, why: &str) {
    crate::ui::runtime::browser::best_effort(
        "telling the page a worker stopped",
        scope.post_message(&JsValue::from_str(why)),
    );
}

/// Answers the oldest request (empty if a newer job has come); `true` if more are waiting.
fn answer_next(scope: &DedicatedWorkerGlobalScope, inbox: &mut Inbox) -> bool {
    let Some(r) = inbox.queue.pop_front() else {
        return false;
    };
    let words = if r.job < inbox.newest_job {
        Ok(skipped(&r))
    } else {
        inbox.prepared.serve(&r)
    };
    let sent = match words {
        Ok(words) => {
            let array = js_sys::Float64Array::from(&words[..]);
            scope.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()))
        }
        Err(err) => scope.post_message(&JsValue::from_str(&err.to_string())),
    };
    if let Err(e) = sent {
        // Without its reply the page would wait forever: tell it to hand the work elsewhere.
        let why = e.as_string().or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        });
        stopped(
            scope,
            &format!(
                "could not send a reply: {}",
                why.unwrap_or_else(|| "unknown error".into())
            ),
        );
    }
    !inbox.queue.is_empty()
}
