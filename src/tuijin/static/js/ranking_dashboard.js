// The dashboard's stage funnel and monthly investment-completion trend, from the JSON the page embeds.
(function () {
  function draw() {
    const source = document.getElementById("dashboard-data");
    if (!source) { return; }
    const data = JSON.parse(source.textContent);
    const labels = JSON.parse(document.getElementById("ranking-chart-labels").textContent);
    const percent = (v) => (v === null || v === undefined ? "—" : v.toFixed(1) + "%");
    function init(id) {
      const element = document.getElementById(id);
      const existing = echarts.getInstanceByDom(element);
      if (existing) { existing.dispose(); }
      const chart = echarts.init(element);
      window.addEventListener("resize", () => chart.resize());
      return chart;
    }
    init("stage-funnel").setOption({
      tooltip: { trigger: "item", formatter: "{b}: {c}" },
      series: [{
        type: "funnel", sort: "none", left: "10%", width: "80%", minSize: "35%", gap: 2,
        label: { position: "inside", formatter: "{b} {c}" },
        data: data.funnel,
      }],
    });
    init("completion-trend").setOption({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 64, right: 56, top: 36, bottom: 28 },
      xAxis: { type: "category", data: data.trend.months },
      yAxis: [
        { type: "value", name: labels.completed, nameTextStyle: { align: "left" } },
        { type: "value", axisLabel: { formatter: "{value}%" } },
      ],
      series: [
        { name: labels.completed, type: "bar", data: data.trend.completed, itemStyle: { color: "#9db7e0" } },
        { name: labels.cumulative, type: "line", yAxisIndex: 1, data: data.trend.cumulative, itemStyle: { color: "#b3261e" }, tooltip: { valueFormatter: percent } },
        { name: labels.time_progress, type: "line", yAxisIndex: 1, data: data.trend.time_progress, lineStyle: { type: "dashed" }, itemStyle: { color: "#555" }, tooltip: { valueFormatter: percent } },
      ],
    });
  }
  draw();
  document.body.addEventListener("htmx:afterSwap", draw);
})();
