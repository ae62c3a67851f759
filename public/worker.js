// A replication worker: instantiates the page's own WebAssembly module, which the page sends
// as its first message (compiled once, shared); its `main` then sees the worker scope and
// answers the page's requests (src/ui/runtime/worker.rs). Kept as a file so the
// Content-Security-Policy can stay 'self'.
import init from "./pkg/handoff.js";

self.addEventListener(
  "message",
  (event) => {
    init({ module_or_path: event.data }).catch((err) => {
      self.postMessage("could not start: " + err);
    });
  },
  { once: true },
);
