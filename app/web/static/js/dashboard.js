// The head of the centre's dashboard: draws each split's chart with Apache ECharts from the JSON
// data block the page renders (the same numbers as the tables beside the charts). Without
// JavaScript, or without the library, the page shows the tables only (the charts stay hidden).
//
// Readable without colour: every series has its own pattern (decal), shown in the legend too, a
// dark outline, and a direct label (the value on each bar; "name: value" on the horizontal bars);
// the colours (Okabe-Ito, told apart by the colour-blind) are only a help. A zero bar is not
// labelled (the table has it). The chart is one image to a screen reader
// (role="img" with a label naming the table beside it, which holds every number).
(function () {
  'use strict';

  var block = document.getElementById('dashboard-data');
  if (!block || !window.echarts) { return; }
  var data = JSON.parse(block.textContent);
  var english = (document.documentElement.lang || 'pl').indexOf('en') === 0;
  var locale = english ? 'en-GB' : 'pl-PL';
  var whole = new Intl.NumberFormat(locale, {maximumFractionDigits: 0});
  var money = new Intl.NumberFormat(locale, {minimumFractionDigits: 2, maximumFractionDigits: 2});
  var INK = '#1b2430';
  var COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];
  // Diagonal stripes, dots, horizontal lines: one pattern per series.
  var DECALS = [
    {symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 4], rotation: -Math.PI / 4,
     color: 'rgba(255,255,255,0.75)'},
    {symbol: 'circle', symbolSize: 0.9, dashArrayX: [[4, 4], [0, 4, 4, 0]], dashArrayY: [4, 0],
     color: 'rgba(255,255,255,0.85)'},
    {symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: 0,
     color: 'rgba(255,255,255,0.75)'}
  ];
  var COUNTS = ['opened', 'granted', 'refused'];
  var TEXT = {color: INK, fontSize: 13, fontFamily: 'system-ui, sans-serif'};

  function zl(value) { return money.format(Number(value)) + '\u00a0zł'; }

  function base() {
    return {
      animation: false,
      aria: {enabled: false},  // the container's role="img" label names the table instead
      textStyle: TEXT,
      color: COLOURS,
      legend: {top: 0, textStyle: TEXT, itemWidth: 28, itemHeight: 14},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}}
    };
  }

  function monthBars(split) {
    var option = base();
    var labelled = split.labels.length <= 12;
    option.grid = {left: 48, right: 24, top: 44, bottom: 40};
    option.xAxis = {type: 'category', data: split.labels, axisLabel: TEXT};
    option.yAxis = {type: 'value', minInterval: 1, axisLabel: TEXT};
    option.tooltip.valueFormatter = function (v) { return whole.format(v); };
    option.series = COUNTS.map(function (key, i) {
      return {
        name: data.series[key], type: 'bar', data: split[key], barMaxWidth: 28,
        itemStyle: {color: COLOURS[i], decal: DECALS[i], borderColor: INK, borderWidth: 1},
        label: {show: labelled, position: 'top', color: INK, fontSize: 12,
                formatter: function (p) { return p.value ? whole.format(p.value) : ''; }}
      };
    });
    return option;
  }

  function amountBars(split) {
    var option = base();
    option.grid = {left: 90, right: 24, top: 40, bottom: 40};
    option.xAxis = {type: 'category', data: split.labels, axisLabel: TEXT};
    option.yAxis = {type: 'value', axisLabel: {color: INK, formatter: function (v) { return whole.format(v); }}};
    option.tooltip.valueFormatter = zl;
    option.series = [{
      name: data.series.amount, type: 'bar', data: split.amount.map(Number), barMaxWidth: 48,
      itemStyle: {color: COLOURS[0], decal: DECALS[0], borderColor: INK, borderWidth: 1},
      label: {show: split.labels.length <= 12, position: 'top', color: INK, fontSize: 12,
              formatter: function (p) { return zl(p.value); }}
    }];
    return option;
  }

  function groupedBars(split) {
    var option = base();
    var widest = Math.max.apply(null, split.labels.map(function (l) { return l.length; }));
    option.grid = {left: Math.min(320, 20 + widest * 7), right: 150, top: 40, bottom: 30};
    option.yAxis = {type: 'category', data: split.labels, inverse: true,
                    axisLabel: {color: INK, fontSize: 13, width: 300, overflow: 'break'}};
    option.xAxis = {type: 'value', minInterval: 1, axisLabel: TEXT};
    option.tooltip.valueFormatter = function (v) { return whole.format(v); };
    option.series = COUNTS.map(function (key, i) {
      return {
        name: data.series[key], type: 'bar', data: split[key], barMaxWidth: 18,
        itemStyle: {color: COLOURS[i], decal: DECALS[i], borderColor: INK, borderWidth: 1},
        label: {show: true, position: 'right', color: INK, fontSize: 12,
                formatter: function (p) {
                  return p.value ? p.seriesName + ': ' + whole.format(p.value) : '';
                }}
      };
    });
    return option;
  }

  var DRAW = {
    month: monthBars, amount: function () { return amountBars(data.month); },
    benefit: groupedBars, reason: groupedBars
  };
  var charts = [];
  document.querySelectorAll('.dash-chart[data-chart]').forEach(function (figure) {
    var kind = figure.getAttribute('data-chart');
    var split = kind === 'amount' ? data.month : data[kind];
    var canvas = figure.querySelector('.dash-canvas');
    figure.hidden = false;
    if (kind === 'benefit' || kind === 'reason') {
      canvas.style.height = Math.max(240, 80 + split.labels.length * 3 * 24) + 'px';
    }
    var chart = window.echarts.init(canvas, null, {renderer: 'svg'});
    chart.setOption(DRAW[kind](split));
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
}());
