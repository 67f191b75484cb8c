/**
 * Suggestions as the reader types, for every search box (header, home page, search page): up to
 * six titles under the box, as links. Framework-free DOM code shared by the live portal (a client
 * component feeds it from /api/search) and the static copy (search.js feeds it from the static
 * index). An ARIA combobox: ↑/↓ move, Enter opens the highlighted title, Esc closes; without a
 * highlighted title the form submits as usual.
 */

export type Suggestion = { title: string; href: string; label: string }
export type SuggestionSource = (query: string) => Promise<Suggestion[]>

const MAX = 6
const DELAY_MS = 150

let counter = 0

/** Wires a search input; returns a function that removes what it added. */
export function attachSuggestions(input: HTMLInputElement, source: SuggestionSource): () => void {
  if (input.dataset.suggest === 'on') return () => {}
  input.dataset.suggest = 'on'
  counter += 1
  const listId = `search-suggest-${counter}`
  const list = document.createElement('ul')
  list.id = listId
  list.className = 'suggestions'
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', '搜索建议')
  list.hidden = true
  const anchor = input.closest('.site-search-row, .search-row') ?? input
  anchor.after(list)
  input.setAttribute('role', 'combobox')
  input.setAttribute('aria-autocomplete', 'list')
  input.setAttribute('aria-controls', listId)
  input.setAttribute('aria-expanded', 'false')

  let timer: ReturnType<typeof setTimeout> | undefined
  let asked = ''
  let active = -1

  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')]
  const close = () => {
    list.hidden = true
    active = -1
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
  }
  const highlight = (index: number) => {
    const all = options()
    active = all.length === 0 ? -1 : (index + all.length) % all.length
    all.forEach((option, n) => option.setAttribute('aria-selected', String(n === active)))
    if (active >= 0) input.setAttribute('aria-activedescendant', all[active].id)
  }
  const show = (items: Suggestion[]) => {
    list.replaceChildren(
      ...items.slice(0, MAX).map((item, n) => {
        const li = document.createElement('li')
        const link = document.createElement('a')
        link.id = `${listId}-${n}`
        link.href = item.href
        link.setAttribute('role', 'option')
        link.setAttribute('aria-selected', 'false')
        const label = document.createElement('span')
        label.className = 'suggestion-kind'
        label.textContent = item.label
        link.append(label, document.createTextNode(item.title))
        li.append(link)
        return li
      }),
    )
    list.hidden = items.length === 0
    input.setAttribute('aria-expanded', String(items.length > 0))
    active = -1
  }
  const ask = () => {
    const query = input.value.trim()
    asked = query
    if (!query) return close()
    source(query).then(
      (items) => {
        if (asked === query) show(items)
      },
      () => close(),
    )
  }
  const onInput = () => {
    clearTimeout(timer)
    timer = setTimeout(ask, DELAY_MS)
  }
  const onKey = (event: KeyboardEvent) => {
    if (list.hidden) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      highlight(active + (event.key === 'ArrowDown' ? 1 : -1))
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault()
      options()[active].click()
    } else if (event.key === 'Escape') {
      close()
    }
  }
  // A tap on a suggestion lands before the box loses focus and the list closes.
  const onBlur = () => setTimeout(close, 200)
  input.addEventListener('input', onInput)
  input.addEventListener('keydown', onKey)
  input.addEventListener('blur', onBlur)
  return () => {
    clearTimeout(timer)
    input.removeEventListener('input', onInput)
    input.removeEventListener('keydown', onKey)
    input.removeEventListener('blur', onBlur)
    list.remove()
    delete input.dataset.suggest
  }
}

/** Every search box on the page, wired to `source`. */
export function attachAllSuggestions(source: SuggestionSource): () => void {
  const inputs = document.querySelectorAll<HTMLInputElement>('form[role="search"] input[name="q"]')
  const detach = [...inputs].map((input) => attachSuggestions(input, source))
  return () => detach.forEach((undo) => undo())
}
