// Playwright configuration: Debian's chromium (no browser download), the release bundle
// served by Python's static server on a loopback port.
const { defineConfig } = require("@playwright/test");
const path = require("path");

const port = Number(process.env.E2E_PORT || 8181);
const dist = process.env.HANDOFF_DIST || path.resolve(__dirname, "../../dist");

module.exports = defineConfig({
  testDir: ".",
  testMatch: "*.spec.js",
  timeout: 60_000,
  retries: 0,
  workers: 1,
  outputDir: path.resolve(__dirname, "../../target/e2e-results"),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory "${dist}"`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "ignore",
  },
});
