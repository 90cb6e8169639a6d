// Draws the programme's structure from the JSON the page embeds; no data is fetched.
(function () {
  const element = document.getElementById("org-chart");
  const data = JSON.parse(document.getElementById("org-chart-data").textContent);
  const colours = { leading_group: "#8f1d17", office: "#b3261e", group: "#5b6b7f", task_force: "#1f6feb", lead_unit: "#1e7b34", member_unit: "#8c959f" };
  function decorate(node) {
    node.itemStyle = { color: colours[node.kind] || "#555", borderColor: colours[node.kind] || "#555" };
    const upper = ["leading_group", "office", "group"].includes(node.kind);
    // The upper levels sit close together on the left; their names go above the node so they never overlap.
    node.label = upper
      ? { position: "top", align: "center", verticalAlign: "bottom", distance: 8, fontWeight: "bold", width: 180, overflow: "break" }
      : { fontWeight: node.kind === "task_force" ? "bold" : "normal" };
    if (node.kind === "task_force" && node.officials) { node.name = node.name + "（" + node.officials + "）"; }
    (node.children || []).forEach(decorate);
    if (node.kind === "task_force") { node.collapsed = false; }
    return node;
  }
  const leaves = (function count(n) { return (n.children || []).length ? n.children.reduce((s, c) => s + count(c), 0) : 1; })(data);
  element.style.height = Math.max(560, leaves * 22) + "px";
  const chart = echarts.init(element);
  chart.setOption({
    tooltip: { trigger: "item", triggerOn: "mousemove" },
    series: [{
      type: "tree", data: [decorate(data)], top: 40, left: 110, bottom: 20, right: 200,
      symbolSize: 9, initialTreeDepth: -1, expandAndCollapse: true, animationDuration: 300,
      label: { position: "left", verticalAlign: "middle", align: "right", fontSize: 13 },
      leaves: { label: { position: "right", verticalAlign: "middle", align: "left" } },
    }],
  });
  chart.on("click", (params) => { if (params.data && params.data.url) { window.location.href = params.data.url; } });
  window.addEventListener("resize", () => chart.resize());
})();
