// whosaid archive UI: vanilla JavaScript, no build step, no CDN. All text
// from the archive goes in through textContent, never as HTML.
'use strict';

const main = document.getElementById('main');
const tooltip = document.getElementById('tooltip');

// el builds an element: el('a', {href: '/x', class: 'y'}, 'text', child...).
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function api(path, options) {
  const resp = await fetch(path, options);
  const body = await resp.json().catch(() => ({error: resp.statusText}));
  if (!resp.ok) throw new Error(body.error || resp.statusText);
  return body;
}

function show(...nodes) { main.replaceChildren(...nodes); }
function showError(err) { show(el('p', {class: 'error'}, String(err.message || err))); }

function link(href, text, attrs) { return el('a', Object.assign({href}, attrs || {}), text); }

// Only http and https URLs become links, whatever the archive holds: a
// javascript: URL would run in the page.
function isWebURL(u) { return typeof u === 'string' && /^https?:\/\/[^\/]/i.test(u); }

// Links inside the app change the page without reloading.
document.addEventListener('click', (e) => {
  const a = e.target.closest('a');
  if (!a || a.target || e.ctrlKey || e.metaKey || !a.href.startsWith(location.origin + '/') || a.pathname.startsWith('/api/')) return;
  e.preventDefault();
  history.pushState(null, '', a.href);
  route();
});
window.addEventListener('popstate', route);

function route() {
  tooltip.hidden = true;
  const path = location.pathname;
  let m;
  if ((m = path.match(/^\/speakers\/(\d+)$/))) return speakerPage(m[1]).catch(showError);
  if ((m = path.match(/^\/articles\/(\d+)$/))) return articlePage(m[1]).catch(showError);
  if (path === '/speakers') return speakersPage().catch(showError);
  if (path === '/upload') return uploadPage();
  if (path === '/sources') return sourcesPage().catch(showError);
  return searchPage().catch(showError);
}

// ---- search ----

const filters = [
  ['q', 'Search statements', 'search', {id: 'q', placeholder: 'words, "a phrase", prefix*, a OR b, -exclude'}],
  ['speaker', 'Speaker', 'text', {}],
  ['since', 'Since', 'date', {}],
  ['until', 'Until', 'date', {}],
  ['about', 'About', 'text', {}],
  ['said_since', 'Said since', 'date', {}],
  ['min_confidence', 'Min. confidence', 'number', {min: 0, max: 1, step: 0.05}],
];

async function searchPage() {
  const params = new URLSearchParams(location.search);
  const form = el('form', {class: 'filters', id: 'search-form'});
  for (const [name, label, type, extra] of filters) {
    form.append(el('label', {}, label, el('input', Object.assign({name, type, value: params.get(name) || ''}, extra))));
  }
  const type = el('select', {name: 'type'}, ['', 'direct', 'indirect', 'mixed'].map(t =>
    el('option', {value: t, selected: params.get('type') === t}, t || 'any')));
  form.append(el('label', {}, 'Type', type), el('button', {type: 'submit'}, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) next.set(k, v);
    history.pushState(null, '', '/?' + next);
    route();
  });
  const results = el('div', {id: 'results'});
  show(form, results);
  const data = await api('/api/search?' + params);
  results.replaceChildren(resultList(data.results, params.get('q') ? 'No statement matches.' : 'The archive is empty.'));
}

function resultList(results, empty) {
  if (!results.length) return el('p', {class: 'muted'}, empty);
  return el('div', {}, results.map(resultCard));
}

function resultCard(r) {
  const speaker = r.speaker
    ? link('/speakers/' + r.speaker.id, r.speaker.name, {class: 'speaker'})
    : el('span', {class: 'speaker'}, r.speaker_as_written || 'unattributed');
  return el('div', {class: 'result'},
    el('div', {class: 'attribution'}, speaker, ' → ', el('span', {class: 'cue'}, r.cue || '(no cue)'), ' → '),
    el('div', {class: 'quote'}, r.context_before, el('span', {class: 'content'}, r.content), r.context_after),
    el('div', {class: 'meta'},
      [r.published || 'undated', r.said_on && 'said ' + r.said_on, r.setting, r.type, 'confidence ' + r.confidence.toFixed(2),
        r.sources + (r.sources === 1 ? ' source' : ' sources')].filter(Boolean).join(' · '),
      ' · ', link('/articles/' + r.article.id, r.article.title || r.article.ext_id, {class: 'article-link'})));
}

// ---- speakers ----

