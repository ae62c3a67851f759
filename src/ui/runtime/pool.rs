//! A pool of Web Workers that run replications on the machine's other cores, so the page's
//! own thread only aggregates and draws. Each worker runs this same wasm (`public/worker.js`,
//! `worker::serve`); the page hands out small ranges of replication indices, at most
//! [`IN_FLIGHT`] per worker, and a newer job makes the workers skip the older job's ranges.
//! Until a worker has started, or if none can start (a browser without module workers, a
//! missing script), the work runs in time-boxed batches on the page (`runner`), with the
//! same results: replication `i` is the same wherever it runs.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::engine::sim::Replication;
use crate::engine::wire::{unpack, Request};
use crate::model::Scenario;
use crate::ui::runtime::runner::{now_ms, yield_to_browser, Backoff, BatchRunner, Publication};

/// The worker script, next to `index.html`.
const SCRIPT: &str = "./worker.js";
/// Replications in a worker's first range of a job (a fast first result), then in each range.
pub const FIRST_RANGE: u32 = 3;
pub const RANGE: u32 = 8;
/// Ranges of the current job a worker holds at once: one running and enough waiting (about
/// 50 ms of work) that it does not idle while the page aggregates and redraws. Waiting ranges
/// of a replaced job are skipped, not computed, so a deep queue costs nothing on a change.
pub const IN_FLIGHT: usize = 6;
/// Most workers, whatever the number of cores.
const MAX_WORKERS: usize = 4;

/// A range of replications of one arm of a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub arm: usize,
    pub start: u64,
    pub count: u32,
}

/// Replication indices `0..wanted` of one arm, handed out in ranges, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handout {
    wanted: u64,
    handed: u64,
}

impl Handout {
    pub fn new(wanted: usize) -> Self {
        Handout {
            wanted: wanted as u64,
            handed: 0,
        }
    }

    /// The next range (first index, length) of at most `count`, if any is left.
    pub fn take(&mut self, count: u32) -> Option<(u64, u32)> {
        let left = self.wanted.saturating_sub(self.handed);
        let n = u32::try_from(left.min(u64::from(count))).unwrap_or(count);
        if n == 0 {
            return None;
        }
        let start = self.handed;
        self.handed += u64::from(n);
        Some((start, n))
    }
}

/// Work the pool can spread: ranges handed out, taken back, and accepted in any order.
pub trait PoolWork: 'static {
    /// The next range of at most `count` replications, if any is left to hand out.
    fn next_item(&mut self, count: u32) -> Option<Item>;
    /// Gives back a range whose worker stopped.
    fn requeue(&mut self, item: Item);
    /// The scenario of an arm, as sent to a worker.
    fn scenario(&self, arm: usize) -> Option<&Scenario>;
    fn accept(&mut self, item: Item, reps: Vec<Replication>);
    /// Every replication of every arm accepted.
    fn complete(&self) -> bool;
    /// Runs one replication on the page; `false` when there is nothing left to do.
    fn step_local(&mut self) -> bool;
    /// When to publish (see [`Publication`]).
    fn publication(&self) -> Publication;
    /// How many workers compute the job (0: the page itself).
    fn set_workers(&mut self, workers: usize);
}

type Publish<J> = Rc<dyn Fn(&mut J, bool)>;

struct Slot {
    worker: Worker,
    ready: bool,
    dead: bool,
    /// Requests sent and not yet answered, oldest first (a worker answers in order).
    sent: VecDeque<(u64, Item)>,
    /// The (job, arm) of the last request sent: the worker has its scenario once it gets to
    /// the next request of the same job (a worker skips only requests of replaced jobs).
    prepared: Option<(u64, usize)>,
}

struct Current<J> {
    id: u64,
    work: J,
    publish: Publish<J>,
    backoff: Backoff,
}

struct Inner<J> {
    slots: Vec<Slot>,
    current: Option<Current<J>>,
    next_id: u64,
    local: BatchRunner,
}

/// The page's workers and the job they work on; a new job replaces the old one.
pub struct Pool<J: PoolWork>(Rc<RefCell<Inner<J>>>);

impl<J: PoolWork> Clone for Pool<J> {
    fn clone(&self) -> Self {
        Self(Rc::clone(&self.0))
    }
}

