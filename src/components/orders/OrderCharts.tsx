import type { OrderFigureRow } from '@/lib/orders/figures'

type Bar = { label: string; value: number | null; text: string }

const WIDTH = 360
const LABEL = 76
const ROW = 32
const VALUE = 100

/** 柳溪镇新时代文明实践所 → 柳溪镇: the township, short enough for a bar's label. */
export function shortName(name: string): string {
  return name.replace(/新时代文明实践(所|中心|站)$/, '') || name
}

/**
 * A horizontal bar chart drawn on the server: readable without scripts, in the static copy, and
 * to screen readers (its title and a description that reads every value).
 */
function BarChart({
  id,
  title,
  bars,
  max,
}: {
  id: string
  title: string
  bars: Bar[]
  max: number
}) {
  const height = bars.length * ROW + 8
  const scale = (value: number) => (max > 0 ? (value / max) * (WIDTH - LABEL - VALUE) : 0)
  const description = bars.map((bar) => `${bar.label}：${bar.text}`).join('；')
  return (
    <figure className="order-chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="order-chart-svg"
      >
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, index) => {
          const y = index * ROW + 4
          const width = bar.value === null ? 0 : Math.max(2, scale(bar.value))
          return (
            <g key={bar.label}>
              <text x={LABEL - 10} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
                {bar.label}
              </text>
              <rect x={LABEL} y={y + 6} width={width} height={ROW - 12} rx={3} className="bar" />
              <text
                x={LABEL + width + 8}
                y={y + ROW / 2}
                dominantBaseline="middle"
                className="value"
              >
                {bar.text}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}

const percent = (rate: number | null) => (rate === null ? '暂无' : `${Math.round(rate * 100)}%`)

/**
 * 点单 figures per township as four charts (orders, median days to dispatch, acceptance rate,
 * average rating) and the same numbers as a table.
 */
export function OrderCharts({
  rows,
  total,
  idPrefix = 'orders',
}: {
  rows: OrderFigureRow[]
  total: OrderFigureRow
  idPrefix?: string
}) {
  if (total.orders === 0) return <p className="empty">还没有点单。</p>
  const label = (row: OrderFigureRow) => shortName(row.name)
  const charts = [
    {
      id: 'count',
      title: '各乡镇点单数',
      max: Math.max(...rows.map((row) => row.orders)),
      bars: rows.map((row) => ({ label: label(row), value: row.orders, text: `${row.orders} 单` })),
    },
    {
      id: 'dispatch',
      title: '从点单到派单（中位数，天）',
      max: Math.max(1, ...rows.map((row) => row.medianDaysToDispatch ?? 0)),
      bars: rows.map((row) => ({
        label: label(row),
        value: row.medianDaysToDispatch,
        text: row.medianDaysToDispatch === null ? '暂无' : `${row.medianDaysToDispatch} 天`,
      })),
    },
    {
      id: 'accept',
      title: '接单率（接单 ÷ 接单与拒单）',
      max: 1,
      bars: rows.map((row) => ({
        label: label(row),
        value: row.acceptanceRate,
        text: percent(row.acceptanceRate),
      })),
    },
    {
      id: 'rating',
      title: '群众平均评分（满分 5 分）',
      max: 5,
      bars: rows.map((row) => ({
        label: label(row),
        value: row.averageRating,
        text:
          row.averageRating === null
            ? '暂无'
            : `${row.averageRating.toFixed(1)} 分（${row.ratings} 次）`,
      })),
    },
  ]
  return (
    <div className="order-charts" data-testid="order-charts">
      <ul className="figures" aria-label="点单合计">
        <li className="figure">
          <span className="figure-value">{total.orders}</span>
          <span className="figure-label">点单</span>
        </li>
        <li className="figure">
          <span className="figure-value">{total.medianDaysToDispatch ?? '—'}</span>
          <span className="figure-label">派单用时中位数（天）</span>
        </li>
        <li className="figure">
          <span className="figure-value">{percent(total.acceptanceRate)}</span>
          <span className="figure-label">接单率</span>
        </li>
        <li className="figure">
          <span className="figure-value">{total.averageRating?.toFixed(1) ?? '—'}</span>
          <span className="figure-label">平均评分</span>
        </li>
      </ul>
      <div className="order-chart-grid">
        {charts.map((chart) => (
          <BarChart
            key={chart.id}
            id={`${idPrefix}-${chart.id}`}
            title={chart.title}
            bars={chart.bars}
            max={chart.max}
          />
        ))}
      </div>
      <details className="order-figures-table">
        <summary>查看数据表</summary>
        <div className="table-scroll">
          <table>
            <caption>各乡镇点单数据</caption>
            <thead>
              <tr>
                <th scope="col">乡镇</th>
                <th scope="col">点单</th>
                <th scope="col">派单用时中位数（天）</th>
                <th scope="col">接单率</th>
                <th scope="col">平均评分</th>
              </tr>
            </thead>
            <tbody>
              {[...rows, total].map((row) => (
                <tr key={row.key}>
                  <th scope="row">{label(row)}</th>
                  <td>{row.orders}</td>
                  <td>{row.medianDaysToDispatch ?? '暂无'}</td>
                  <td>{percent(row.acceptanceRate)}</td>
                  <td>
                    {row.averageRating === null
                      ? '暂无'
                      : `${row.averageRating.toFixed(1)}（${row.ratings} 次）`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  )
}