async function speakersPage() {
  const params = new URLSearchParams(location.search);
  const input = el('input', {name: 'q', type: 'search', value: params.get('q') || '', placeholder: 'name'});
  const form = el('form', {class: 'filters'}, el('label', {}, 'Find a speaker', input), el('button', {type: 'submit'}, 'Find'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    history.pushState(null, '', '/speakers?' + new URLSearchParams({q: input.value}));
    route();
  });
  const data = await api('/api/speakers?' + params);
  show(el('h1', {}, 'Speakers'), form, el('table', {id: 'speakers'},
    el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Kind'), el('th', {}, 'Statements')),
    data.speakers.map(s => el('tr', {}, el('td', {}, link('/speakers/' + s.id, s.name)), el('td', {}, s.kind), el('td', {}, s.statements)))));
}

async function speakerPage(id) {
  const [p, statements] = await Promise.all([
    api('/api/speakers/' + id),
    api('/api/search?' + new URLSearchParams({speaker_id: id, limit: 50})),
  ]);
  const counts = (title, list, id) => el('div', {id},
    el('h3', {}, title),
    list.length ? el('ul', {}, list.map(c => el('li', {}, c.label, el('span', {class: 'muted'}, ' ×' + c.n)))) : el('p', {class: 'muted'}, 'none yet'));
  show(
    el('h1', {id: 'speaker-name'}, p.name),
    el('p', {class: 'muted'}, p.kind + ' · ' + p.statements + ' statements'),
    el('h3', {}, 'Statements over time'),
    timelineChart(p.timeline),
    // When the statements were said, where their texts tell, not when
    // they were published.
    el('h3', {}, 'When they said it'),
    timelineChart(p.said_on || [], 'said-on', 'Statements per month said'),
    el('div', {class: 'columns'},
      counts('Also written as', p.aliases, 'aliases'),
      counts('Talks about', p.about || [], 'about'),
      counts('People they speak about', p.people, 'people'),
      counts('Topics', p.topics, 'topics')),
    el('h3', {}, 'Statements, newest first'),
    resultList(statements.results, 'No statements.'));
}

const svgNS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const node = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// timelineChart draws statements per month as bars, months without any
// included, as inline SVG.
function timelineChart(timeline, id = 'timeline', title = 'Statements per month') {
  if (!timeline.length) return el('p', {class: 'muted', id}, 'No dated statements.');
  const byMonth = new Map(timeline.map(c => [c.label, c.n]));
  const months = monthRange(timeline.map(c => c.label));
  const width = 720, height = 160, pad = 24;
  const maxN = Math.max(...timeline.map(c => c.n));
  const bw = (width - 2 * pad) / months.length;
  const chart = svg('svg', {class: 'chart', id, width, height, viewBox: `0 0 ${width} ${height}`, role: 'img'});
  chart.append(svg('title', {}, title));
  months.forEach((label, i) => {
    const n = byMonth.get(label) || 0;
    const h = n ? Math.max(2, (height - 2 * pad) * n / maxN) : 0;
    const bar = svg('rect', {x: pad + i * bw + 1, y: height - pad - h, width: Math.max(1, bw - 2), height: h, 'data-month': label});
    bar.append(svg('title', {}, `${label}: ${n}`));
    chart.append(bar);
  });
  chart.append(svg('text', {x: pad, y: height - 6}, months[0]), svg('text', {x: width - pad, y: height - 6, 'text-anchor': 'end'}, months[months.length - 1]));
  chart.append(svg('text', {x: pad, y: 14}, 'max ' + maxN + ' / month'));
  return chart;
}

// ---- sources ----

// sourcesPage shows who gets quoted: the share of women among the people
// each outlet quotes, month by month, as a line chart, the table behind it
// and a CSV download of the same figures.
async function sourcesPage() {
  const params = new URLSearchParams(location.search);
  const form = el('form', {class: 'filters', id: 'sources-form'},
    el('label', {}, 'Published since', el('input', {name: 'since', type: 'date', value: params.get('since') || ''})),
    el('label', {}, 'Until', el('input', {name: 'until', type: 'date', value: params.get('until') || ''})),
    el('button', {type: 'submit'}, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) next.set(k, v);
    history.pushState(null, '', '/sources?' + next);
    route();
  });
  const query = new URLSearchParams({by: 'outlet,month'});
  for (const k of ['since', 'until']) if (params.get(k)) query.set(k, params.get(k));
  const data = await api('/api/sources?' + query);
  query.set('format', 'csv');
  show(el('h1', {}, 'Who gets quoted'),
    el('p', {class: 'muted'}, 'Share of women among the people each outlet quotes by name, by month of publication; ' +
      'a person counts once per outlet and month, and only people whose gender the articles give count.'),
    form,
    sourcesChart(data.groups),
    el('p', {}, link('/api/sources?' + query, 'Download CSV', {id: 'sources-csv', download: 'whosaid-sources.csv'})),
    sourcesTable(data.groups));
}

