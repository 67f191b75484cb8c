import { defineConfig } from '@playwright/test'

import { nextStartArgs } from './src/lib/nextServer'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/helpers/chromium'

const port = Number(process.env.E2E_PORT ?? 3100)
const serverLog = process.env.E2E_SERVER_LOG

/** Chromium from Debian: Playwright's own browser download cannot run on these machines. */
const chromium = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }

/** Specs that change or read the whole portal: each runs in its own project, one after another. */
const SERIAL_SPECS = [
  '**/live.e2e.spec.ts',
  '**/freshness.e2e.spec.ts',
  '**/static.e2e.spec.ts',
  '**/reliability.e2e.spec.ts',
  '**/security.e2e.spec.ts',
  '**/offline.e2e.spec.ts',
  '**/admin-workflow.e2e.spec.ts',
  '**/cluster.e2e.spec.ts',
]

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.spec.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    launchOptions: chromium,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'phone',
      testIgnore: SERIAL_SPECS,
      use: {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      },
    },
    {
      name: 'desktop',
      testIgnore: SERIAL_SPECS,
      use: { viewport: { width: 1280, height: 860 } },
    },
    // Publishing and exporting change or read the whole portal: after the others, one at a time.
    {
      name: 'live',
      testMatch: '**/live.e2e.spec.ts',
      testIgnore: ['**/freshness.e2e.spec.ts'],
      dependencies: ['phone', 'desktop'],
      use: { viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 },
    },
    // Freshness: one script unpublished, republished, renamed, moved and deleted, every page and
    // the static site checked after each step. It changes what every list shows: alone.
    {
      name: 'freshness',
      testMatch: '**/freshness.e2e.spec.ts',
      dependencies: ['live'],
      use: { viewport: { width: 1280, height: 860 } },
    },
    // Static publishing compares the whole static site before and after edits: alone.
    {
      name: 'static',
      testMatch: '**/static.e2e.spec.ts',
      dependencies: ['freshness'],
      use: { viewport: { width: 1280, height: 860 } },
    },
    // Hostile content on every surface, live and static: it adds resources to every list, alone.
    {
      name: 'security',
      testMatch: '**/security.e2e.spec.ts',
      dependencies: ['static'],
      use: { viewport: { width: 1280, height: 860 } },
    },
    // Saved for offline reading: publishes and withdraws a script of its own, alone.
    {
      name: 'offline',
      testMatch: '**/offline.e2e.spec.ts',
      dependencies: ['security'],
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
    // The editor's day in the admin: writes, returns and publishes a script of its own, alone.
    // Each test opens its own phone or desktop contexts.
    {
      name: 'editor-day',
      testMatch: '**/admin-workflow.e2e.spec.ts',
      dependencies: ['offline'],
    },
    // Faults (a locked database, killed exports, fuzz): last of all, since they disturb the server.
    {
      name: 'reliability',
      testMatch: '**/reliability.e2e.spec.ts',
      dependencies: ['editor-day'],
      use: { viewport: { width: 1280, height: 860 } },
    },
    // Two app servers on one database: started by the spec itself, run alone by test-e2e.sh
    // (E2E_CLUSTER=1) once the single server below has stopped.
    {
      name: 'cluster',
      testMatch: '**/cluster.e2e.spec.ts',
      use: { viewport: { width: 1280, height: 860 } },
    },
  ],
  webServer: process.env.E2E_CLUSTER
    ? undefined
    : {
        // The arguments every `next start` here gets (`nextStartArgs`: `-H localhost`, not a
        // loopback address, and a keep-alive timeout longer than the tests' idle connections).
        // The server's own log (Payload's logger writes to stdout) goes to E2E_SERVER_LOG when
        // set: scripts/test-e2e.sh prints its errors when a test fails.
        command: `npx next ${nextStartArgs(port).join(' ')}${serverLog ? ` >> '${serverLog}'` : ''}`,
        url: `http://127.0.0.1:${port}/`,
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: 'ignore',
        stderr: 'pipe',
      },
})
