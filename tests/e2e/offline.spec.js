// End-to-end, offline and install (issue 14, item 7): after one visit the service worker
// (public/sw.js) has the app's own files, so the app opens and runs with the network off; the
// manifest makes it installable; a new build shows "A new version of Handoff is ready" with a
// Reload button that brings the page under the new version; scripts/build.sh stamps a version
// that changes exactly when the bundle does. Every test also fails on a console error or on
// any request that leaves the page's origin, the service worker's own requests included.
const { test, expect } = require("@playwright/test");
const { execFileSync, spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { ARTIFACTS, count, finishedAfter, load, guard, setNumber, watch } = require("./helpers");

guard(test);

const ROOT = path.resolve(__dirname, "../..");
const DIST = process.env.HANDOFF_DIST || path.join(ROOT, "dist");
const STAMP = path.join(ROOT, "scripts/stamp-sw.sh");
const AXE = path.join(path.dirname(require.resolve("axe-core")), "axe.min.js");

/** The service worker's requests (precache, updates) are the context's, not the page's. */
function watchContext(context, testInfo) {
  context.on("request", (req) => {
    const url = new URL(req.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== testInfo.origin) {
      testInfo.problems.push(`request to another host (context): ${req.url()}`);
    }
  });
}

test.beforeEach(async ({ context }, testInfo) => {
  testInfo.origin = new URL(testInfo.project.use.baseURL).origin;
  watchContext(context, testInfo);
});

/** The version and the file list that scripts/build.sh wrote into a bundle's sw.js. */
function stamped(dir) {
  const text = fs.readFileSync(path.join(dir, "sw.js"), "utf8");
  const version = text.match(/^const VERSION = "([^"]*)";$/m)[1];
  const files = JSON.parse(text.match(/^const FILES = (\[.*\]);$/m)[1]);
  return { version, files };
}

/** Every file under `dir`, as paths relative to it with "/", sorted like the build sorts. */
function filesUnder(dir, prefix = "") {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  ).sort(); // plain ASCII names: the build's byte order (LC_ALL=C sort)
}

/** Waits until the service worker has cached the files and controls the page. */
async function controlled(page) {
  await page.waitForFunction(
    () => navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === "activated",
    null, { timeout: 30_000 },
  );
}

/** The names of the caches this origin holds. */
const cacheNames = (page) => page.evaluate(() => caches.keys());

/** Serves `dir` with Python's static server (as the suite does) on `port`; resolves when up. */
async function serve(dir, port) {
  const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", dir],
    { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`the static server on port ${port} did not start`);
}

