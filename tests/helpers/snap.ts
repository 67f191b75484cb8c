import { expect, type Page } from '@playwright/test'

/**
 * Full-page screenshot into tests/artifacts/<folder>/<name>.png, after scrolling so lazy images
 * load; fails on images that did not load and on pages wider than the screen.
 */
export async function snap(page: Page, name: string, folder: string): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    window.scrollTo(0, 0)
  })
  await page.waitForLoadState('networkidle')
  const broken = await page.evaluate(() =>
    [...document.images]
      .filter((img) => img.complete && img.naturalWidth === 0)
      .map((img) => img.src),
  )
  expect(broken, 'images that failed to load').toEqual([])
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, 'page wider than the screen').toBeLessThanOrEqual(0)
  await page.screenshot({ path: `tests/artifacts/${folder}/${name}.png`, fullPage: true })
}
