/* global window, document, URL, MutationObserver */
/*! Practice Hub embed loader · MIT licence · our own code, no dependencies.
 *
 * Host pages write:
 *   <div data-practice-hub-embed="/embed/scripts?count=5" data-title="最新宣讲稿"></div>
 *   <script src="https://portal.example.cn/embed.js" async></script>
 *
 * For each such element it creates a lazy, borderless, full-width iframe of the widget (paths are
 * resolved against where this script lives, so a static copy under a base path works too). The
 * widget posts its height; we accept it only from the widget's origin and only from the window of
 * the very iframe it belongs to. Changing the attribute later reloads the widget.
 */
;(function () {
  'use strict'
  var script = document.currentScript
  var src = script && script.src
  if (!src) {
    var candidates = document.querySelectorAll('script[src*="embed.js"]')
    src = candidates.length ? candidates[candidates.length - 1].src : ''
  }
  if (!src || typeof URL !== 'function') return
  var base = new URL('.', src)
  var origin = base.origin
  var registry = (window.__practiceHubEmbed = window.__practiceHubEmbed || {})
  if (registry[origin]) {
    registry[origin].scan()
    return
  }
  var ATTR = 'data-practice-hub-embed'
  var frames = {}
  var counter = 0

  function widgetUrl(value) {
    var path = String(value || '').trim()
    if (!/^\/?embed(\/|$)/.test(path)) return null
    var url = new URL(path.replace(/^\/+/, ''), base)
    return url.origin === origin ? url.href : null
  }

  function hello(id, frame) {
    if (frame.contentWindow) {
      frame.contentWindow.postMessage({ type: 'practice-hub:hello', id: id }, origin)
    }
  }

  function mount(el) {
    var url = widgetUrl(el.getAttribute(ATTR))
    if (!url) return
    var frame = el.__practiceHubFrame
    if (frame && frame.getAttribute('data-widget') === url) return
    if (!frame) {
      var id = 'ph-' + ++counter + '-' + Math.random().toString(36).slice(2, 8)
      frame = document.createElement('iframe')
      frame.setAttribute('title', el.getAttribute('data-title') || '文明实践资源')
      frame.setAttribute('loading', 'lazy')
      frame.setAttribute('scrolling', 'no')
      frame.setAttribute('allow', 'fullscreen')
      frame.setAttribute('allowfullscreen', '')
      frame.setAttribute('data-embed-id', id)
      frame.style.cssText = 'display:block;width:100%;border:0;height:360px;overflow:hidden'
      frame.addEventListener('load', function () {
        hello(id, frame)
      })
      frames[id] = frame
      el.__practiceHubFrame = frame
      el.appendChild(frame)
    }
    frame.setAttribute('data-widget', url)
    frame.src = url
  }

  function scan() {
    var els = document.querySelectorAll('[' + ATTR + ']')
    for (var i = 0; i < els.length; i++) mount(els[i])
  }
  registry[origin] = { scan: scan }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return
    var data = event.data
    if (!data || data.type !== 'practice-hub:height' || typeof data.id !== 'string') return
    var frame = frames[data.id]
    if (!frame || event.source !== frame.contentWindow) return
    var height = Math.round(Number(data.height))
    if (!(height >= 0)) return
    frame.style.height = Math.min(height, 20000) + 'px'
  })

  if (typeof MutationObserver === 'function') {
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var record = records[i]
        if (record.type === 'attributes') mount(record.target)
        else scan()
      }
    }).observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: [ATTR],
    })
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan)
  else scan()
})()
