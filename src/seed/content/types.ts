/**
 * Shapes of the demo county's seed content. Every text here is original writing about the
 * fictional 岚川县 (Lanchuan County); slugs are short ASCII so portal URLs stay readable.
 */

export type ScriptFormat = 'weixuanjiang' | 'bandeng' | 'shuoshi' | 'xiaoyuan' | 'wenyi' | 'other'
export type Audience = 'elderly' | 'youth' | 'farmers' | 'cadres' | 'women' | 'migrants' | 'public'
export type Dialect = 'mandarin' | 'lanchuan' | 'shimen'

/** Org slugs of the demo county (see county.ts). */
export type OrgSlug =
  | 'lanchuan'
  | 'liuxi'
  | 'shimen'
  | 'qingping'
  | 'chengguan'
  | 'xinghua'
  | 'hewan'
  | 'shangling'
  | 'chayuan'
  | 'zhulin'
  | 'qingping-cun'
  | 'wenchang'

/** Topic slugs of the demo county (see county.ts): the five kinds of work and their children. */
export type TopicSlug =
  | 'xuexi-lilun'
  | 'chuangxin-lilun'
  | 'dangshi'
  | 'zhengce-xuanjiang'
  | 'xiangcun-zhenxing'
  | 'huimin-zhengce'
  | 'fazhi'
  | 'zhuliu-jiazhi'
  | 'xiaolao-aiqin'
  | 'chengxin'
  | 'zhiyuan-fuwu'
  | 'wenhua-shenghuo'
  | 'feiyi'
  | 'qunzhong-wenyi'
  | 'quanmin-yuedu'
  | 'yifeng-yisu'
  | 'hunshi-xinban'
  | 'sangshi-jianban'

/** Fields every resource kind shares. */
export type SeedResourceBase = {
  slug: string
  title: string
  summary: string
  topics: TopicSlug[]
  org: OrgSlug
  tags: string[]
  /** Days before "now" the resource was published (ordering on the portal). */
  publishedDaysAgo: number
  /** true: stays a draft, never visible on the portal. */
  draft?: boolean
  /** Where a draft stands in review (demo of the reviewer's queue). */
  review?: { state: 'submitted' | 'returned'; comment?: string }
}

/**
 * Body text as paragraphs. A paragraph starting with "## " becomes a heading,
 * one starting with "> " a quotation.
 */
export type Paragraphs = string[]

export type SeedScript = SeedResourceBase & {
  format: ScriptFormat
  audience: Audience[]
  durationMinutes: number
  dialect: Dialect
  keyPoints: string[]
  body: Paragraphs
}

export type SeedCue = { start: number; end: number; text: string }

export type SeedVideo = SeedResourceBase & {
  dialect: Dialect
  /** Mandarin subtitle cues, seconds from the start; in order, not overlapping. */
  cues: SeedCue[]
  /** Short note on who speaks and where it was filmed. */
  description: string
}

export type SeedChapter = { title: string; body: Paragraphs }

export type SeedTextbook = SeedResourceBase & {
  audience: Audience[]
  chapters: SeedChapter[]
}

export type SeedCase = SeedResourceBase & {
  /** The 点单→派单→接单→评单 loop, one short paragraph each. */
  loop: { order: string; dispatch: string; accept: string; review: string }
  outcomes: { volunteers: number; activities: number; peopleServed: number; year: number }
  body: Paragraphs
  /** Captions of the gallery photos (images are generated). */
  gallery: string[]
}
