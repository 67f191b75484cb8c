/** Controlled vocabularies shared by the admin and the portal: values in English, labels in Chinese. */

export type Option<V extends string = string> = { label: string; value: V }

export const SCRIPT_FORMATS = [
  { label: '微宣讲', value: 'weixuanjiang' },
  { label: '板凳课堂', value: 'bandeng' },
  { label: '说事大院', value: 'shuoshi' },
  { label: '小院党课', value: 'xiaoyuan' },
  { label: '文艺宣讲', value: 'wenyi' },
  { label: '其他', value: 'other' },
] as const satisfies readonly Option[]

export const AUDIENCES = [
  { label: '老年人', value: 'elderly' },
  { label: '青少年', value: 'youth' },
  { label: '农民群众', value: 'farmers' },
  { label: '党员干部', value: 'cadres' },
  { label: '妇女', value: 'women' },
  { label: '外出务工人员', value: 'migrants' },
  { label: '全体群众', value: 'public' },
] as const satisfies readonly Option[]

export const DIALECTS = [
  { label: '普通话', value: 'mandarin' },
  { label: '岚川话', value: 'lanchuan' },
  { label: '石门腔', value: 'shimen' },
] as const satisfies readonly Option[]

export const ORG_LEVELS = [
  { label: '实践中心（县）', value: 'center' },
  { label: '实践所（乡镇/街道）', value: 'institute' },
  { label: '实践站（村/社区）', value: 'station' },
  { label: '融媒体中心（嵌入合作方）', value: 'mediaCenter' },
] as const satisfies readonly Option[]

export const ROLES = [
  { label: '管理员', value: 'admin' },
  { label: '审核员', value: 'reviewer' },
  { label: '编辑', value: 'editor' },
  { label: '宣讲员', value: 'lecturer' },
] as const satisfies readonly Option[]

export type ScriptFormat = (typeof SCRIPT_FORMATS)[number]['value']
export type Audience = (typeof AUDIENCES)[number]['value']
export type Dialect = (typeof DIALECTS)[number]['value']
export type OrgLevel = (typeof ORG_LEVELS)[number]['value']
export type Role = (typeof ROLES)[number]['value']

/** Chinese label of a vocabulary value, or the value itself when unknown. */
export function labelOf(options: readonly Option[], value: string | null | undefined): string {
  if (!value) return ''
  return options.find((option) => option.value === value)?.label ?? value
}
