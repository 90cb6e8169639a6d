// The library's two charts, drawn from the JSON their page embeds; nothing is fetched.
(function () {
  function draw(elementId, dataId, option) {
    const element = document.getElementById(elementId);
    const source = document.getElementById(dataId);
    if (!element || !source) { return; }
    let chart = null;
    function start() {
      // A chart drawn in a hidden tab has no width: it is drawn when its tab is first shown.
      if (chart || element.offsetWidth === 0) { return; }
      chart = echarts.init(element);
      chart.setOption(option(JSON.parse(source.textContent), element));
      window.addEventListener("resize", () => chart.resize());
    }
    document.querySelectorAll('[data-bs-toggle="tab"]').forEach((tab) => tab.addEventListener("shown.bs.tab", start));
    start();
  }

  // Target against achieved per territory or department, the largest gap on top.
  draw("origination-chart", "origination-data", (data) => ({
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0, data: [data.labels.target, data.labels.achieved] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: data.names, inverse: true, axisLabel: { interval: 0 } },
    series: [
      { name: data.labels.target, type: "bar", data: data.target, itemStyle: { color: "#adb5bd" } },
      { name: data.labels.achieved, type: "bar", data: data.achieved, itemStyle: { color: "#0d6efd" } },
    ],
  }));

  // A project's investment: each month, the running total since the start, and the year's plan.
  draw("investment-curve", "curve-data", (data, element) => ({
    tooltip: { trigger: "axis" },
    legend: { top: 0, data: [element.dataset.month, element.dataset.sinceStart, element.dataset.plan] },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: data.months },
    yAxis: { type: "value" },
    series: [
      { name: element.dataset.month, type: "bar", data: data.month, itemStyle: { color: "#9ec5fe" } },
      { name: element.dataset.sinceStart, type: "line", data: data.since_start, itemStyle: { color: "#0d6efd" } },
      { name: element.dataset.plan, type: "line", step: "end", data: data.plan, lineStyle: { type: "dashed" }, itemStyle: { color: "#dc3545" } },
    ],
  }));
})();
