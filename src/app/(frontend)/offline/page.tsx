import type { Metadata } from 'next'
import { TAGS } from '@/data/cacheTags'
import { CacheTags } from '@/components/CacheTags'

export const metadata: Metadata = {
  title: '我的离线稿件',
  robots: { index: false },
  alternates: { canonical: '/offline' },
}

/**
 * 我的离线稿件: the scripts, textbooks and cases saved on this phone (保存到手机). The list lives in
 * the browser (public/offline.js fills it from the saved cache); the service worker also shows
 * this page when a page that was not saved is opened without a connection.
 */
export default function OfflinePage() {
  return (
    <div className="detail offline-page">
      <CacheTags tags={[TAGS.structure]} />
      <h1>我的离线稿件</h1>
      <p>
        在宣讲稿、乡土教材和品牌项目案例的页面上点“保存到手机”，稿件连同图片和 Word
        文件会存在这台手机上，没有信号也能打开。联网时会自动更新；已撤下的稿件会从手机上删除。
      </p>
      {/* Drawn by public/offline.js; innerHTML, so hydration leaves the drawn list alone. */}
      <div
        data-offline-list=""
        dangerouslySetInnerHTML={{
          __html:
            '<ul class="offline-items" data-offline-items></ul>' +
            '<p class="empty" data-offline-empty>这台手机上还没有保存的稿件。</p>',
        }}
      />
      <noscript>
        <p>离线保存需要浏览器允许运行脚本。</p>
      </noscript>
    </div>
  )
}
