import { expect, type Page, type Request } from '@playwright/test'

/** The app's script chunks (its stylesheets live beside them and are not held). */
const isChunk = (url: URL) =>
  url.pathname.startsWith('/_next/static/chunks/') && url.pathname.endsWith('.js')

/**
 * Makes React hydrate last. On a slow phone our plain scripts (public/orders.js, offline.js) can
 * run, and their requests come back, before React hydrates the page; what they drew into
 * elements React also renders then has to survive hydration. This holds the app's chunks back
 * until everything else the page asked for has arrived, so that order is certain, not a race.
 * `visit` loads a path that way and waits until the page is idle; `errors` collects what the page
 * threw (React reports a hydration mismatch, #418–#425, as an uncaught error). Requests a service
 * worker answers are not held: give the page a context with `serviceWorkers: 'block'` when it
 * visits more than one page.
 */
export async function hydratingLast(page: Page) {
  let release = () => {}
  let gate = Promise.resolve()
  await page.route(isChunk, async (route) => {
    await gate
    await route.continue()
  })
  const pending = new Set<Request>()
  page.on('request', (request) => {
    if (!isChunk(new URL(request.url()))) pending.add(request)
  })
  page.on('requestfinished', (request) => pending.delete(request))
  page.on('requestfailed', (request) => pending.delete(request))

  const errors: string[] = []
  let current = ''
  page.on('pageerror', (error) => errors.push(`${current}: ${error.message}`))

  async function visit(path: string): Promise<void> {
    current = path
    gate = new Promise<void>((resolve) => (release = resolve))
    try {
      await page.goto(path, { waitUntil: 'domcontentloaded' })
      // The page's own scripts ran (deferred ones before DOMContentLoaded) and were answered.
      await expect.poll(() => pending.size, { message: `${path}: requests in flight` }).toBe(0)
    } finally {
      release()
    }
    await page.waitForLoadState('networkidle')
  }

  return { visit, errors }
}
