// Small DOM helpers: elements from data, tables, forms, and the flash line.

/** h("a", {href: "#/"}, "Home"): an element; attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table: columns are [heading, row => cell, {num: true}?]. */
export function table(columns, rows, { testid, rowClass } = {}) {
  if (!rows.length) return h("p", { class: "muted", "data-testid": testid }, "Nothing here.");
  return h(
    "table",
    { "data-testid": testid },
    h("thead", {}, h("tr", {}, columns.map(([title, , o]) => h("th", { class: o?.num && "num" }, title)))),
    h(
      "tbody",
      {},
      rows.map((row) =>
        h(
          "tr",
          { class: rowClass ? rowClass(row) : undefined },
          columns.map(([, cell, o]) => h("td", { class: o?.num && "num" }, cell(row))),
        ),
      ),
    ),
  );
}

export function badge(text, kind = "") {
  return h("span", { class: `badge ${kind}` }, text);
}

export function json(value) {
  return h("pre", {}, JSON.stringify(value, null, 2));
}

export function flash(message, kind = "ok") {
  const box = document.getElementById("flash");
  box.replaceChildren(h("div", { class: kind, "data-testid": "flash" }, message));
  if (kind === "ok") setTimeout(() => box.firstChild?.textContent === message && box.replaceChildren(), 6000);
}

/** A button that runs `action` (async), reports its outcome, then calls `after`. */
export function action(label, run, { after, kind, testid, confirmText } = {}) {
  const button = h("button", { type: "button", class: kind, "data-testid": testid }, label);
  button.addEventListener("click", async () => {
    if (confirmText && !window.confirm(confirmText)) return;
    button.disabled = true;
    let outcome;
    try {
      outcome = [await run(), "ok"];
    } catch (error) {
      outcome = [`${label}: ${error.message}`, "bad"];
    }
    button.disabled = false;
    // a refusal may leave a trace too (a FAILED payment entry): show the state either way
    if (after) await after();
    flash(outcome[0] || `${label}: done.`, outcome[1]);
  });
  return button;
}

export function money(value) {
  return value ? value.formattedValue || `${value.value} ${value.currency?.code || ""}` : "";
}

export function when(iso) {
  if (!iso) return "";
  return iso.replace("T", " ").replace(/\.\d+/, "").replace(/([+-]\d\d:\d\d|Z)$/, " $1");
}
