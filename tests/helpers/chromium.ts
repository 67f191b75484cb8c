/**
 * Chromium from Debian, for the browser tests and Lighthouse: Playwright's own browser download
 * cannot run on these machines. Headless, and quiet: no QUIC, no background traffic or updates.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
