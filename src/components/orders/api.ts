/**
 * Where the resident's order requests go: the app that rendered the page. On the live portal that
 * is this origin; a page of the static copy (another host) posts to the app's address baked into
 * the page, which allows the site's own origins (CORS, src/lib/orders/cors.ts).
 */
export function orderApiUrl(appOrigin: string, path: 'submit' | 'track' | 'rate'): string {
  const here = typeof window === 'undefined' ? '' : window.location.origin
  const base = !appOrigin || appOrigin === here ? '' : appOrigin
  return `${base}/api/orders/${path}`
}

export type ApiError = { message: string; data?: { fields?: Record<string, string> } }

/** Posts JSON and returns the parsed answer; a network failure becomes a Chinese message. */
export async function postJson<T>(
  url: string,
  body: unknown,
): Promise<{ ok: true; data: T } | { ok: false; status: number; error: ApiError }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
    })
    const json = (await response.json().catch(() => ({}))) as { errors?: ApiError[] } & T
    if (response.ok) return { ok: true, data: json }
    return {
      ok: false,
      status: response.status,
      error: json.errors?.[0] ?? { message: `提交失败（${response.status}），请稍后再试` },
    }
  } catch {
    return { ok: false, status: 0, error: { message: '网络连接失败，请检查网络后再试' } }
  }
}

/** Orders placed on this phone, so the resident finds their tracking links again. */
const SAVED_KEY = 'practice-hub:orders'

export type SavedOrder = { number: string; token: string; title: string; at: string }

export function savedOrders(): SavedOrder[] {
  try {
    const list = JSON.parse(window.localStorage.getItem(SAVED_KEY) ?? '[]') as SavedOrder[]
    return Array.isArray(list) ? list.filter((item) => item && item.token && item.number) : []
  } catch {
    return []
  }
}

export function saveOrder(order: SavedOrder): void {
  try {
    const list = [order, ...savedOrders().filter((item) => item.token !== order.token)].slice(0, 20)
    window.localStorage.setItem(SAVED_KEY, JSON.stringify(list))
  } catch {
    // Private mode or storage full: the resident still has the link on screen.
  }
}
