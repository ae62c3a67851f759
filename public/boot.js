// Loads the WebAssembly app. Kept as a file (not inline) so the Content-Security-Policy can
// forbid inline scripts.
import init from "./pkg/handoff.js";

init().catch((err) => {
  document.body.textContent =
    "Handoff could not start in this browser (WebAssembly failed to load): " + err;
});
