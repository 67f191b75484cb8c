'use client'

import { useEffect, useState } from 'react'

const KEY = 'ph-large-type'

/** Large type and print for reading a talk aloud; the only client code on a script page. */
export function ReadingTools() {
  const [large, setLarge] = useState(false)

  useEffect(() => {
    setLarge(window.localStorage.getItem(KEY) === '1')
  }, [])

  useEffect(() => {
    document.documentElement.classList.toggle('large-type', large)
    window.localStorage.setItem(KEY, large ? '1' : '0')
  }, [large])

  return (
    <>
      <button
        type="button"
        className="tool-button"
        data-reading-tool="large"
        aria-pressed={large}
        onClick={() => setLarge((value) => !value)}
      >
        {large ? '标准字号' : '大字阅读'}
      </button>
      <button
        type="button"
        className="tool-button tool-secondary"
        data-reading-tool="print"
        onClick={() => window.print()}
      >
        打印讲稿
      </button>
    </>
  )
}
