(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('flame-data').textContent);
  var N = D.p.length, ROW = 18, MIN = 0.4;
  var kids = new Array(N), depth = new Int32Array(N), maxDepth = 0, i;
  for (i = 0; i < N; i++) kids[i] = [];
  for (i = 1; i < N; i++) { kids[D.p[i]].push(i); depth[i] = depth[D.p[i]] + 1; if (depth[i] > maxDepth) maxDepth = depth[i]; }
  var canvas = document.getElementById('flame'), ctx = canvas.getContext('2d');
  var tip = document.getElementById('tip'), status = document.getElementById('status');
  var searchBox = document.getElementById('search'), matchLabel = document.getElementById('match');
  var zoom = 0, boxes = [], rows = [], matches = null, hovered = -1;

  function name(n) { return n === 0 ? 'all' : D.names[D.n[n]]; }
  function kind(n) { return n === 0 ? 'o' : D.kinds.charAt(D.n[n]); }
  function width(n) { return D.diff ? D.w[n] : D.v[n]; }
  function count(v) { return String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function value(v) {
    if (D.weight === 'BYTES') {
      var u = ['B', 'KiB', 'MiB', 'GiB', 'TiB'], x = v, k = 0;
      while (x >= 1024 && k < u.length - 1) { x /= 1024; k++; }
      return k === 0 ? x + ' B' : x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2) + ' ' + u[k];
    }
    if (D.weight === 'NANOS') {
      var s = v / 1e9;
      return s >= 1 ? s.toFixed(s >= 100 ? 0 : 2) + ' s' : s >= 1e-3 ? (s * 1e3).toFixed(2) + ' ms' : (s * 1e6).toFixed(1) + ' \u00b5s';
    }
    return count(v) + (v === 1 ? ' sample' : ' samples');
  }
  function pct(part, whole) { return (whole === 0 ? 0 : 100 * part / whole).toFixed(2) + ' %'; }
  function deltaPoints(n) {
    var b = D.b[0] === 0 ? 0 : 100 * D.b[n] / D.b[0], c = D.c[0] === 0 ? 0 : 100 * D.c[n] / D.c[0];
    return c - b;
  }
  function describe(n) {
    if (!D.diff) {
      var t = name(n) + '\n' + value(D.v[n]) + ' \u2014 ' + pct(D.v[n], D.v[0]) + ' of all';
      if (n !== 0) t += ', ' + pct(D.v[n], D.v[D.p[n]]) + ' of its caller';
      if (n !== 0 && D.s[n] > 0) t += '\nself: ' + value(D.s[n]) + ' (' + pct(D.s[n], D.v[0]) + ')';
      return t;
    }
    var d = deltaPoints(n);
    var only = D.c[n] === 0 ? ' (only in the baseline)' : D.b[n] === 0 ? ' (only in the candidate)' : '';
    return name(n) + '\nbaseline: ' + value(D.b[n]) + ' (' + pct(D.b[n], D.b[0]) + ')\ncandidate: ' + value(D.c[n])
      + ' (' + pct(D.c[n], D.c[0]) + ')\nchange: ' + (d >= 0 ? '+' : '') + d.toFixed(2) + ' points' + only;
  }
  function hashOf(s) { var h = 0; for (var k = 0; k < s.length; k++) h = (h * 31 + s.charCodeAt(k)) | 0; return h; }
  function rgb(c) { return 'rgb(' + c[0] + ',' + c[1] + ',' + c[2] + ')'; }
  function colour(n, context) {
    if (n === 0 || context) return '#c9d1d9';
    if (matches && matches[n]) return '#c4348f';
    if (D.diff) {
      var d = deltaPoints(n), grey = [220, 220, 220];
      if (Math.abs(d) < 0.005) return rgb(grey);
      var t = Math.sqrt(Math.min(1, Math.abs(d) / D.scale)), full = d > 0 ? [215, 48, 39] : [33, 102, 172];
      return rgb([0, 1, 2].map(function (k) { return Math.round(grey[k] + (full[k] - grey[k]) * t); }));
    }
    var base = { a: [232, 133, 61], l: [79, 163, 90], j: [111, 155, 209], o: [176, 183, 191] }[kind(n)];
    var shift = 1 + ((hashOf(name(n)) & 255) / 255 - 0.5) * 0.2;
    return rgb(base.map(function (x) { return Math.max(0, Math.min(255, Math.round(x * shift))); }));
  }
  function ancestors(n) { var p = []; for (var x = n; x >= 0; x = D.p[x]) p.unshift(x); return p; }

  function layout(w) {
    boxes = []; rows = [];
    var path = ancestors(zoom);
    for (var k = 0; k < path.length - 1; k++) add(path[k], 0, w, true);
    place(zoom, 0, w);
  }
  function add(n, x, w, context) {
    var b = { n: n, x: x, w: w, d: depth[n], context: context };
    boxes.push(b);
    (rows[b.d] = rows[b.d] || []).push(b);
  }
  function place(n, x, w) {
    add(n, x, w, false);
    var total = width(n), cx = x, c = kids[n];
    if (total <= 0) return;
    for (var k = 0; k < c.length; k++) {
      var cw = w * width(c[k]) / total;
      if (cw < MIN) break;
      place(c[k], cx, cw);
      cx += cw;
    }
  }
  function draw() {
    var dpr = window.devicePixelRatio || 1, w = canvas.parentNode.clientWidth - 24;
    layout(w);
    // as tall as the frames that are drawn (frames too narrow to draw leave no blank rows above the others)
    var h = Math.max(rows.length, 1) * ROW;
    canvas.style.height = h + 'px';
    canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.font = '11px system-ui,sans-serif'; ctx.textBaseline = 'middle';
    var charW = ctx.measureText('abcdefghijklmnopqrstuvwxyz.').width / 27;
    for (var k = 0; k < boxes.length; k++) {
      var b = boxes[k], y = h - (b.d + 1) * ROW, fill = colour(b.n, b.context);
      ctx.fillStyle = fill;
      ctx.fillRect(b.x, y, Math.max(b.w - 0.5, 0.5), ROW - 1);
      if (b.n === hovered) { ctx.strokeStyle = '#1f2328'; ctx.strokeRect(b.x + 0.5, y + 0.5, Math.max(b.w - 1.5, 0.5), ROW - 2); }
      var fit = Math.floor((b.w - 6) / charW);
      if (fit >= 3) {
        var text = name(b.n);
        if (text.length > fit) text = '\u2026' + text.substring(text.length - fit + 1);
        ctx.fillStyle = fill === '#c4348f' ? '#ffffff' : '#1f2328';
        ctx.fillText(text, b.x + 3, y + ROW / 2);
      }
    }
    crumbs();
  }
  function at(ev) {
    var r = canvas.getBoundingClientRect(), x = ev.clientX - r.left, y = ev.clientY - r.top;
    var d = Math.floor((r.height - y) / ROW), row = rows[d] || [];
    for (var k = 0; k < row.length; k++) if (x >= row[k].x && x < row[k].x + row[k].w) return row[k].n;
    return -1;
  }
  function crumbs() {
    var el = document.getElementById('crumbs'), path = ancestors(zoom);
    el.textContent = '';
    path.forEach(function (n, k) {
      if (k > 0) el.appendChild(document.createTextNode(' \u203a '));
      var a = document.createElement('a');
      a.textContent = name(n);
      a.title = describe(n);
      a.addEventListener('click', function () { zoom = n; draw(); });
      el.appendChild(a);
    });
  }
  function search() {
    var q = searchBox.value, re = null;
    if (q) { try { re = new RegExp(q, 'i'); } catch (e) { re = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'); } }
    if (!re) { matches = null; matchLabel.textContent = ''; draw(); return; }
    matches = new Uint8Array(N);
    var byName = {};
    for (var n = 1; n < N; n++) {
      var id = D.n[n];
      if (!(id in byName)) byName[id] = re.test(D.names[id]);
      matches[n] = byName[id] ? 1 : 0;
    }
    // each sample once: a matching frame's callees are not counted again
    var sums = [0, 0], stack = [0];
    while (stack.length) {
      var x = stack.pop();
      if (x !== 0 && matches[x]) { if (D.diff) { sums[0] += D.b[x]; sums[1] += D.c[x]; } else sums[0] += D.v[x]; continue; }
      for (var k = 0; k < kids[x].length; k++) stack.push(kids[x][k]);
    }
    matchLabel.textContent = D.diff ? 'matched: ' + pct(sums[0], D.b[0]) + ' of the baseline, ' + pct(sums[1], D.c[0]) + ' of the candidate'
      : 'matched: ' + pct(sums[0], D.v[0]) + ' of all';
    draw();
  }
  canvas.addEventListener('mousemove', function (ev) {
    var n = at(ev);
    if (n !== hovered) { hovered = n; draw(); }
    if (n < 0) { tip.style.display = 'none'; status.textContent = ' '; return; }
    tip.textContent = describe(n);
    status.textContent = describe(n).replace(/\n/g, ' \u00b7 ');
    tip.style.display = 'block';
    var tx = ev.clientX + 14, ty = ev.clientY + 14;
    if (tx + tip.offsetWidth > window.innerWidth) tx = Math.max(0, ev.clientX - tip.offsetWidth - 8);
    if (ty + tip.offsetHeight > window.innerHeight) ty = Math.max(0, ev.clientY - tip.offsetHeight - 8);
    tip.style.left = tx + 'px'; tip.style.top = ty + 'px';
  });
  canvas.addEventListener('mouseleave', function () { hovered = -1; tip.style.display = 'none'; draw(); });
  canvas.addEventListener('click', function (ev) { var n = at(ev); if (n >= 0) { zoom = n; draw(); } });
  document.getElementById('reset').addEventListener('click', function () { zoom = 0; draw(); });
  searchBox.addEventListener('input', search);
  window.addEventListener('resize', draw);
  document.getElementById('legend').textContent = D.diff
    ? 'width: the larger of the two shares \u00b7 red: larger share in the candidate, blue: smaller, grey: unchanged'
    : 'orange: application \u00b7 green: libraries \u00b7 blue: JDK \u00b7 click to zoom';
  draw();
  // the root is at the bottom: a deep stack opens scrolled to where the frames are, not on blank space
  var bottom = canvas.getBoundingClientRect().bottom + window.pageYOffset;
  if (bottom > window.innerHeight) window.scrollTo(0, bottom - window.innerHeight + 16);
})();
