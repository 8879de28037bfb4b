'use strict';

// An example frontend on the API: choose a season and a cup, see the standings and the top 10's season as a line chart.
// Plain DOM and hand-made SVG; the page's Content-Security-Policy allows scripts, styles and requests to this origin only.

const api = '/api/v1';
const svgNs = 'http://www.w3.org/2000/svg';
const colors = ['#1d4f91', '#d1495b', '#edae49', '#00798c', '#66a182', '#8e6c8a', '#e07a5f', '#3d405b', '#81b29a', '#b5838d'];
const chart = { width: 900, height: 400, left: 56, right: 16, top: 16, bottom: 40 };

const $ = id => document.getElementById(id);
const query = new URLSearchParams(location.search);

async function getJson(path) {
  const response = await fetch(api + path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || problem.title || `${response.status} ${response.statusText}`);
  }
  return response.json();
}

function element(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function svgElement(tag, attributes = {}, text) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function showStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

// Skaters the sources do not name have a sourceRef instead (shown on hover in the table).
const competitorName = c => c.name ?? 'Unnamed skater';
const distanceName = d => (/^\d+$/.test(d) ? `${d} m` : d.replace('-', ' '));
const cupName = cup => `${cup.gender === 'men' ? 'Men' : 'Women'}, ${cup.distances.map(distanceName).join(' and ')}`;

async function loadSeasons() {
  const seasons = (await getJson('/seasons?limit=500')).items;
  $('season').replaceChildren(...seasons.map(s => new Option(s.name, s.id)));
  if (seasons.some(s => s.id === query.get('season'))) {
    $('season').value = query.get('season');
  }
  await loadCups();
}

async function loadCups() {
  const previous = $('cup').value || query.get('cup');
  const cups = (await getJson(`/seasons/${$('season').value}/cups?limit=500`)).items;
  $('cup').replaceChildren(...cups.map(c => new Option(cupName(c), c.id)));
  if (cups.some(c => c.id === previous)) {
    $('cup').value = previous;
  }
  await loadStandings();
}

async function loadStandings() {
  const season = $('season').value;
  const cup = $('cup').value;
  history.replaceState(null, '', `?season=${encodeURIComponent(season)}&cup=${encodeURIComponent(cup)}`);
  showStatus('Loading…');
  const data = await getJson(`/seasons/${season}/cups/${cup}/standings?include=progression`);
  drawTable(data);
  drawChart(data);
  const asOf = data.asOf.occasion ? `after weekend ${data.asOf.occasion}${data.asOf.date ? ` (${data.asOf.date})` : ''}` : 'before the first race';
  showStatus(`${data.standings.length} competitors, ${data.races.length} races, ${asOf}. Source: ${data.source}.`);
}

function drawTable(data) {
  const codes = data.races.map(r => r.code);
  const header = element('tr', {},
    element('th', { textContent: 'Rank' }), element('th', { className: 'name', textContent: 'Competitor' }),
    element('th', { className: 'name', textContent: 'Nation' }), element('th', { textContent: 'Points' }),
    ...data.races.map(r => element('th', { textContent: r.code, title: `${distanceName(r.distance)}, weekend ${r.occasion}${r.date ? `, ${r.date}` : ''}` })));
  const rows = data.standings.map(s => element('tr', {},
    element('td', { textContent: s.tied ? `${s.rank}=` : `${s.rank}` }),
    element('td', { className: 'name', textContent: competitorName(s.competitor), title: s.competitor.sourceRef ?? '' }),
    element('td', { className: 'name', textContent: s.competitor.nationality }),
    element('td', { className: 'points', textContent: `${s.points}` }),
    ...codes.map(code => element('td', { textContent: s.racePoints[code] ?? '' }))));
  $('standings').tHead.replaceChildren(header);
  $('standings').tBodies[0].replaceChildren(...rows);
}

// Steps of 10, 20, 50, 100, 200, 500, … so that the y axis gets four to eight lines.
function niceStep(max) {
  const raw = max / 6;
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map(f => f * power).find(step => step >= raw);
}

function drawChart(data) {
  const svg = $('chart');
  const top = data.standings.slice(0, 10).filter(s => s.progression?.length);
  svg.replaceChildren();
  $('legend').replaceChildren();
  if (top.length === 0) {
    const reason = data.source === 'published' ? 'Only the published final standings are known for this cup: no race by race progression.' : 'No race results yet.';
    svg.append(svgElement('text', { x: chart.width / 2, y: chart.height / 2, 'text-anchor': 'middle' }, reason));
    return;
  }

  const codes = data.races.map(r => r.code);
  const plotWidth = chart.width - chart.left - chart.right;
  const plotHeight = chart.height - chart.top - chart.bottom;
  const step = niceStep(Math.max(...top.flatMap(s => s.progression.map(p => p.total)), 1));
  const yMax = Math.ceil(Math.max(...top.flatMap(s => s.progression.map(p => p.total)), 1) / step) * step;
  const x = i => chart.left + (codes.length === 1 ? plotWidth / 2 : (i * plotWidth) / (codes.length - 1));
  const y = total => chart.top + plotHeight - (total / yMax) * plotHeight;

  for (let value = 0; value <= yMax; value += step) {
    svg.append(svgElement('line', { class: 'grid', x1: chart.left, x2: chart.width - chart.right, y1: y(value), y2: y(value) }));
    svg.append(svgElement('text', { x: chart.left - 8, y: y(value) + 4, 'text-anchor': 'end' }, `${value}`));
  }
  codes.forEach((code, i) => svg.append(svgElement('text', { x: x(i), y: chart.height - chart.bottom + 18, 'text-anchor': 'middle' }, code)));
  svg.append(svgElement('line', { class: 'axis', x1: chart.left, x2: chart.width - chart.right, y1: y(0), y2: y(0) }));

  top.forEach((standing, n) => {
    const color = colors[n % colors.length];
    const points = standing.progression.map(p => `${x(codes.indexOf(p.code)).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ');
    const line = svgElement('polyline', { class: 'series', points, stroke: color });
    line.append(svgElement('title', {}, `${standing.rank}. ${competitorName(standing.competitor)}: ${standing.points} points`));
    svg.append(line);
    const swatch = element('span', { className: 'swatch' });
    swatch.style.background = color;
    $('legend').append(element('li', {}, swatch, `${competitorName(standing.competitor)} (${standing.competitor.nationality}) ${standing.points}`));
  });
}

function run(action) {
  action().catch(error => showStatus(`Could not load: ${error.message}`, true));
}

$('season').addEventListener('change', () => run(loadCups));
$('cup').addEventListener('change', () => run(loadStandings));
run(loadSeasons);
