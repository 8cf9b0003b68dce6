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

  var units = document.getElementById('chart-units');
  if (units) {
    var u = read(units);
    new Chart(units, {
      type: 'bar',
      data: { labels: u.labels, datasets: [{ label: '%', data: u.values, backgroundColor: '#8b1515' }] },
      options: {
        indexAxis: 'y', maintainAspectRatio: false,
        // Agency names are long: the axis shows their start, the tooltip and the table below the whole name.
        scales: {
          x: { min: 0, max: 100 },
          y: { ticks: { autoSkip: false, callback: function (value) {
            var label = this.getLabelForValue(value);
            var max = window.innerWidth < 600 ? 18 : 32;
            return label.length > max ? label.slice(0, max - 1) + '…' : label;
          } } }
        },
        plugins: { legend: { display: false } }
      }
    });
  }
});
