/** A definition list of facts about a resource (format, duration, place…). */
export function DetailMeta({ items }: { items: [label: string, value: string | number][] }) {
  const shown = items.filter(([, value]) => value !== '' && value !== 0)
  return (
    <dl className="meta">
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
