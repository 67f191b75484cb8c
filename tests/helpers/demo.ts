import { cases } from '@/seed/content/cases'
import { scripts } from '@/seed/content/scripts'
import { textbooks } from '@/seed/content/textbooks'
import type { SeedResourceBase } from '@/seed/content/types'
import { videos } from '@/seed/content/videos'
import type { ResourceKind } from '@/lib/kinds'

/** The demo county's resources by kind, as the seed writes them. */
export const DEMO_CONTENT: Record<ResourceKind, SeedResourceBase[]> = {
  scripts,
  videos,
  textbooks,
  cases,
}

export function publishedDemo(kind: ResourceKind): SeedResourceBase[] {
  return DEMO_CONTENT[kind].filter((item) => !item.draft)
}

export function draftDemo(kind: ResourceKind): SeedResourceBase[] {
  return DEMO_CONTENT[kind].filter((item) => item.draft)
}
