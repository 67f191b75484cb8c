/**
 * The static export's search script (bundled by the exporter into search.js, on every page):
 * suggestions under every search box, and on the search page the hits for the query in the URL
 * in place of the server-rendered list. Both read the static index next to it. No framework, no
 * server.
 */
import { KIND_LABELS, type ResourceKind } from '@/lib/kinds'

import { parseSearchParams } from '../params'
import { matchPeople, PEOPLE_FILE, type PersonEntry, personMeta } from '../people'
import { attachAllSuggestions, type Suggestion } from '../suggest'
import { StaticSearchClient } from './client'

let people: Promise<PersonEntry[]> | null = null

/** The published profiles (a few kilobytes), read once per page; none when the file is away. */
function loadPeople(basePath: string): Promise<PersonEntry[]> {
  people ??= fetch(`${basePath}/search-index/${PEOPLE_FILE}`)
    .then((response) => (response.ok ? (response.json() as Promise<PersonEntry[]>) : []))
    .catch(() => [])
  return people
}

/** The profiles block the live search page renders above the resources. */
function peopleBlock(basePath: string, found: PersonEntry[]): HTMLElement {
  const block = element('div', 'people-hits')
  block.append(element('h2', undefined, '宣讲员 · 宣讲团'))
  const list = element('ul')
  for (const person of found) {
    const item = element('li')
    const link = element('a', undefined, person.name)
    link.href = `${basePath}/lecturers/${person.slug}/`
    item.append(link, element('span', 'people-meta', personMeta(person)))
    list.append(item)
  }
  block.append(list)
  return block
}

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
  // The exporter hid the rendered results (every resource) until these are in place.
  const reveal = () => results.removeAttribute('data-static-pending')
  if (!query) {
    reveal()
    return
  }
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')
  if (input) input.value = query
  const status = element('p', 'results-summary', '正在搜索…')
  results.replaceChildren(status)
  try {
    const client = new StaticSearchClient(`${basePath}/search-index`)
    const [result, found] = await Promise.all([
      client.search(query, filters, 50),
      Object.keys(filters).length === 0
        ? loadPeople(basePath).then((all) => matchPeople(all, query))
        : [],
    ])
    if (found.length > 0) results.prepend(peopleBlock(basePath, found))
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
  } finally {
    reveal()
  }
}

/** The copy's base path, from a search form's action (rewritten by the exporter). */
function basePathOf(form: HTMLFormElement | null): string {
  return form ? new URL(form.action).pathname.replace(/\/search\/?$/, '') : ''
}

function suggest(): void {
  const basePath = basePathOf(document.querySelector<HTMLFormElement>('form[role="search"]'))
  const client = new StaticSearchClient(`${basePath}/search-index`)
  attachAllSuggestions(async (query) => {
    const [result, all] = await Promise.all([client.search(query, {}, 6), loadPeople(basePath)])
    return [
      ...matchPeople(all, query, 2).map((person): Suggestion => ({
        title: person.name,
        href: `${basePath}/lecturers/${person.slug}/`,
        label: person.kind,
      })),
      ...result.hits.map((hit) => ({
        title: hit.title,
        href: `${basePath}/${hit.kind}/${hit.slug}/`,
        label: KIND_LABELS[hit.kind as ResourceKind]?.short ?? '',
      })),
    ]
  })
}

function start(): void {
  suggest()
  void run()
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()
