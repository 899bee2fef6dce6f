// HQ charts: each element with data-chart="<id>" draws the figures of the JSON script element <id> with ECharts.
// The same figures are in a table on the page; the chart is an aid to the eye, not the only way to read them.
document.querySelectorAll('[data-chart]').forEach(function (element) {
  var figures = JSON.parse(document.getElementById(element.dataset.chart).textContent);
  var markers = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect', 'emptyCircle'];
  var chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { top: 48, left: 56, right: 24, bottom: 32 },
    xAxis: { type: 'category', data: figures.months },
    yAxis: { type: 'value', name: figures.unit },
    series: figures.series.map(function (series, i) {
      // A marker shape per branch as well as a colour: no colour-only cue.
      return { name: series.name, type: 'line', data: series.values, symbol: markers[i % markers.length],
        symbolSize: 8 };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