test("scripts/build.sh stamps sw.js with a version that changes exactly when the bundle does", () => {
  const { version, files } = stamped(DIST);
  expect(version).toMatch(/^[0-9a-f]{12}$/);
  // The precache list is every file of the bundle but the service worker itself.
  expect(files).toEqual(filesUnder(DIST).filter((f) => f !== "sw.js"));
  for (const f of ["index.html", "style/main.css", "boot.js", "worker.js", "favicon.svg", "icon-192.png",
                   "icon-512.png", "manifest.webmanifest", "pkg/handoff.js", "pkg/handoff_bg.wasm"]) {
    expect(files, f).toContain(f);
  }
  // Restamping a copy of the bundle (with the unstamped sw.js) is what the build does.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-stamp-"));
  try {
    const restamp = () => {
      fs.copyFileSync(path.join(ROOT, "public/sw.js"), path.join(copy, "sw.js"));
      return execFileSync(STAMP, [copy], { encoding: "utf8" }).trim();
    };
    fs.cpSync(DIST, copy, { recursive: true });
    expect(restamp(), "the same bundle, the same version (rebuild after editing public/sw.js)").toBe(version);
    expect(stamped(copy).version).toBe(version);
    const css = path.join(copy, "style/main.css");
    const original = fs.readFileSync(css);
    fs.writeFileSync(css, Buffer.concat([original, Buffer.from("\n")]));
    const changed = restamp();
    expect(changed, "one more byte in one file").toMatch(/^[0-9a-f]{12}$/);
    expect(changed).not.toBe(version);
    fs.writeFileSync(css, original);
    expect(restamp(), "back to the same bytes").toBe(version);
    fs.writeFileSync(path.join(copy, "pkg/extra.js"), "");
    expect(restamp(), "one more file").not.toBe(version);
    expect(stamped(copy).files).toContain("pkg/extra.js");
    // A stamped sw.js is not stamped twice (its version would otherwise hash the old one).
    expect(() => execFileSync(STAMP, [copy], { stdio: "pipe" })).toThrow(/already stamped/);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test("after one visit the app opens and runs with the network off, workers included", async ({ page, context }) => {
  const seen = new Set();
  context.on("request", (req) => {
    const url = new URL(req.url());
    if (url.protocol === "http:") seen.add(url.pathname);
  });
  await load(page);
  await controlled(page);
  // Everything the page and its workers loaded is in the precache list.
  const { version, files } = stamped(DIST);
  const precached = new Set(["/", "/sw.js", ...files.map((f) => `/${f}`)]);
  expect([...seen].filter((p) => !precached.has(p)), "loaded but not precached").toEqual([]);
  expect(seen.has("/pkg/handoff_bg.wasm") && seen.has("/worker.js")).toBe(true);
  expect((await cacheNames(page)).filter((n) => n.endsWith(` ${version}`))).toHaveLength(1);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const responses = [];
  page.on("response", (r) => responses.push({ url: r.url(), sw: r.fromServiceWorker(), status: r.status() }));
  const reloaded = await page.reload();
  expect(reloaded.fromServiceWorker(), "the page came from the service worker").toBe(true);
  await finishedAfter(page, 0);
  expect(responses.filter((r) => !r.sw || r.status !== 200), "every file from the cache").toEqual([]);
  expect(responses.map((r) => new URL(r.url).pathname)).toEqual(
    expect.arrayContaining(["/", "/style/main.css", "/boot.js", "/pkg/handoff.js", "/pkg/handoff_bg.wasm"]));

  // Change a knob: new results, computed by the worker pool loaded from the cache.
  await expect(page.locator("#kpi-bookings")).toHaveText(/^\$[\d.]+[KMB]?$/);
  const mqls = count(await page.locator("#kpi-mqls").textContent());
  const leads = page.locator("#channels-0--leads_per_week-number");
  const more = Math.round(parseFloat(await leads.inputValue()) * 1.5);
  await setNumber(page, "channels-0--leads_per_week-number", more);
  await expect(leads).toHaveValue(String(more));
  expect(count(await page.locator("#kpi-mqls").textContent())).toBeGreaterThan(mqls);
  await expect(page.locator("#kpi-bookings")).toHaveText(/^\$[\d.]+[KMB]?$/);
  await expect(page.locator("#verdict-headline")).toHaveText(/limited/);
  await expect(page.locator("#chart-funnel svg")).toBeVisible();
  const workers = Number(await page.locator("#progress").getAttribute("data-workers"));
  expect(workers, "the run was computed by workers started offline").toBeGreaterThanOrEqual(1);
  expect(await page.evaluate(() => navigator.onLine), "still offline").toBe(false);
});

test("the manifest makes Handoff installable, with its icons", async ({ page, context, baseURL, playwright }, testInfo) => {
  await load(page);
  await controlled(page);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "manifest.webmanifest");
  const cdp = await context.newCDPSession(page);
  const { url, errors, data } = await cdp.send("Page.getAppManifest");
  expect(url).toBe(`${baseURL}/manifest.webmanifest`);
  expect(errors, "the browser parsed the manifest without complaint").toEqual([]);
  const manifest = JSON.parse(data);
  expect(manifest).toMatchObject({ short_name: "Handoff", start_url: ".", scope: ".", display: "standalone" });
  // Theme and background are the stylesheet's accent and page colours.
  const css = fs.readFileSync(path.join(DIST, "style/main.css"), "utf8");
  expect(css).toContain(`--accent: ${manifest.theme_color};`);
  expect(manifest.background_color).toBe("#ffffff");
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", manifest.theme_color);
  // Each PNG icon is served, is a PNG, and has the size it claims.
  for (const icon of manifest.icons.filter((i) => i.type === "image/png")) {
    const body = await (await page.request.get(icon.src)).body();
    expect(body.subarray(1, 4).toString(), icon.src).toBe("PNG");
    expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512", "any"]));
  // The browser's own verdict, in an ordinary profile: Playwright's contexts are incognito,
  // from which Chromium never offers to install (its only complaint there is "in-incognito").
  // (Chromium reads the manifest whatever its content type, application/octet-stream too.)
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-profile-"));
  const ordinary = await playwright.chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions, baseURL, viewport: testInfo.project.use.viewport,
  });
  try {
    const other = ordinary.pages()[0] || (await ordinary.newPage());
    watchContext(ordinary, testInfo);
    watch(other, baseURL, testInfo.problems);
    await load(other);
    await controlled(other);
    const session = await ordinary.newCDPSession(other);
    const { installabilityErrors } = await session.send("Page.getInstallabilityErrors");
    expect(installabilityErrors, "Chromium would offer to install Handoff").toEqual([]);
  } finally {
    await ordinary.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test.describe("updates", () => {
  // axe-core is the test's own script; the page's Content-Security-Policy rightly refuses it.
  test.use({ bypassCSP: true });

  test("a new build shows 'A new version of Handoff is ready'; Reload brings the page under it", async ({ page, context }, testInfo) => {
    // A copy of the bundle on its own server, so that this test can publish a new build.
    const port = Number(process.env.E2E_PORT || 8181) + 1;
    const origin = `http://127.0.0.1:${port}`;
    testInfo.origin = origin; // the page's own origin in this test
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-update-"));
    fs.cpSync(DIST, dir, { recursive: true });
    const server = await serve(dir, port);
    try {
      await load(page, `${origin}/`);
      await controlled(page);
      const old = stamped(dir).version;
      expect(await cacheNames(page)).toEqual([`handoff ${origin}/ ${old}`]);
      const banner = page.locator("#update-banner");
      await expect(banner).toBeEmpty();
      // A second tab of the app, open while the new version arrives.
      const other = await context.newPage();
      watch(other, origin, testInfo.problems);
      await load(other, `${origin}/`);
      await controlled(other);

      // The new build: a changed stylesheet, stamped as scripts/build.sh does.
      const marker = ".handoff-next-build { --next-build: 1; }";
      fs.appendFileSync(path.join(dir, "style/main.css"), `\n${marker}\n`);
      const hasMarker = (tab) => tab.evaluate(() => [...document.styleSheets].some((s) =>
        [...s.cssRules].some((r) => r.selectorText === ".handoff-next-build")));
      fs.copyFileSync(path.join(ROOT, "public/sw.js"), path.join(dir, "sw.js"));
      const next = execFileSync(STAMP, [dir], { encoding: "utf8" }).trim();
      expect(next).not.toBe(old);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

      await expect(banner).toHaveText("A new version of Handoff is ready. Reload", { timeout: 30_000 });
      await expect(banner).toHaveAttribute("role", "status");
      const reload = page.getByRole("button", { name: "Reload" });
      await expect(reload).toBeVisible();
      await expect(reload).toBeInViewport();
      const sizes = await banner.evaluate((b) =>
        [b, ...b.querySelectorAll("span, button")].map((e) => parseFloat(getComputedStyle(e).fontSize)));
      expect(Math.min(...sizes), `font sizes ${sizes}`).toBeGreaterThanOrEqual(14);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () =>
        (await window.axe.run("#update-banner", { resultTypes: ["violations"] })).violations.map((v) => v.id));
      expect(violations).toEqual([]);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, "update-banner.png") });
      // Until Reload, the page keeps running the version it started with.
      expect((await cacheNames(page)).sort()).toEqual([`handoff ${origin}/ ${next}`, `handoff ${origin}/ ${old}`].sort());
      const css = () => page.evaluate(async () => (await fetch("style/main.css")).text());
      expect(await css()).not.toContain(marker);
      expect(await hasMarker(page)).toBe(false);

      // Reload, with the keyboard.
      await reload.focus();
      await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
      await finishedAfter(page, 0);
      await controlled(page);
      expect(await cacheNames(page), "the old version's cache is gone").toEqual([`handoff ${origin}/ ${next}`]);
      expect(await css()).toContain(marker);
      expect(await hasMarker(page), "the page runs the new build's stylesheet").toBe(true);
      await expect(banner).toBeEmpty();
      await expect(page.locator("#kpi-bookings")).toHaveText(/^\$[\d.]+[KMB]?$/);

      // The other tab still runs the old version (now served by the new worker) and still
      // offers Reload, which brings it to the new build too.
      await expect(other.locator("#update-banner")).toHaveText("A new version of Handoff is ready. Reload");
      expect(await hasMarker(other)).toBe(false);
      await Promise.all([other.waitForEvent("load"), other.getByRole("button", { name: "Reload" }).click()]);
      await finishedAfter(other, 0);
      expect(await hasMarker(other), "the other tab runs the new build").toBe(true);
      await expect(other.locator("#update-banner")).toBeEmpty();
      await other.close();
    } finally {
      server.kill();
      fs.rmSync(dir, { recursive: true, force: true });
      // The guard of helpers.js knows only the suite's origin: this page's own is fine here
      // (the context's watcher above checks every request against it).
      testInfo.problems = testInfo.problems.filter((p) => !p.startsWith(`request to another host: ${origin}/`));
    }
  });
});
