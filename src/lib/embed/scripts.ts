/**
 * Tiny plain scripts for widgets and the embed panel. They are inline `<script data-export="keep">`
 * rather than React client components: exported pages ship no Next runtime, and the exporter keeps
 * exactly these. ES5 on purpose (old WeChat in-app browsers), and no attribute-like `src="…"` text inside,
 * which the exporter and crawlers would take for a link.
 */

/**
 * Inside a widget: applies theme, layout, accent and count from `location.search` (so they work in
 * the static export too), then, once the loader on the parent page says hello with an id, posts the
 * widget's height to that parent — only to the origin the hello came from, and only for messages
 * from the parent window itself.
 */
export const WIDGET_JS = `(function () {
  var root = document.documentElement
  var q = new URLSearchParams(location.search)
  var theme = q.get('theme')
  if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme)
  var layout = q.get('layout')
  if (layout === 'grid' || layout === 'list') root.setAttribute('data-layout', layout)
  var accent = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((q.get('accent') || '').trim())
  if (accent) {
    var hex = accent[1].length === 3 ? accent[1].replace(/(.)/g, '$1$1') : accent[1]
    root.style.setProperty('--accent', '#' + hex.toLowerCase())
  }
  var box = document.querySelector('[data-embed-root]') || document.body
  var items = document.querySelectorAll('[data-embed-item]')
  var count = parseInt(q.get('count') || box.getAttribute('data-default-count') || '', 10)
  if (!isNaN(count)) {
    count = Math.min(Math.max(count, 1), items.length)
    for (var i = 0; i < items.length; i++) items[i].hidden = i >= count
  }

  var parentOrigin = null
  var id = null
  var last = -1
  function post() {
    if (!parentOrigin || window.parent === window) return
    var height = Math.ceil(box.getBoundingClientRect().height)
    if (height === last) return
    last = height
    window.parent.postMessage({ type: 'practice-hub:height', id: id, height: height }, parentOrigin)
  }
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || window.parent === window) return
    var data = event.data
    if (!data || data.type !== 'practice-hub:hello' || typeof data.id !== 'string') return
    if (!/^https?:\\/\\//.test(event.origin)) return
    parentOrigin = event.origin
    id = data.id
    last = -1
    post()
  })
  if (window.ResizeObserver) new ResizeObserver(post).observe(box)
  else window.addEventListener('resize', post)
  window.addEventListener('load', post)
})()
`

/**
 * The embed panel on portal pages: fills in the codes for wherever the page is served (live
 * portal or a static copy under a base path) and wires the copy buttons.
 */
export const PANEL_JS = `(function () {
  if (window.__practiceHubPanel) return
  window.__practiceHubPanel = true
  function esc(value) {
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  }
  // attr() and the split tag names keep link- and tag-like text out of this script, where the
  // exporter and crawlers would see links or the end of the script.
  function attr(name, value) {
    return ' ' + name + '="' + esc(value) + '"'
  }
  function fill(panel) {
    var widget = new URL(panel.getAttribute('data-src'), location.href)
    var at = widget.pathname.indexOf('/embed/')
    if (at < 0) return
    var base = widget.origin + widget.pathname.slice(0, at)
    var path = widget.pathname.slice(at).replace(/\\/$/, '')
    var title = panel.getAttribute('data-title') || ''
    var codes = {
      iframe: '<iframe' + attr('src', base + path) + attr('title', title) +
        ' width="100%" height="480" style="border:0" loading="lazy"></iframe>',
      loader: '<div' + attr('data-practice-hub-embed', path) + attr('data-title', title) + '></div>\\n' +
        '<scr' + 'ipt' + attr('src', base + '/embed.js') + ' async></scr' + 'ipt>'
    }
    var fields = panel.querySelectorAll('[data-embed-code]')
    for (var j = 0; j < fields.length; j++) {
      var name = fields[j].getAttribute('data-embed-code')
      if (codes[name]) fields[j].value = codes[name]
    }
  }
  var panels = document.querySelectorAll('[data-embed-panel]')
  for (var i = 0; i < panels.length; i++) fill(panels[i])
  // Delegated on the document, so the buttons work even if the framework re-renders the panel.
  document.addEventListener('toggle', function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute('data-embed-panel')) fill(event.target)
  }, true)
  document.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('[data-copy]') : null
    var panel = button && button.closest('[data-embed-panel]')
    if (!panel) return
    var field = panel.querySelector('[data-embed-code="' + button.getAttribute('data-copy') + '"]')
    if (!field) return
    function done() {
      button.textContent = '已复制'
      setTimeout(function () { button.textContent = '复制' }, 2000)
    }
    function fallback() {
      field.select()
      try {
        if (document.execCommand('copy')) done()
      } catch (e) {}
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, fallback)
    } else fallback()
  })
})()
`
