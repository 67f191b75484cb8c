import { readFileSync } from 'node:fs'
import path from 'node:path'

import { type APIRequestContext, expect } from '@playwright/test'

import { paragraphsToLexical } from '../../src/lib/lexicalDocument'
import { sha256 } from '../../src/lib/staticSite/files'
import { MANIFEST_FILE, type Manifest } from '../../src/lib/staticSite/manifest'
import { listSiteFiles } from '../../src/lib/staticSite/site'

/** Static publishing as scripts/test-e2e.sh sets it up for the app server (both may be unset). */
export const STATIC_ROOT = process.env.STATIC_SITE_DIR as string | undefined
export const STATIC_PUBLIC_URL = process.env.STATIC_PUBLIC_URL as string | undefined

export type AdminHeaders = { Authorization: string }

/** Signs in as the demo county's admin over REST; the JWT header for later API calls. */
export async function adminHeaders(request: APIRequestContext): Promise<AdminHeaders> {
  const response = await request.post('/api/users/login', {
    data: { email: 'admin@lanchuan.example', password: 'lanchuan2026' },
  })
  expect(response.status()).toBe(200)
  return { Authorization: `JWT ${(await response.json()).token}` }
}

export type NewScript = {
  title: string
  slug: string
  summary: string
  org: number | string
  topics?: (number | string)[]
  format: string
  durationMinutes: number
  /** The body, a paragraph each. */
  paragraphs: string[]
  _status: 'draft' | 'published'
}

/** Creates a lecture script over REST (a draft is saved as one); its id. */
export async function createScript(
  request: APIRequestContext,
  headers: AdminHeaders,
  { paragraphs, ...fields }: NewScript,
): Promise<number | string> {
  const created = await request.post(
    `/api/scripts${fields._status === 'draft' ? '?draft=true' : ''}`,
    { headers, data: { ...fields, body: paragraphsToLexical(paragraphs) } },
  )
  expect(created.status()).toBe(201)
  return (await created.json()).doc.id
}

/**
 * Waits until the app's static queue is empty (the status endpoint is the admin's view too). A
 * failing job fails the wait at once.
 */
export async function waitForStaticPublisher(
  request: APIRequestContext,
  headers: AdminHeaders,
  timeout = 240_000,
): Promise<void> {
  await expect
    .poll(
      async () => {
        // A kept-alive socket that the server closes as the next poll is sent answers
        // ECONNRESET (seen once in CI on a loaded machine): that poll tells nothing, the next one does.
        const response = await request.get('/api/static-site', { headers }).catch((err: Error) => {
          if (/ECONNRESET|socket hang up/.test(err.message)) return null
          throw err
        })
        if (!response) return false
        const state = await response.json()
        expect(state.failing, '静态发布任务失败').toBe(false)
        return state.enabled && state.pending === 0 && state.files > 0
      },
      { timeout, intervals: [250, 500, 1000] },
    )
    .toBe(true)
}

export const manifestAt = (dir: string): Manifest =>
  JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest

/** Every file (with its `.gz`/`.br`) and its hash, for byte-for-byte comparison. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = await listSiteFiles(dir)
  return Object.fromEntries(files.map((file) => [file, sha256(readFileSync(path.join(dir, file)))]))
}

/** Files present in only one of two snapshots, or with different bytes. */
export function differingFiles(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys({ ...a, ...b })
    .filter((file) => a[file] !== b[file])
    .sort()
}
