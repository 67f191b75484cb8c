import { fold } from './normalize'
import { pinyinQueryTerm, queryParts } from './tokenize'

/**
 * Lecturers and teams in search. A county has tens of public profiles, not thousands: they are
 * matched by plain substring over a small folded text instead of the sharded resource index, the
 * same way on the live portal and in the static copy's browser (no dictionary there either: the
 * names' pinyin terms are computed on the server, as for resources).
 */
export type PersonEntry = {
  slug: string
  name: string
  /** 宣讲员 or 宣讲团. */
  kind: string
  team: string
  orgName: string
  /** Folded name, team, org, topics and dialects, one per line. */
  text: string
  /** Pinyin terms of the name (`~yangxiufen`, `~yxf`), as the resource index has them. */
  pinyin: string[]
}

export type PersonSource = {
  slug: string
  name: string
  kind: string
  team: string
  orgName: string
  topics: string[]
  dialects: string[]
}

/** What a search result shows of a profile (the API answers this, not the matching text). */
export type PersonHit = Pick<PersonEntry, 'slug' | 'name' | 'kind' | 'team' | 'orgName'>

export const personHit = ({ slug, name, kind, team, orgName }: PersonHit): PersonHit => ({
  slug,
  name,
  kind,
  team,
  orgName,
})

/** The line under a profile's name in results: 宣讲团 · 柳溪银发宣讲团 · 柳溪镇… */
export const personMeta = (person: PersonHit): string =>
  [person.kind, person.team, person.orgName].filter(Boolean).join(' · ')

/** A profile as search sees it; `pinyinOf` is given on the server only (its dictionary is big). */
export function personEntry(
  person: PersonSource,
  pinyinOf: (text: string) => Iterable<string>,
): PersonEntry {
  const { slug, name, kind, team, orgName } = person
  return {
    slug,
    name,
    kind,
    team,
    orgName,
    text: fold([name, team, orgName, kind, ...person.topics, ...person.dialects].join('\n')),
    pinyin: [...new Set(pinyinOf(fold(name)))].sort(),
  }
}

/** The profiles' file in the static copy's search index folder. */
export const PEOPLE_FILE = 'people.json'

/** Most profiles a search shows: a search is for resources; the profiles are a pointer. */
export const MAX_PEOPLE = 4

/**
 * Latin letters shorter than this are not taken for a name's pinyin: two letters (`cl`) are far
 * more often the initials of a topic (彩礼) than of somebody's name.
 */
const MIN_PINYIN_LETTERS = 3

/**
 * Profiles holding every part of the query (as text, or a Latin part of three letters or more as
 * pinyin of the name), best first: a match in the name over one in the team over one elsewhere.
 */
export function matchPeople(
  people: PersonEntry[],
  query: string,
  limit = MAX_PEOPLE,
): PersonEntry[] {
  const parts = queryParts(fold(query))
  if (parts.length === 0) return []
  const scored: [PersonEntry, number][] = []
  for (const person of people) {
    const name = fold(person.name)
    const team = fold(person.team)
    let score = 0
    for (const part of parts) {
      const pinyin = part.length >= MIN_PINYIN_LETTERS ? pinyinQueryTerm(part) : null
      if (name.includes(part)) score += 10
      else if (team.includes(part)) score += 5
      else if (pinyin && person.pinyin.includes(pinyin)) score += 4
      else if (person.text.includes(part)) score += 1
      else {
        score = 0
        break
      }
    }
    if (score > 0) scored.push([person, score])
  }
  return scored
    .sort(([a, x], [b, y]) => y - x || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, limit)
    .map(([person]) => person)
}
