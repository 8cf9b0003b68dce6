// Draws the dashboard charts from the numbers the server wrote on each canvas (data-labels, data-values, "|"-separated).
// No inline script and no data fetched twice: the tables next to the charts hold the same numbers.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  function read(canvas) {
    return {
      labels: (canvas.dataset.labels || '').split('|'),
      values: (canvas.dataset.values || '').split('|').map(function (v) { return v === '' ? null : Number(v); })
    };
  }
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;

  var results = document.getElementById('chart-results');
  if (results) {
    var r = read(results);
    new Chart(results, {
      type: 'doughnut',
      data: {
        labels: r.labels,
        datasets: [{ data: r.values, backgroundColor: ['#1d6b34', '#4f9d69', '#a4201a', '#2f6db5', '#d35f00'] }]
      },
      options: { maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } }
    });
  }

  // Long names (agencies, procedures) show their start on the axis; the tooltip and the tables have them whole.
  function shortLabel(value) {
    var label = this.getLabelForValue(value);
    var max = window.innerWidth < 600 ? 18 : 32;
    return label.length > max ? label.slice(0, max - 1) + '…' : label;
  }
  function horizontalBar(canvas, color, max) {
    if (!canvas) {
      return;
    }
    var d = read(canvas);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: d.labels, datasets: [{ data: d.values, backgroundColor: color }] },
      options: {
        indexAxis: 'y', maintainAspectRatio: false,
        scales: { x: max ? { min: 0, max: max } : { min: 0, ticks: { precision: 0 } },
                  y: { ticks: { autoSkip: false, callback: shortLabel } } },
        plugins: { legend: { display: false } }
      }
    });
  }
  horizontalBar(document.getElementById('chart-online'), '#2f6db5', 100);
  horizontalBar(document.getElementById('chart-late'), '#a4201a', null);

  var trend = document.getElementById('chart-trend');
  if (trend) {
    var t = read(trend);
    var online = (trend.dataset.online || '').split('|').map(function (v) { return v === '' ? null : Number(v); });
    var series = (trend.dataset.series || '|').split('|');
    new Chart(trend, {
      type: 'line',
      data: {
        labels: t.labels,
        datasets: [
          { label: series[0], data: t.values, borderColor: '#1d6b34', backgroundColor: '#1d6b34', spanGaps: true },
          { label: series[1], data: online, borderColor: '#2f6db5', backgroundColor: '#2f6db5', borderDash: [6, 4],
            spanGaps: true }
        ]
      },
      options: { maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } },
                 plugins: { legend: { position: 'bottom' } } }
    });
  }
});
