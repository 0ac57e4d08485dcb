/* Staff console: dialogs for operator actions and ECharts charts from the dashboard's stats.json. */
(function () {
  document.querySelectorAll('[data-open]').forEach(function (button) {
    button.addEventListener('click', function () {
      var dialog = document.getElementById(button.getAttribute('data-open'));
      if (dialog && dialog.showModal) { dialog.showModal(); }
    });
  });
  document.querySelectorAll('dialog [data-close]').forEach(function (button) {
    button.addEventListener('click', function () { button.closest('dialog').close(); });
  });
  var main = document.getElementById('main');
  var url = main && main.getAttribute('data-stats');
  if (!url || typeof echarts === 'undefined') { return; }
  var charts = [];
  function draw(element, counts, pie) {
    if (!counts || counts.length === 0) {
      element.textContent = '暂无数据';
      element.classList.add('muted');
      element.style.height = 'auto';
      return;
    }
    var chart = echarts.init(element);
    var option = pie ? {
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: counts.map(function (c) { return { name: c.label, value: c.value }; }) }]
    } : {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: counts.map(function (c) { return c.label; }) },
      series: [{ type: 'bar', itemStyle: { color: '#8a1c1c' }, data: counts.map(function (c) { return c.value; }) }]
    };
    chart.setOption(option);
    charts.push(chart);
  }
  fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (stats) {
    stats.judges = (stats.judges || []).map(function (j) { return { label: j.judge, value: j.scored }; });
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var key = element.getAttribute('data-chart');
      draw(element, stats[key], key === 'byChannel' || key === 'byStatus' || key === 'intakeByStatus');
    });
    document.body.setAttribute('data-charts-ready', 'true');
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
