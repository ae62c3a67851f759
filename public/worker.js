// A replication worker: loads the same WebAssembly as the page; its `main` sees the worker
// scope and answers the page's requests (src/ui/worker.rs). Kept as a file so the
// Content-Security-Policy can stay 'self'.
import init from "./pkg/handoff.js";

init().catch((err) => {
  self.postMessage("could not start: " + err);
});