const lineColours = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#4b5563'];

// sourcesChart draws one line per outlet (the eight quoting most people)
// of the women's share per month, 0 to 100%, as inline SVG.
function sourcesChart(groups) {
  const dated = groups.filter(g => g.month && g.women_share);
  if (!dated.length) return el('p', {class: 'muted', id: 'sources-chart'}, 'No dated articles with quoted people of known gender.');
  const months = monthRange([...new Set(dated.map(g => g.month))].sort());
  const people = new Map();
  for (const g of dated) people.set(g.outlet, (people.get(g.outlet) || 0) + g.women + g.men);
  const outlets = [...people.keys()].sort((a, b) => people.get(b) - people.get(a) || (a < b ? -1 : 1)).slice(0, lineColours.length);
  const width = 720, height = 260, left = 40, right = 16, top = 16, bottom = 28;
  const x = (m) => months.length === 1 ? (left + width - right) / 2 : left + (width - left - right) * months.indexOf(m) / (months.length - 1);
  const y = (share) => top + (height - top - bottom) * (1 - share);
  const chart = svg('svg', {class: 'chart', id: 'sources-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img'});
  chart.append(svg('title', {}, 'Share of women among people quoted, per outlet and month'));
  for (const pct of [0, 25, 50, 75, 100]) {
    chart.append(svg('line', {class: 'grid', x1: left, x2: width - right, y1: y(pct / 100), y2: y(pct / 100)}),
      svg('text', {x: left - 4, y: y(pct / 100) + 3, 'text-anchor': 'end'}, pct + '%'));
  }
  chart.append(svg('text', {x: left, y: height - 8}, months[0]),
    svg('text', {x: width - right, y: height - 8, 'text-anchor': 'end'}, months[months.length - 1]));
  outlets.forEach((outlet, i) => {
    const colour = lineColours[i];
    const points = dated.filter(g => g.outlet === outlet).sort((a, b) => a.month < b.month ? -1 : 1);
    // A line joins consecutive months only: a month with no figure breaks it.
    let run = [];
    const flush = () => {
      if (run.length > 1) {
        chart.append(svg('polyline', {class: 'share-line', fill: 'none', stroke: colour, 'stroke-width': 2, 'data-outlet': outlet,
          points: run.map(g => `${x(g.month).toFixed(1)},${y(g.women_share.value).toFixed(1)}`).join(' ')}));
      }
      run = [];
    };
    for (const g of points) {
      if (run.length && months.indexOf(g.month) !== months.indexOf(run[run.length - 1].month) + 1) flush();
      run.push(g);
    }
    flush();
    for (const g of points) {
      const dot = svg('circle', {class: 'share-point', cx: x(g.month).toFixed(1), cy: y(g.women_share.value).toFixed(1), r: 3.5, fill: colour,
        'data-outlet': outlet, 'data-month': g.month});
      dot.append(svg('title', {}, `${outlet || '(no outlet)'} ${g.month}: ${percent(g.women_share.value)} women ` +
        `(${g.women} of ${g.women + g.men}; 95% ${percent(g.women_share.low)}–${percent(g.women_share.high)})`));
      chart.append(dot);
    }
  });
  const legend = el('p', {class: 'chart-legend'}, outlets.map((o, i) => {
    const key = svg('svg', {width: 14, height: 10});
    key.append(svg('rect', {width: 14, height: 10, fill: lineColours[i]}));
    return el('span', {}, key, ' ', o || '(no outlet)');
  }));
  return el('div', {}, chart, legend);
}

// monthRange returns every month (YYYY-MM) from the first of the sorted
// months to the last, at most 600.
function monthRange(sorted) {
  const out = [];
  let [y, m] = sorted[0].split('-').map(Number);
  for (;;) {
    const label = y + '-' + String(m).padStart(2, '0');
    out.push(label);
    if (label >= sorted[sorted.length - 1] || out.length >= 600) return out;
    if (++m > 12) { m = 1; y++; }
  }
}

function percent(x) { return (100 * x).toFixed(1) + '%'; }

