/** The four resource kinds, their collection slugs and Chinese names. */
export const RESOURCE_KINDS = ['scripts', 'videos', 'textbooks', 'cases'] as const

export type ResourceKind = (typeof RESOURCE_KINDS)[number]

export const KIND_LABELS: Record<ResourceKind, { name: string; short: string }> = {
  scripts: { name: '宣讲稿', short: '宣讲稿' },
  videos: { name: '方言短视频', short: '视频' },
  textbooks: { name: '乡土教材', short: '教材' },
  cases: { name: '品牌项目案例', short: '案例' },
}

export function isResourceKind(value: unknown): value is ResourceKind {
  return typeof value === 'string' && (RESOURCE_KINDS as readonly string[]).includes(value)
}

/** Portal path of a resource's detail page. */
export function resourcePath(kind: ResourceKind, slug: string): string {
  return `/${kind}/${encodeURIComponent(slug)}`
}
