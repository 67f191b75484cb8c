/**
 * The static export's search script (bundled by the exporter into search.js, on every page):
 * suggestions under every search box, and on the search page the hits for the query in the URL
 * in place of the server-rendered list. Both read the static index next to it. No framework, no
 * server.
 */
import { KIND_LABELS, type ResourceKind } from '@/lib/kinds'

import { parseSearchParams } from '../params'
import { attachAllSuggestions } from '../suggest'
import { StaticSearchClient } from './client'

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text) node.textContent = text
  return node
}

async function run(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('form.search-form')
  const results = document.querySelector<HTMLElement>('[data-search-results]')
  if (!form || !results) return
  // The exporter rewrote the form's action for the base path: /portal/search/ → /portal
  const basePath = basePathOf(form)
  const { query, filters } = parseSearchParams(new URLSearchParams(location.search))
  if (!query) return
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')
  if (input) input.value = query
  const status = element('p', 'results-summary', '正在搜索…')
  results.replaceChildren(status)
  try {
    const client = new StaticSearchClient(`${basePath}/search-index`)
    const result = await client.search(query, filters, 50)
    status.textContent = `“${query}”：共 ${result.total} 条${result.partial ? '（包含部分词语的结果）' : ''}`
    if (result.hits.length === 0) {
      results.append(
        element('p', 'no-results', '没有找到相关资源。可以少输入几个字，或换个说法再试。'),
      )
      return
    }
    const list = element('ol', 'hits')
    for (const hit of result.hits) {
      const item = element('li', 'hit')
      item.append(element('span', 'kind-label', KIND_LABELS[hit.kind as ResourceKind]?.short ?? ''))
      const heading = element('h2')
      const link = element('a', undefined, hit.title)
      link.href = `${basePath}/${hit.kind}/${hit.slug}/`
      heading.append(link)
      item.append(
        heading,
        element('p', 'snippet', hit.summary),
        element('p', 'hit-meta', hit.orgName),
      )
      list.append(item)
    }
    results.append(list)
  } catch {
    status.textContent = '搜索暂时不可用，请稍后再试。'
  }
}

/** The copy's base path, from a search form's action (rewritten by the exporter). */
function basePathOf(form: HTMLFormElement | null): string {
  return form ? new URL(form.action).pathname.replace(/\/search\/?$/, '') : ''
}

function suggest(): void {
  const basePath = basePathOf(document.querySelector<HTMLFormElement>('form[role="search"]'))
  const client = new StaticSearchClient(`${basePath}/search-index`)
  attachAllSuggestions(async (query) =>
    (await client.search(query, {}, 6)).hits.map((hit) => ({
      title: hit.title,
      href: `${basePath}/${hit.kind}/${hit.slug}/`,
      label: KIND_LABELS[hit.kind as ResourceKind]?.short ?? '',
    })),
  )
}

function start(): void {
  suggest()
  void run()
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()
