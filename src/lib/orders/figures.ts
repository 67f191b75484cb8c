import type { DocId } from '@/lib/ids'

/** One group's 点单 figures (a township, or a whole scope). */
export type OrderFigureRow = {
  key: string
  name: string
  orders: number
  /** Median whole days from 点单 to the first 派单, of the orders dispatched; null when none. */
  medianDaysToDispatch: number | null
  /** Accepted ÷ (accepted + declined), 0–1; null when no lecturer has answered yet. */
  acceptanceRate: number | null
  /** Mean score of the rated orders; null when none is rated. */
  averageRating: number | null
  ratings: number
}

export type OrderFact = {
  org: DocId | null
  createdAt: string
  dispatchedAt?: string | null
  rating?: number | null
  actions: string[]
}

const DAY = 86_400_000

export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const round1 = (value: number) => Math.round(value * 10) / 10

/** The figures of a set of orders. Pure: the caller loads the facts and names the group. */
export function figuresOf(key: string, name: string, facts: readonly OrderFact[]): OrderFigureRow {
  const days = facts.flatMap((fact) =>
    fact.dispatchedAt
      ? [Math.max(0, (Date.parse(fact.dispatchedAt) - Date.parse(fact.createdAt)) / DAY)]
      : [],
  )
  const accepted = facts.reduce((sum, f) => sum + f.actions.filter((a) => a === 'accept').length, 0)
  const declined = facts.reduce(
    (sum, f) => sum + f.actions.filter((a) => a === 'decline').length,
    0,
  )
  const scores = facts.flatMap((fact) => (typeof fact.rating === 'number' ? [fact.rating] : []))
  const mid = median(days)
  return {
    key,
    name,
    orders: facts.length,
    medianDaysToDispatch: mid === null ? null : round1(mid),
    acceptanceRate: accepted + declined > 0 ? accepted / (accepted + declined) : null,
    averageRating: scores.length ? round1(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
    ratings: scores.length,
  }
}
