import { describe, expect, it } from 'vitest'

import { contentChanged, memoUntilChange } from '@/lib/contentGeneration'

describe('memos of published data', () => {
  it('share one load per key until the next public change', async () => {
    let loads = 0
    const load = async () => ({ n: ++loads })
    const [a, b] = await Promise.all([memoUntilChange('k1', load), memoUntilChange('k1', load)])
    expect(a).toBe(b)
    expect(await memoUntilChange('k1', load)).toBe(a)
    expect(loads).toBe(1)
    // Another key loads on its own.
    expect((await memoUntilChange('k2', load)).n).toBe(2)
    contentChanged()
    expect((await memoUntilChange('k1', load)).n).toBe(3)
  })

  it('never keep a load that a change overtook, nor a failed one', async () => {
    let release: (value: string) => void = () => {}
    const slow = memoUntilChange('k3', () => new Promise<string>((resolve) => (release = resolve)))
    contentChanged() // committed while the first load was reading
    const fresh = memoUntilChange('k3', async () => 'after')
    release('before')
    expect(await slow).toBe('before')
    expect(await fresh).toBe('after')
    expect(await memoUntilChange('k3', async () => 'again')).toBe('after')

    await expect(
      memoUntilChange('k4', () => Promise.reject(new Error('数据库不可用'))),
    ).rejects.toThrow()
    expect(await memoUntilChange('k4', async () => 'ok')).toBe('ok')
  })
})
