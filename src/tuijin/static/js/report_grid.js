// The monthly-report grid: Enter moves to the same column of the next row (Tab keeps moving right),
// and the month's totals follow what is typed before the row is saved.
(function () {
  const grid = document.getElementById("report-grid");
  if (!grid) return;

  function number(text) {
    const value = parseFloat(String(text || "").replace(/[,，\s]/g, ""));
    return Number.isFinite(value) ? value : 0;
  }

  function money(value) {
    return value.toFixed(2);
  }

  function recompute() {
    let month = 0;
    let ytd = 0;
    grid.querySelectorAll("tbody tr").forEach(function (row) {
      const input = row.querySelector("input.amount");
      const fixed = row.querySelector(".amount-fixed");
      const amount = input ? number(input.value) : fixed ? number(fixed.dataset.value) : 0;
      month += amount;
      const ytdCell = row.querySelector(".ytd");
      const since = row.querySelector(".since-start");
      if (input && ytdCell) ytdCell.textContent = money(number(ytdCell.dataset.before) + amount);
      if (input && since) since.textContent = money(number(since.dataset.before) + amount);
      const shown = row.querySelector("[id^=ytd-]");
      ytd += shown ? number(shown.textContent) : 0;
    });
    document.getElementById("total-month").textContent = money(month);
    document.getElementById("total-ytd").textContent = money(ytd);
  }

  grid.addEventListener("input", function (event) {
    if (event.target.classList.contains("amount")) recompute();
  });
  document.body.addEventListener("htmx:afterSettle", recompute);

  grid.addEventListener("keydown", function (event) {
    const input = event.target;
    if (event.key !== "Enter" || !input.classList.contains("grid-input")) return;
    event.preventDefault();
    const rows = Array.from(grid.querySelectorAll("tbody tr"));
    const index = rows.indexOf(input.closest("tr"));
    const step = event.shiftKey ? -1 : 1;
    for (let i = index + step; i >= 0 && i < rows.length; i += step) {
      const next = rows[i].querySelector('.grid-input[data-col="' + input.dataset.col + '"]');
      if (next) {
        next.focus();
        if (next.select) next.select();
        return;
      }
    }
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
})();
