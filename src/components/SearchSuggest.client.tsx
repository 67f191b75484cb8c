'use client'

import { useEffect } from 'react'

import { isResourceKind, KIND_LABELS } from '@/lib/kinds'
import { attachAllSuggestions } from '@/lib/search/suggest'

type Hit = { kind: string; slug: string; title: string }
type Person = { slug: string; name: string; kind: string }

/** Suggestions under every search box of a live page, from the portal's own search API. */
export function SearchSuggest() {
  useEffect(
    () =>
      attachAllSuggestions(async (query) => {
        const response = await fetch(`/api/search?q=${encodeURIComponent(query)}`)
        if (!response.ok) return []
        const { hits, people = [] } = (await response.json()) as { hits: Hit[]; people?: Person[] }
        return [
          ...people.slice(0, 2).map((person) => ({
            title: person.name,
            href: `/lecturers/${person.slug}`,
            label: person.kind,
          })),
          ...hits
            .filter((hit) => isResourceKind(hit.kind))
            .map((hit) => ({
              title: hit.title,
              href: `/${hit.kind}/${hit.slug}`,
              label: isResourceKind(hit.kind) ? KIND_LABELS[hit.kind].short : '',
            })),
        ]
      }),
    [],
  )
  return null
}
