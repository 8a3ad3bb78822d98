// Footwork clinician dashboard: the worklist, one patient's figures and charts, live updates.
// Every call carries the bearer token; the live stream is read with fetch() because EventSource
// cannot send an Authorization header.
(() => {
  'use strict';

  const TOKEN_KEY = 'footwork.token';
  const state = { token: null, patient: null, page: 0, size: 20, stream: null, charts: {} };
  const $ = (selector) => document.querySelector(selector);

  function readFragment() {
    const params = new URLSearchParams(location.hash.slice(1));
    if (params.get('token')) {
      sessionStorage.setItem(TOKEN_KEY, params.get('token'));
    }
    state.token = sessionStorage.getItem(TOKEN_KEY);
    state.patient = params.get('patient');
    // the token never stays in the address bar or the history
    history.replaceState(null, '', location.pathname + location.search + patientFragment());
  }

  function patientFragment() {
    return state.patient ? '#patient=' + encodeURIComponent(state.patient) : '';
  }

  function progressPath(patient) {
    return '/api/v1/patients/' + encodeURIComponent(patient) + '/progress';
  }

  async function problem(response) {
    let text = response.status + ' ' + response.statusText;
    try {
      const body = await response.json();
      text = (body.title || text) + (body.detail ? ': ' + body.detail : '');
    } catch (notJson) {
      // keep the status line
    }
    const error = new Error(text);
    error.status = response.status;
    return error;
  }

  async function api(path) {
    const response = await fetch(path, {
      headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' },
    });
    if (!response.ok) {
      throw await problem(response);
    }
    return response.json();
  }

  function show(message) {
    const element = $('#message');
    element.textContent = message || '';
    element.hidden = !message;
  }

  function live(on) {
    const element = $('#live-status');
    element.textContent = on ? 'live' : 'not connected';
    element.className = 'live ' + (on ? 'on' : 'off');
  }

  function format(field, value) {
    if (value === null || value === undefined) {
      return '–';
    }
    if (Array.isArray(value)) {
      return value.length ? value.join(', ') : 'none';
    }
    if (field === 'lastActivityAt') {
      return new Date(value).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
    }
    if (typeof value === 'number' && !Number.isInteger(value)) {
      return value.toFixed(1);
    }
    return String(value);
  }

  async function loadWorklist() {
    const page = await api('/api/v1/worklist?page=' + state.page + '&size=' + state.size);
    const rows = page.items.map((item) => {
      const row = document.createElement('tr');
      row.dataset.patient = item.patientRef;
      row.tabIndex = 0;
      row.classList.toggle('selected', item.patientRef === state.patient);
      const cells = [
        item.patientRef,
        item.riskScore,
        null,
        format('', item.adherenceLast7DaysPercent),
        format('', item.adherencePercent),
        item.maxPain,
        item.painTrend,
        format('', item.nextReassessmentOn),
        format('lastActivityAt', item.lastActivityAt),
      ];
      cells.forEach((text, index) => {
        const cell = document.createElement('td');
        if (index === 2) {
          cell.className = 'flags';
          item.flags.forEach((flag) => {
            const badge = document.createElement('span');
            badge.textContent = flag;
            cell.append(badge);
          });
        } else {
          cell.textContent = String(text);
        }
        row.append(cell);
      });
      row.addEventListener('click', () => select(item.patientRef));
      row.addEventListener('keydown', (event) => event.key === 'Enter' && select(item.patientRef));
      return row;
    });
    $('#worklist tbody').replaceChildren(...rows);
    $('#page-info').textContent =
      'page ' + (page.page + 1) + ' of ' + Math.max(page.totalPages, 1) + ' · ' +
      page.totalItems + ' patient' + (page.totalItems === 1 ? '' : 's');
    $('#previous-page').disabled = page.page === 0;
    $('#next-page').disabled = page.page + 1 >= page.totalPages;
  }

  function chart(id) {
    if (!state.charts[id]) {
      state.charts[id] = echarts.init(document.getElementById(id));
    }
    return state.charts[id];
  }

  function render(summary) {
    document.querySelectorAll('#patient [data-field]').forEach((element) => {
      element.textContent = format(element.dataset.field, summary[element.dataset.field]);
    });
    const exercises = summary.exercises || [];
    chart('chart-volume').setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 16, bottom: 70 },
      xAxis: {
        type: 'category',
        data: exercises.map((e) => e.exerciseId + ' (' + e.side.toLowerCase() + ')'),
        axisLabel: { rotate: 30 },
      },
      yAxis: { type: 'value', name: 's' },
      series: [{ name: 'Volume', type: 'bar', data: exercises.map((e) => e.volume) }],
    }, true);
  }

  function renderWeeks(weeks) {
    const labels = weeks.map((w) => 'W' + w.week);
    chart('chart-adherence').setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ name: 'Adherence %', type: 'bar', data: weeks.map((w) => w.adherencePercent) }],
    }, true);
    chart('chart-pain').setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['Mean pain', 'Max pain'] },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', min: 0, max: 10 },
      series: [
        { name: 'Mean pain', type: 'line', data: weeks.map((w) => w.meanPain) },
        {
          name: 'Max pain',
          type: 'line',
          data: weeks.map((w) => (w.completedSessions ? w.maxPain : null)),
          markLine: { silent: true, symbol: 'none', data: [{ yAxis: 5, name: 'limit' }] },
        },
      ],
    }, true);
  }

  async function loadWeeks(patient) {
    const series = await api(progressPath(patient) + '/weeks');
    if (state.patient === patient) {
      renderWeeks(series.weeks);
    }
  }

  async function select(patient) {
    state.patient = patient;
    history.replaceState(null, '', location.pathname + location.search + patientFragment());
    document.querySelectorAll('#worklist tbody tr').forEach((row) => {
      row.classList.toggle('selected', row.dataset.patient === patient);
    });
    $('#patient').hidden = false;
    try {
      show('');
      render(await api(progressPath(patient)));
      await loadWeeks(patient);
      follow(patient);
    } catch (error) {
      show(error.message);
    }
  }

  async function follow(patient) {
    if (state.stream) {
      state.stream.abort();
    }
    const controller = new AbortController();
    state.stream = controller;
    let delay = 1000;
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(progressPath(patient) + '/stream', {
          headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok) {
          throw await problem(response);
        }
        live(true);
        delay = 1000;
        await readEvents(response, (summary) => update(patient, summary));
      } catch (error) {
        if (controller.signal.aborted) {
          return;
        }
        if (error.status === 401 || error.status === 403 || error.status === 404) {
          show(error.message);
          live(false);
          return;
        }
      }
      live(false);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30000);
    }
  }

  async function readEvents(response, onEvent) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value.replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (data) {
          await onEvent(JSON.parse(data));
        }
      }
    }
  }

  async function update(patient, summary) {
    if (state.patient !== patient) {
      return;
    }
    render(summary);
    try {
      await loadWeeks(patient);
      await loadWorklist();
    } catch (error) {
      show(error.message);
    }
  }

  async function start() {
    readFragment();
    if (!state.token) {
      $('#sign-in').hidden = false;
      return;
    }
    $('#sign-in').hidden = true;
    $('#board').hidden = false;
    try {
      await loadWorklist();
      if (state.patient) {
        await select(state.patient);
      }
    } catch (error) {
      show(error.message);
    }
  }

  $('#token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('#token-input').value.trim());
    start();
  });
  $('#previous-page').addEventListener('click', () => {
    state.page = Math.max(0, state.page - 1);
    loadWorklist().catch((error) => show(error.message));
  });
  $('#next-page').addEventListener('click', () => {
    state.page += 1;
    loadWorklist().catch((error) => show(error.message));
  });
  window.addEventListener('resize', () => Object.values(state.charts).forEach((c) => c.resize()));
  start();
})();
