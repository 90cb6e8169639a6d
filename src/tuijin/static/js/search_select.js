// The search-select widget (core/widgets.py): typing clears the chosen key until a match is picked,
// so a half-typed name is never saved as the record that was there before.
document.addEventListener("input", (event) => {
  const box = event.target.closest("[data-search-select]");
  if (box && event.target.type === "search") box.querySelector("input[type=hidden]").value = "";
});
document.addEventListener("click", (event) => {
  const choice = event.target.closest("[data-choice]");
  if (!choice) return;
  const box = choice.closest("[data-search-select]");
  box.querySelector("input[type=hidden]").value = choice.dataset.choice;
  box.querySelector("input[type=search]").value = choice.querySelector("[data-choice-name]").textContent.trim();
  box.querySelector(".search-select-results").innerHTML = "";
});
