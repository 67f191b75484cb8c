import { PortalLink } from '../PortalLink'

import type { DocId, OrgNode, TopicNode } from '@/data/types'
import type { ResourceKind } from '@/lib/kinds'
import { hasDuration, KIND_FILTERS, type ListQuery } from '@/lib/listQuery'
import { subtreeDepth } from '@/lib/tree'
import { AUDIENCES, DIALECTS, SCRIPT_FORMATS, type Option } from '@/lib/vocabulary'

type Props = {
  kind: ResourceKind
  query: ListQuery
  topics: TopicNode[]
  orgs: OrgNode[]
}

/** Tree options with their depth shown by indentation, parents before children. */
function treeOptions(nodes: (TopicNode | OrgNode)[]): Option[] {
  const depth = subtreeDepth(nodes)
  const ordered: (TopicNode | OrgNode)[] = []
  const visit = (parent: DocId | null) => {
    for (const node of nodes.filter((item) => item.parent === parent)) {
      ordered.push(node)
      visit(node.id)
    }
  }
  visit(null)
  return ordered.map((node) => ({
    value: node.slug,
    label: `${'\u3000'.repeat(depth.get(node.id) ?? 0)}${node.name}`,
  }))
}

function Select(props: {
  name: string
  label: string
  options: readonly Option[]
  value?: string
  all: string
}) {
  return (
    <label className="filter">
      <span>{props.label}</span>
      <select name={props.name} defaultValue={props.value ?? ''}>
        <option value="">{props.all}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * The filters a lecturer uses, as a plain GET form: it works without JavaScript and its result is
 * a shareable URL. The static export has no server to filter, so it drops this form.
 */
export function ListFilters({ kind, query, topics, orgs }: Props) {
  const filters = new Set(KIND_FILTERS[kind])
  const durationLabel =
    kind === 'textbooks' ? '阅读时长' : kind === 'videos' ? '视频时长' : '讲述时长'
  return (
    <form className="filters" method="get" action={`/${kind}`} data-export="omit" role="search">
      <Select
        name="topic"
        label="主题"
        options={treeOptions(topics)}
        value={query.topic}
        all="全部主题"
      />
      {filters.has('format') ? (
        <Select
          name="format"
          label="形式"
          options={SCRIPT_FORMATS}
          value={query.format}
          all="全部形式"
        />
      ) : null}
      {filters.has('audience') ? (
        <Select
          name="audience"
          label="对象"
          options={AUDIENCES}
          value={query.audience}
          all="全部对象"
        />
      ) : null}
      {filters.has('dialect') ? (
        <Select
          name="dialect"
          label="语言"
          options={DIALECTS}
          value={query.dialect}
          all="全部语言"
        />
      ) : null}
      <Select name="org" label="地区" options={treeOptions(orgs)} value={query.org} all="全县" />
      {hasDuration(kind) ? (
        <fieldset className="filter filter-range">
          <legend>{durationLabel}（分钟）</legend>
          <input
            type="number"
            name="min"
            min={0}
            max={600}
            inputMode="numeric"
            aria-label="最短分钟"
            placeholder="不限"
            defaultValue={query.min}
          />
          <span aria-hidden="true">—</span>
          <input
            type="number"
            name="max"
            min={0}
            max={600}
            inputMode="numeric"
            aria-label="最长分钟"
            placeholder="不限"
            defaultValue={query.max}
          />
        </fieldset>
      ) : null}
      {hasDuration(kind) ? (
        <Select
          name="sort"
          label="排序"
          options={[{ value: 'shortest', label: '时长最短' }]}
          value={query.sort === 'shortest' ? 'shortest' : undefined}
          all="最新发布"
        />
      ) : null}
      <div className="filter-actions">
        <button type="submit">筛选</button>
        <PortalLink href={`/${kind}`}>清除</PortalLink>
      </div>
    </form>
  )
}