impl<J: PoolWork> Pool<J> {
    /// Starts one worker per core (at most [`MAX_WORKERS`]). Their handlers live as long as
    /// the page.
    pub fn new() -> Self {
        let pool = Pool(Rc::new(RefCell::new(Inner {
            slots: Vec::new(),
            current: None,
            next_id: 1,
            local: BatchRunner::default(),
        })));
        let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
        let n = (cores as usize).clamp(1, MAX_WORKERS);
        for _ in 0..n {
            // A worker's index is its slot's, so one that fails to start shifts nothing.
            let index = pool.0.borrow().slots.len();
            if let Some(worker) = spawn(Rc::downgrade(&pool.0), index) {
                pool.0.borrow_mut().slots.push(Slot {
                    worker,
                    ready: false,
                    dead: false,
                    sent: VecDeque::new(),
                    prepared: None,
                });
            }
        }
        pool
    }

    /// Runs `work`, calling `publish` with it as results arrive (`true` the last time).
    /// Cancels the job before.
    pub fn start(&self, mut work: J, publish: impl Fn(&mut J, bool) + 'static) {
        let publish: Publish<J> = Rc::new(publish);
        let mut inner = self.0.borrow_mut();
        inner.local.cancel();
        let id = inner.next_id;
        inner.next_id += 1;
        let live = inner.slots.iter().filter(|s| s.ready && !s.dead).count();
        work.set_workers(live);
        if live == 0 {
            inner.current = None;
            let local = inner.local.clone();
            drop(inner);
            run_locally(&local, work, publish);
            return;
        }
        inner.current = Some(Current {
            id,
            work,
            publish,
            backoff: Backoff::default(),
        });
        // Every worker learns of the new job at once, so it skips the old job's waiting
        // ranges instead of computing them.
        for slot in inner.slots.iter().filter(|s| s.ready && !s.dead) {
            // A worker that cannot take this message fails the next request too, and is
            // retired then.
            crate::ui::runtime::browser::best_effort(
                "announcing a new job to a worker",
                slot.worker.post_message(&JsValue::from_f64(id as f64)),
            );
        }
        // Until the first result is drawn only one worker computes, so that drawing it has a
        // core to itself; the others join after that first publication.
        let first = inner.slots.iter().position(|s| s.ready && !s.dead);
        drop(inner);
        if let Some(first) = first {
            dispatch_or_fall_back(&self.0, Some(first));
        }
    }
}

fn run_locally<J: PoolWork>(local: &BatchRunner, mut work: J, publish: Publish<J>) {
    work.set_workers(0);
    local.start(
        work,
        J::step_local,
        J::publication,
        move |w: &mut J, finished| publish(w, finished),
    );
}

/// Creates worker `index` and wires its messages to the pool.
fn spawn<J: PoolWork>(pool: Weak<RefCell<Inner<J>>>, index: usize) -> Option<Worker> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    options.set_name(&format!("handoff-replications-{index}"));
    let worker = Worker::new_with_options(SCRIPT, &options).ok()?;
    // The worker instantiates the page's own compiled module: no second download or
    // compilation, and the engine's optimised code is shared rather than rebuilt per worker.
    if worker.post_message(&wasm_bindgen::module()).is_err() {
        worker.terminate();
        return None;
    }
    let on_message = {
        let pool = pool.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(inner) = pool.upgrade() {
                on_message(&inner, index, &e.data());
            }
        })
    };
    // A script that fails, or a message that cannot be read (replies are matched to requests
    // by order, so a lost one would misplace every later one): the worker is retired.
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        if let Some(inner) = pool.upgrade() {
            retire(&inner, index);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    // The pool lives as long as the page; so do its handlers.
    on_message.forget();
    on_error.forget();
    Some(worker)
}

