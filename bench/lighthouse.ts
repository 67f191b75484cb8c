/**
 * Lighthouse 12 (mobile: Moto G Power emulation, simulated slow 4G, as PageSpeed Insights) against
 * Debian's Chromium: the four category scores, the paint figures and what the console said.
 * Lighthouse 13 needs Node 22; 12.2.3 is the newest that runs here.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/helpers/chromium'

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

export type Audit = {
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  lcpMs: number
  fcpMs: number
  tbtMs: number
  cls: number
  /** Console errors the page logged (Lighthouse's errors-in-console audit). */
  consoleErrors: string[]
  /** Audits below full marks (performance opportunities excluded), for finding what to fix. */
  failing: string[]
}

type AuditResult = {
  score: number | null
  scoreDisplayMode: string
  numericValue?: number
  details?: { items?: { description?: string; source?: string; url?: string }[] }
}

const PERFORMANCE_ONLY = new Set(['metrics', 'diagnostics', 'load-opportunities'])

/** One audit of `url` in a fresh browser profile (no cache, no service worker). */
export async function audit(url: string): Promise<Audit> {
  const profile = mkdtempSync(path.join(tmpdir(), 'ph-lighthouse-'))
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_ARGS,
    userDataDir: profile,
    logLevel: 'silent',
  })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    })
    if (!result) throw new Error(`Lighthouse 没有结果：${url}`)
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`Lighthouse 出错：${url} ${lhr.runtimeError.message}`)
    const audits = lhr.audits as Record<string, AuditResult>
    const score = (id: (typeof CATEGORIES)[number]) =>
      Math.round((lhr.categories[id]?.score ?? 0) * 100)
    const value = (id: string) => Math.round(audits[id]?.numericValue ?? 0)
    const failing = Object.values(lhr.categories).flatMap((category) =>
      category.auditRefs
        .filter((ref) => !PERFORMANCE_ONLY.has(ref.group ?? '') && ref.weight > 0)
        .filter((ref) => {
          const item = audits[ref.id]
          return item && item.score !== null && item.score < 1
        })
        .map((ref) => ref.id),
    )
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: value('largest-contentful-paint'),
      fcpMs: value('first-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      cls: Math.round((audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
      consoleErrors: (audits['errors-in-console']?.details?.items ?? []).map(
        (item) => `${item.source ?? ''}: ${item.description ?? item.url ?? ''}`,
      ),
      failing: [...new Set(failing)],
    }
  } finally {
    await chrome.kill()
    rmSync(profile, { recursive: true, force: true })
  }
}

/** The median audit of `runs` (by performance score): one run's score moves by a few points. */
export async function medianAudit(url: string, runs: number): Promise<Audit> {
  const audits: Audit[] = []
  for (let i = 0; i < runs; i++) audits.push(await audit(url))
  audits.sort((a, b) => a.performance - b.performance)
  return audits[Math.floor(audits.length / 2)]
}
