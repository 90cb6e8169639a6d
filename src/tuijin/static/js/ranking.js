// Bar charts of a ranking page (and of the dashboard's ranking section) from the JSON the page
// embeds: start rate and investment completion rate per member, time-proportional progress as a line.
(function () {
  function draw() {
    const source = document.getElementById("ranking-charts");
    if (!source) { return; }
    const charts = JSON.parse(source.textContent);
    const labels = JSON.parse(document.getElementById("ranking-chart-labels").textContent);
    document.querySelectorAll(".tj-ranking-chart").forEach(function (element) {
      const data = charts[Number(element.dataset.chart)];
      if (!data) { return; }
      const existing = echarts.getInstanceByDom(element);
      if (existing) { existing.dispose(); }
      const chart = echarts.init(element);
      // Rotate the names when they would not fit side by side (about 13 px per character).
      const many = data.names.reduce(function (n, name) { return n + name.length; }, 0) * 13 > element.clientWidth;
      chart.setOption({
        tooltip: { trigger: "axis", valueFormatter: (v) => (v === null || v === undefined ? "—" : v.toFixed(1) + "%") },
        legend: { top: 0 },
        grid: { left: 48, right: 24, top: 36, bottom: many ? 80 : 36 },
        xAxis: { type: "category", data: data.names, axisLabel: { interval: 0, rotate: many ? 40 : 0 } },
        yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
        series: [
          { name: labels.start, type: "bar", data: data.start, itemStyle: { color: "#1f6feb" } },
          {
            name: labels.completion, type: "bar", data: data.completion, itemStyle: { color: "#b3261e" },
            markLine: {
              symbol: "none", lineStyle: { type: "dashed", color: "#555" },
              label: { formatter: labels.time_progress + " {c}%", position: "insideEndTop" },
              data: [{ yAxis: data.time_progress }],
            },
          },
        ],
      });
      window.addEventListener("resize", () => chart.resize());
    });
  }
  draw();
  document.body.addEventListener("htmx:afterSwap", draw);
})();
