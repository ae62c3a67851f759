// Loads the WebAssembly app. Kept as a file (not inline) so the Content-Security-Policy can
// forbid inline scripts.
import init from "./pkg/handoff.js";

init().then(keepForOffline, (err) => {
  document.body.textContent =
    "Handoff could not start in this browser (WebAssembly failed to load): " + err;
});

// Offline and updates: once the app runs, the service worker (sw.js) keeps its files, so the
// next visit opens with the network off. When a new build has been installed beside the
// version this page runs, a banner offers to reload into it; nothing changes until then.
function keepForOffline() {
  if (!("serviceWorker" in navigator)) return;
  const sw = navigator.serviceWorker;
  // Announced by screen readers when it fills (a live region present from the start).
  const banner = document.createElement("div");
  banner.id = "update-banner";
  banner.className = "update-banner";
  banner.setAttribute("role", "status");
  document.body.append(banner);

  let registration = null;
  let reloading = false;
  let controlled = Boolean(sw.controller);

  const offerReload = () => {
    if (banner.firstChild) return;
    const text = document.createElement("span");
    text.textContent = "A new version of Handoff is ready.";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Reload";
    button.addEventListener("click", () => {
      reloading = true;
      button.disabled = true;
      const waiting = registration && registration.waiting;
      // The waiting version takes over; the page reloads when it controls the page.
      if (waiting) waiting.postMessage({ type: "skip-waiting" });
      else location.reload();
    });
    banner.append(text, " ", button);
  };

  sw.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
    // Another tab chose Reload: this page still runs the old version until it reloads.
    else if (controlled) offerReload();
    controlled = true; // the first visit's page, now served by the first version
  });

  sw.register(new URL("sw.js", import.meta.url)).then(
    (reg) => {
      registration = reg;
      // A new version installed while the page runs an older one waits for the user.
      const offerIfWaiting = () => {
        if (reg.waiting && sw.controller) offerReload();
      };
      offerIfWaiting();
      reg.addEventListener("updatefound", () => {
        const installing = reg.installing;
        if (!installing) return;
        installing.addEventListener("statechange", () => {
          if (installing.state === "installed") offerIfWaiting();
        });
      });
      // The browser looks for a new version on every visit; a page left open looks again
      // when it comes back into view (quietly: offline, there is nothing to find).
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") reg.update().catch(() => {});
      });
    },
    (err) => console.warn("Handoff will not work offline (no service worker): " + err),
  );
}