function sourcesTable(groups) {
  const share = (g, n) => g.statements ? percent(n / g.statements) : '–';
  const head = ['Outlet', 'Month', 'Articles', 'Statements', 'People', 'Women', 'Men', 'Unknown', 'Women %', '95% interval',
    'By people', 'Organisations', 'Groups', 'Unnamed', 'Other'];
  return el('table', {id: 'sources-table'},
    el('tr', {}, head.map(h => el('th', {}, h))),
    groups.map(g => el('tr', {},
      [g.outlet || '(none)', g.month || 'undated', g.articles, g.statements, g.people, g.women, g.men, g.gender_unknown,
        g.women_share ? percent(g.women_share.value) : '–',
        g.women_share ? percent(g.women_share.low) + '–' + percent(g.women_share.high) : '–',
        share(g, g.by_person), share(g, g.by_organization), share(g, g.by_group), share(g, g.by_unnamed), share(g, g.by_other),
      ].map(v => el('td', {}, v)))));
}

// ---- articles ----

async function articlePage(id) {
  const view = await api('/api/articles/' + id);
  const a = view.article;
  show(
    el('h1', {}, a.title || a.ext_id),
    el('p', {class: 'meta'}, [a.published || 'undated', a.ext_id].join(' · '), ' ', isWebURL(a.url) ? link(a.url, 'original', {rel: 'noopener noreferrer', target: '_blank'}) : null),
    renderArticle(view));
}

function legend() {
  return el('p', {class: 'legend'}, el('span', {class: 'seg-speaker'}, 'speaker'), el('span', {class: 'seg-cue'}, 'cue'),
    el('span', {class: 'seg-content'}, 'content'), el('span', {class: 'seg-furniture'}, 'page furniture'));
}

function renderArticle(view) {
  const text = el('div', {class: 'article-text', id: 'article-text'}, view.segments.map(seg => {
    if (!seg.role) return seg.text;
    return el('span', {class: 'seg-' + seg.role, 'data-statement': seg.statement || null}, seg.text);
  }));
  text.addEventListener('mousemove', (e) => {
    const span = e.target.closest('[data-statement]');
    if (!span) { tooltip.hidden = true; return; }
    const st = view.statements[Number(span.dataset.statement) - 1];
    tooltip.replaceChildren(
      el('div', {}, el('b', {}, st.speaker_name || (st.speaker ? st.speaker.text : 'unknown speaker')),
        ' (' + [st.speaker_kind, st.speaker_gender].filter(Boolean).join(', ') + ')'),
      el('div', {}, st.resolution || 'speaker as written'),
      el('div', {}, st.type + ' · confidence ' + st.confidence.toFixed(2) + (st.rule ? ' · ' + st.rule : '')));
    tooltip.hidden = false;
    tooltip.style.left = Math.min(e.clientX + 12, window.innerWidth - 300) + 'px';
    tooltip.style.top = (e.clientY + 16) + 'px';
  });
  text.addEventListener('mouseleave', () => { tooltip.hidden = true; });
  const list = el('ol', {id: 'statement-list'}, view.statements.map(st => el('li', {},
    st.speaker_id ? link('/speakers/' + st.speaker_id, st.speaker_name) : (st.speaker_name || 'unknown'),
    ' → ', st.cue ? st.cue.text : '(no cue)', ' → ', el('span', {class: 'seg-content'}, st.content.text),
    el('span', {class: 'muted'}, ` ${st.type}, ${st.confidence.toFixed(2)}`))));
  return el('div', {}, legend(), text, el('h3', {}, view.statements.length + ' statements'), list);
}

// ---- upload ----

function uploadPage() {
  const area = el('textarea', {id: 'upload-text', placeholder: 'Paste an article here, or drop a text file on this box.'});
  const out = el('div', {id: 'upload-result'});
  const drop = el('div', {class: 'drop'}, area);
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = e.dataTransfer.files[0];
    if (file) { area.value = await file.text(); analyse(); }
  });
  async function analyse() {
    try {
      out.replaceChildren(renderArticle(await api('/api/extract', {method: 'POST', body: area.value, headers: {'Content-Type': 'text/plain; charset=utf-8'}})));
    } catch (err) {
      out.replaceChildren(el('p', {class: 'error'}, err.message));
    }
  }
  show(el('h1', {}, 'Try an article'), el('p', {class: 'muted'}, 'Nothing is stored.'), drop,
    el('p', {}, el('button', {id: 'analyse', onclick: analyse}, 'Find statements')), out);
}

route();