fn on_message<J: PoolWork>(inner: &Rc<RefCell<Inner<J>>>, index: usize, data: &JsValue) {
    if let Some(text) = data.as_string() {
        if text == "ready" {
            if let Some(slot) = inner.borrow_mut().slots.get_mut(index) {
                slot.ready = true;
            }
            dispatch_or_fall_back(inner, Some(index));
        } else {
            web_sys::console::warn_1(&format!("A replication worker stopped: {text}").into());
            retire(inner, index);
        }
        return;
    }
    let Some(words) = data
        .dyn_ref::<js_sys::Float64Array>()
        .map(js_sys::Float64Array::to_vec)
    else {
        return;
    };
    let publish = {
        let mut guard = inner.borrow_mut();
        let sent = guard.slots.get_mut(index).and_then(|s| s.sent.pop_front());
        let Some(current) = guard.current.as_mut() else {
            return;
        };
        let Some((job, item)) = sent.filter(|(job, _)| *job == current.id) else {
            // An answer for a replaced job: nothing to publish; give the worker new work.
            drop(guard);
            dispatch_or_fall_back(inner, Some(index));
            return;
        };
        match unpack(&words) {
            Ok(reply)
                if (reply.job, reply.arm, reply.start) == (job, item.arm, item.start)
                    && reply.replications.len() == item.count as usize =>
            {
                current.work.accept(item, reply.replications);
            }
            _ => current.work.requeue(item),
        }
        let finished = current.work.complete();
        let due = current.backoff.due(now_ms());
        if finished || current.work.publication().publish(due) {
            // Publish without holding the pool: what it sets may start a new job.
            guard.current.take().map(|c| (c, finished))
        } else {
            None
        }
    };
    let Some((mut current, finished)) = publish else {
        dispatch_or_fall_back(inner, Some(index));
        return;
    };
    (current.publish)(&mut current.work, finished);
    let mut guard = inner.borrow_mut();
    if finished || guard.current.is_some() || guard.next_id != current.id + 1 {
        // Done, or a newer job started while publishing.
        return;
    }
    let first = current.backoff.first();
    current.backoff.published(now_ms());
    guard.current = Some(current);
    drop(guard);
    if !first {
        dispatch_or_fall_back(inner, None);
        return;
    }
    // The other workers join once the first result is drawn (the page draws it in the
    // microtasks after this handler; a yield runs after them).
    let inner = Rc::downgrade(inner);
    wasm_bindgen_futures::spawn_local(async move {
        yield_to_browser().await;
        if let Some(inner) = inner.upgrade() {
            dispatch_or_fall_back(&inner, None);
        }
    });
}

/// Tops up one worker (or all), then, if no worker is left to answer, finishes the current
/// job on the page.
fn dispatch_or_fall_back<J: PoolWork>(inner: &Rc<RefCell<Inner<J>>>, which: Option<usize>) {
    let mut guard = inner.borrow_mut();
    match which {
        Some(i) => dispatch(&mut guard, i),
        None => {
            for i in 0..guard.slots.len() {
                dispatch(&mut guard, i);
            }
        }
    }
    if guard.slots.iter().any(|s| s.ready && !s.dead) {
        return;
    }
    let Some(current) = guard.current.take() else {
        return;
    };
    let local = guard.local.clone();
    drop(guard);
    run_locally(&local, current.work, current.publish);
}

/// A worker failed: its ranges go back to the job; with no worker left, the job finishes on
/// the page.
fn retire<J: PoolWork>(inner: &Rc<RefCell<Inner<J>>>, index: usize) {
    let mut guard = inner.borrow_mut();
    let Some(slot) = guard.slots.get_mut(index) else {
        return;
    };
    slot.dead = true;
    slot.worker.terminate();
    let sent: Vec<(u64, Item)> = slot.sent.drain(..).collect();
    let Some(mut current) = guard.current.take() else {
        return;
    };
    for (job, item) in sent {
        if job == current.id {
            current.work.requeue(item);
        }
    }
    guard.current = Some(current);
    drop(guard);
    dispatch_or_fall_back(inner, None);
}

/// Tops worker `index` up to [`IN_FLIGHT`] ranges of the current job.
fn dispatch<J: PoolWork>(inner: &mut Inner<J>, index: usize) {
    let Some(current) = inner.current.as_mut() else {
        return;
    };
    let Some(slot) = inner.slots.get_mut(index) else {
        return;
    };
    if !slot.ready || slot.dead {
        return;
    }
    loop {
        let mine = slot.sent.iter().filter(|(j, _)| *j == current.id).count();
        if mine >= IN_FLIGHT {
            return;
        }
        let size = if mine == 0 && current.backoff.first() {
            FIRST_RANGE
        } else {
            RANGE
        };
        let Some(item) = current.work.next_item(size) else {
            return;
        };
        let key = (current.id, item.arm);
        let scenario = if slot.prepared == Some(key) {
            None
        } else {
            current.work.scenario(item.arm).cloned()
        };
        let request = Request {
            job: current.id,
            arm: item.arm,
            start: item.start,
            count: item.count,
            scenario,
        };
        let sent = request
            .to_json()
            .ok()
            .map(|text| slot.worker.post_message(&JsValue::from_str(&text)));
        match sent {
            Some(Ok(())) => {
                slot.sent.push_back((current.id, item));
                slot.prepared = Some(key);
            }
            _ => {
                // The worker cannot take messages: its ranges go back to the job, and the
                // caller finishes the job on the page if no worker is left.
                current.work.requeue(item);
                slot.dead = true;
                slot.worker.terminate();
                for (job, item) in slot.sent.drain(..) {
                    if job == current.id {
                        current.work.requeue(item);
                    }
                }
                return;
            }
        }
    }
}
