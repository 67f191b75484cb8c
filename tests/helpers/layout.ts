import type { Page } from '@playwright/test'

/** The smallest tap target on a phone (Apple HIG, Material: 44–48 px). */
export const MIN_TAP = 44

export type LayoutProblem = { what: string; detail: string }

/**
 * Measures a loaded page at its viewport: the document must not be wider than the screen, and
 * every visible control a finger aims at (links, buttons, inputs, selects, summaries) must be at
 * least 44 × 44 px. Links inside running text (paragraphs, prose, table cells) are exempt, as in
 * WCAG 2.5.8: they are part of a sentence, not targets of their own.
 */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate((min) => {
    const problems: { what: string; detail: string }[] = []
    const root = document.documentElement
    if (root.scrollWidth > root.clientWidth) {
      const wide = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
      problems.push({
        what: 'too wide',
        detail: `scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}: ${wide.join(', ')}`,
      })
    }
    const controls = document.querySelectorAll(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary',
    )
    for (const control of controls) {
      const style = getComputedStyle(control)
      // A stretched link (its ::after covers the card) is as large as the card it covers.
      const after = getComputedStyle(control, '::after')
      let target: Element = control
      if (after.position === 'absolute' && after.content !== 'none') {
        for (let parent = control.parentElement; parent; parent = parent.parentElement) {
          if (getComputedStyle(parent).position !== 'static') {
            target = parent
            break
          }
        }
      }
      const box = target.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue
      if (control.closest('.skip-link')) continue
      if (control.tagName === 'A' && control.closest('p, .prose, td, th, figcaption, .snippet')) {
        continue
      }
      if (box.width < min - 0.5 || box.height < min - 0.5) {
        problems.push({
          what: 'small target',
          detail: `${control.tagName.toLowerCase()}.${control.className} in .${control.parentElement?.className ?? ''} “${(control.textContent ?? '').trim().slice(0, 20)}” ${Math.round(box.width)}×${Math.round(box.height)}`,
        })
      }
    }
    return problems
  }, MIN_TAP)
}
