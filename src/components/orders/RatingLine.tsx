import type { RatingSummary } from '@/data/lecturers'

/** 群众评价 4.7 分（12 次点单）, once there are enough ratings to say something. */
export function RatingLine({ rating }: { rating: RatingSummary | null }) {
  if (!rating) return null
  return (
    <p className="rating-line" data-testid="rating-line">
      群众评价 <strong>{rating.average.toFixed(1)}</strong> 分
      <span className="rating-count">（{rating.count} 次点单评价）</span>
    </p>
  )
}
