// The console: hash routes (#/orders/12) rendered from the public APIs; no build step.
import { ApiError, checkout, control, gql, mutate, setControlToken } from "./api.js";
import { action, badge, flash, h, json, money, table, when } from "./dom.js";

const main = () => document.getElementById("main");
const STATUSES = ["PENDING", "CONFIRMED", "PROCESSING", "SHIPPED", "ARCHIVED", "CANCELLED"];
const SHOPPER = {
  email: "console.shopper@example.com",
  firstName: "Console",
  lastName: "Shopper",
  address1: "Teststr. 1",
  city: "Stockholm",
  zipCode: "12345",
  country: "SE",
  phoneNumber: "+4684026100",
};

function page(title, ...body) {
  main().replaceChildren(h("h1", {}, title), ...body.flat(Infinity).filter((b) => b || b === 0));
}

function section(title, ...body) {
  return h("section", {}, h("h2", {}, title), ...body);
}

function orderLink(number) {
  return h("a", { href: `#/orders/${number}` }, String(number));
}

async function refreshClock() {
  try {
    const clock = await control("GET", "/clock");
    document.getElementById("clock").textContent =
      `Clock ${when(clock.now)}${clock.frozen ? " (frozen)" : ""}`;
  } catch {
    document.getElementById("clock").textContent = "";
  }
}

// ---------------------------------------------------------------- home

async function home() {
  const [about, scenarios, snapshots, checks] = await Promise.all([
    control("GET", "/about"),
    control("GET", "/scenarios"),
    control("GET", "/snapshots"),
    control("GET", "/invariants"),
  ]);
  const rerender = () => route();
  const freezeAt = h("input", { type: "text", placeholder: "2030-05-01T12:00:00+00:00", "data-testid": "freeze-at" });
  const seconds = h("input", { type: "number", value: "3600", min: "1", "data-testid": "advance-seconds" });
  const snapshotName = h("input", { type: "text", placeholder: "before", "data-testid": "snapshot-name" });
  const scenario = h(
    "select",
    { "data-testid": "scenario" },
    Object.entries(scenarios.scenarios).map(([name]) =>
      h("option", { value: name, selected: name === scenarios.current }, name),
    ),
  );
  page(
    "mockcentra",
    h(
      "div",
      { class: "cards" },
      h(
        "div",
        { class: "card", "data-testid": "served" },
        h("h2", {}, "Served here"),
        table(
          [
            ["What", (s) => s.name],
            ["Where", (s) => h("a", { href: s.url }, s.url)],
            ["Docs", (s) => (s.docs ? h("a", { href: s.docs }, s.docs) : "")],
          ],
          about.served,
        ),
      ),
      h(
        "div",
        { class: "card", "data-testid": "tokens" },
        h("h2", {}, "Tokens"),
        table(
          [
            ["For", (t) => t.name],
            ["Send as", (t) => h("code", {}, t.header)],
            ["Value", (t) => (t.value ? h("code", {}, t.value) : h("span", { class: "muted" }, "configured (not shown)"))],
          ],
          about.tokens,
        ),
        h("p", { class: "muted" }, "Only development defaults are shown; a configured secret never is."),
      ),
      h(
        "div",
        { class: "card", "data-testid": "state" },
        h("h2", {}, "State"),
        h(
          "dl",
          { class: "facts" },
          h("dt", {}, "Version"), h("dd", {}, about.version),
          h("dt", {}, "Database"), h("dd", {}, about.database),
          h("dt", {}, "Scenario"), h("dd", { "data-testid": "current-scenario" }, about.scenario),
          h("dt", {}, "Clock"), h("dd", { "data-testid": "now" }, `${when(about.now)}${about.frozen ? " (frozen)" : ""}`),
          h("dt", {}, "Invariants"),
          h("dd", {}, checks.ok ? badge("all hold", "ok") : h("a", { href: "#/invariants" }, badge(`${checks.violations.length} broken`, "bad"))),
        ),
        h("div", { class: "actions" },
          scenario,
          action("Load scenario", async () => {
            await control("POST", `/scenarios/${scenario.value}/load`);
            return `Scenario ${scenario.value} loaded.`;
          }, { after: rerender, testid: "load-scenario", kind: "secondary" }),
          action("Reset", async () => {
            await control("POST", "/reset");
            return "Back to the scenario's state.";
          }, { after: rerender, testid: "reset", kind: "danger" }),
        ),
      ),
      h(
        "div",
        { class: "card", "data-testid": "clock-card" },
        h("h2", {}, "Clock"),
        h("div", { class: "actions" },
          h("label", {}, "Freeze at (empty: now)", freezeAt),
          action("Freeze", async () => {
            await control("POST", "/clock", { freeze: freezeAt.value || true });
            return "Clock frozen.";
          }, { after: rerender, testid: "freeze" }),
          action("Unfreeze", async () => {
            await control("POST", "/clock", { unfreeze: true });
            return "Clock runs.";
          }, { after: rerender, kind: "secondary", testid: "unfreeze" }),
        ),
        h("div", { class: "actions" },
          h("label", {}, "Seconds", seconds),
          action("Advance", async () => {
            await control("POST", "/clock", { advanceSeconds: Number(seconds.value) });
            return `Clock advanced ${seconds.value} s.`;
          }, { after: rerender, testid: "advance" }),
        ),
      ),
      h(
        "div",
        { class: "card", "data-testid": "snapshots" },
        h("h2", {}, "Snapshots"),
        h("div", { class: "actions" },
          h("label", {}, "Name", snapshotName),
          action("Take snapshot", async () => {
            await control("POST", "/snapshots", { name: snapshotName.value });
            return `Snapshot ${snapshotName.value} taken.`;
          }, { after: rerender, testid: "take-snapshot" }),
        ),
        table(
          [
            ["Name", (n) => n],
            ["", (n) => h("span", { class: "actions" },
              action("Restore", async () => {
                await control("POST", `/snapshots/${encodeURIComponent(n)}/restore`);
                return `Snapshot ${n} restored.`;
              }, { after: rerender, kind: "secondary", testid: `restore-${n}` }),
              h("a", { href: `#/diff?since=${encodeURIComponent(n)}` }, "diff since"))],
          ],
          snapshots.snapshots,
          { testid: "snapshot-list" },
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- orders

const ORDER_LIST = `query($where: OrderFilter, $page: Int) {
  orders(where: $where, sort: [number_DESC], limit: 50, page: $page) {
    number status isOnHold createdAt store { id name }
    ... on DirectToConsumerOrder { customerInfo { email } }
    grandTotal { formattedValue } }
  stores { id name type } }`;

async function orders(params) {
  const where = {};
  if (params.get("status")) where.status = [params.get("status")];
  if (params.get("store")) where.storeId = [Number(params.get("store"))];
  if (params.get("hold")) where.isOnHold = params.get("hold") === "yes";
  const from = params.get("from");
  const to = params.get("to");
  if (from || to) {
    where.createdAt = {};
    if (from) where.createdAt.from = `${from}T00:00:00+00:00`;
    if (to) where.createdAt.to = `${to}T23:59:59+00:00`;
  }
  const data = await gql(ORDER_LIST, { where, page: Number(params.get("page") || 1) });
  const filter = (name, options) =>
    h("label", {}, name, h("select", { name: name.toLowerCase().replace(/ /g, ""), "data-testid": `filter-${name.toLowerCase().replace(/ /g, "")}` },
      h("option", { value: "" }, "any"),
      options.map(([value, text]) => h("option", { value, selected: params.get(name.toLowerCase().replace(/ /g, "")) === String(value) }, text))));
  const form = h(
    "form",
    { class: "inline", "data-testid": "order-filters" },
    filter("Status", STATUSES.map((s) => [s, s])),
    filter("Store", data.stores.map((s) => [s.id, s.name])),
    h("label", {}, "On hold", h("select", { name: "hold", "data-testid": "filter-hold" },
      h("option", { value: "" }, "any"),
      h("option", { value: "yes", selected: params.get("hold") === "yes" }, "on hold"),
      h("option", { value: "no", selected: params.get("hold") === "no" }, "not on hold"))),
    h("label", {}, "Created from", h("input", { type: "date", name: "from", value: from || "", "data-testid": "filter-from" })),
    h("label", {}, "to", h("input", { type: "date", name: "to", value: to || "", "data-testid": "filter-to" })),
    h("button", { type: "submit", "data-testid": "apply-filters" }, "Filter"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) query.set(key, value);
    location.hash = `#/orders?${query}`;
  });
  page(
    "Orders",
    form,
    table(
      [
        ["Number", (o) => orderLink(o.number)],
        ["Status", (o) => badge(o.status)],
        ["On hold", (o) => (o.isOnHold ? badge("on hold", "warn") : "")],
        ["Store", (o) => o.store.name],
        ["Customer", (o) => o.customerInfo?.email || ""],
        ["Total", (o) => o.grandTotal.formattedValue, { num: true }],
        ["Created", (o) => when(o.createdAt)],
      ],
      data.orders,
      { testid: "orders" },
    ),
    await placeOrderForm(data.stores),
  );
}

const SELLABLE = `query($store: [Int!]) { displays(where: {storeId: $store, status: [ACTIVE]}) {
  id name productVariants { name productSizes { id size { name } stockTotals { freeToAllocateQuantity } } } } }`;

/** Place a test order the storefront way (Checkout API): item, address, dummy payment. */
async function placeOrderForm(stores) {
  const store = stores.find((s) => s.type === "DIRECT_TO_CONSUMER");
  if (!store) return "";
  const data = await gql(SELLABLE, { store: [store.id] });
  const items = [];
  for (const display of data.displays) {
    for (const variant of display.productVariants) {
      for (const size of variant.productSizes) {
        const free = size.stockTotals.freeToAllocateQuantity;
        if (free > 0) items.push([`${display.id}-${size.id}`, `${display.name} / ${variant.name} / ${size.size.name} (${free} free)`]);
      }
    }
  }
  const item = h("select", { "data-testid": "place-item" }, items.map(([v, t]) => h("option", { value: v }, t)));
  const quantity = h("input", { type: "number", value: "1", min: "1", "data-testid": "place-quantity" });
  const email = h("input", { type: "email", value: SHOPPER.email, "data-testid": "place-email" });
  return section(
    `Place a test order in ${store.name}`,
    h("div", { class: "actions" },
      h("label", {}, "Item", item),
      h("label", {}, "Quantity", quantity),
      h("label", {}, "Shopper", email),
      action("Place order", async () => {
        const added = await checkout("POST", `items/${item.value}`, { quantity: Number(quantity.value) });
        const receipt = await checkout("POST", "payment", {
          address: { ...SHOPPER, email: email.value },
          paymentMethod: "dummy",
          termsAndConditions: true,
        }, added.token);
        location.hash = `#/orders/${receipt.order}`;
        return `Order ${receipt.order} placed.`;
      }, { testid: "place-order" })),
  );
}

const ORDER = `query($n: [Int!]) { orders(where: {number: $n}) {
  id number status isOnHold isLocked createdAt currencyCode store { name }
  ... on DirectToConsumerOrder { customerInfo { email firstName lastName } }
  voucherCodes
  grandTotal { formattedValue }
  lines { id quantity shippedQuantity returnedQuantity cancelledQuantity productName
    productVariantName size SKU unitPrice { formattedValue } lineValue { formattedValue }
    allocatedQuantity allocations { quantity warehouse { name } } }
  paymentHistory { id createdAt entryType status value { formattedValue } externalReference }
  shipments { id number isGoodToGo isPaid isCaptured isShipped createdAt shippedAt
    grandTotal { formattedValue } lines { id quantity returnedQuantity orderLine { id productName size } } }
  returns { id status createdAt completedAt grandTotal { formattedValue } refundedValue { formattedValue }
    lines { quantity orderLine { productName size } } shipment { number } }
} }`;

async function order(number) {
  const [data, timeline] = await Promise.all([
    gql(ORDER, { n: [number] }),
    control("GET", `/orders/${number}/timeline`).catch(() => ({ timeline: [] })),
  ]);
  const o = data.orders[0];
  if (!o) {
    page(`Order ${number}`, h("p", {}, "No such order."));
    return;
  }
  const again = () => route();
  const ref = { number: o.number };
  const all = (filter) => o.lines.map((l) => ({ orderLine: { id: l.id }, quantity: filter(l) })).filter((l) => l.quantity > 0);
  const toShip = all((l) => l.quantity - l.shippedQuantity);
  const returnable = o.shipments.filter((s) => s.isShipped).flatMap((s) =>
    s.lines.filter((l) => l.quantity > l.returnedQuantity).map((l) => ({ shipment: s, line: l })));
  const actions = h(
    "div",
    { class: "actions", "data-testid": "order-actions" },
    o.status === "PENDING" && action("Confirm", () => mutate(
      `mutation($o: OrderInput!) { confirmOrder(input: {order: $o}) { userErrors { message } } }`,
      { o: ref }, "confirmOrder").then(() => `Order ${o.number} confirmed.`), { after: again, testid: "confirm" }),
    action(o.isOnHold ? "Release hold" : "Hold", () => mutate(
      `mutation($o: OrderInput!, $hold: Boolean!) { updateDirectToConsumerOrder(order: $o, input: {isOnHold: $hold}) { userErrors { message } } }`,
      { o: ref, hold: !o.isOnHold }, "updateDirectToConsumerOrder").then(() => (o.isOnHold ? "Hold released." : "Order on hold.")),
    { after: again, kind: "secondary", testid: o.isOnHold ? "release" : "hold" }),
    toShip.length > 0 && action("Create shipment (capture)", () => mutate(
      `mutation($o: OrderInput!, $lines: [ShipmentLineInput!]!) { createShipment(input: {order: $o, lines: $lines, isGoodToGo: true, capture: true}) { shipment { number } userErrors { message } userWarnings { message } } }`,
      { o: ref, lines: toShip }, "createShipment").then((p) => {
        const warned = p.userWarnings?.length ? ` ${p.userWarnings.map((w) => w.message).join(" ")}` : "";
        return `Shipment ${p.shipment.number} created.${warned}`;
      }), { after: again, testid: "create-shipment" }),
    action("Capture order", () => mutate(
      `mutation($o: OrderInput!) { captureOrder(order: $o) { userErrors { message } } }`,
      { o: ref }, "captureOrder").then(() => "Captured."), { after: again, kind: "secondary", testid: "capture-order" }),
    h("a", { href: `#/journal?order=${o.number}` }, "requests"),
  );
  const shipmentActions = (s) => h("span", { class: "actions" },
    !s.isCaptured && action("Capture", () => mutate(
      `mutation($id: Int!) { captureShipment(id: $id) { userErrors { message } } }`, { id: s.id }, "captureShipment")
      .then(() => `Shipment ${s.number} captured.`), { after: again, kind: "secondary", testid: `capture-${s.number}` }),
    !s.isShipped && action("Complete", () => mutate(
      `mutation($id: Int!) { completeShipment(id: $id, input: {shippedAt: "now", shipmentInfo: {carrier: "PostNord", service: "Home", trackingNumber: "CONSOLE1"}}) { userErrors { message } } }`,
      { id: s.id }, "completeShipment").then(() => `Shipment ${s.number} shipped.`), { after: again, testid: `complete-${s.number}` }),
    s.isShipped && s.lines.some((l) => l.quantity > l.returnedQuantity) && action("Return all", () => mutate(
      `mutation($input: ReturnCreateInput!) { createReturn(input: $input) { return { id } userErrors { message } } }`,
      { input: { shipment: { id: s.id }, returnStockActionPolicy: { releaseItemsBackToWarehouse: true },
        lines: s.lines.filter((l) => l.quantity > l.returnedQuantity).map((l) => ({ shipmentLine: { id: l.id }, quantity: l.quantity - l.returnedQuantity })) } },
      "createReturn").then((p) => `Return ${p.return.id} created.`), { after: again, testid: `return-${s.number}` }),
  );
  const refunds = o.paymentHistory.filter((p) => p.entryType === "REFUND");
  page(
    `Order ${o.number}`,
    h("dl", { class: "facts", "data-testid": "order-facts" },
      h("dt", {}, "Status"), h("dd", { "data-testid": "order-status" }, badge(o.status), " ", o.isOnHold ? badge("on hold", "warn") : "", o.isLocked ? badge("locked", "warn") : ""),
      h("dt", {}, "Id"), h("dd", {}, h("code", {}, o.id)),
      h("dt", {}, "Store"), h("dd", {}, o.store.name),
      h("dt", {}, "Customer"), h("dd", {}, o.customerInfo ? `${[o.customerInfo.firstName, o.customerInfo.lastName].filter(Boolean).join(" ")} <${o.customerInfo.email || ""}>` : ""),
      h("dt", {}, "Created"), h("dd", {}, when(o.createdAt)),
      h("dt", {}, "Total"), h("dd", { "data-testid": "order-total" }, o.grandTotal.formattedValue),
      h("dt", {}, "Vouchers"), h("dd", { "data-testid": "order-vouchers" }, o.voucherCodes.join(", ") || "none"),
    ),
    actions,
    section("Lines", table(
      [
        ["Product", (l) => `${l.productName} / ${l.productVariantName}`],
        ["Size", (l) => l.size],
        ["SKU", (l) => l.SKU],
        ["Qty", (l) => l.quantity, { num: true }],
        ["Shipped", (l) => l.shippedQuantity, { num: true }],
        ["Returned", (l) => l.returnedQuantity, { num: true }],
        ["Cancelled", (l) => l.cancelledQuantity, { num: true }],
        ["Allocated", (l) => l.allocations.map((a) => `${a.quantity} in ${a.warehouse.name}`).join(", ") || "0", {}],
        ["Unit price", (l) => l.unitPrice.formattedValue, { num: true }],
        ["Value", (l) => l.lineValue.formattedValue, { num: true }],
      ],
      o.lines, { testid: "lines" })),
    section("Shipments", table(
      [
        ["Number", (s) => s.number],
        ["Good to go", (s) => (s.isGoodToGo ? "yes" : "no")],
        ["Paid", (s) => (s.isPaid ? "yes" : "no")],
        ["Captured", (s) => (s.isCaptured ? "yes" : "no")],
        ["Shipped", (s) => (s.isShipped ? when(s.shippedAt) : "no")],
        ["Units", (s) => s.lines.map((l) => `${l.quantity}× ${l.orderLine.productName} ${l.orderLine.size}`).join(", ")],
        ["Total", (s) => s.grandTotal.formattedValue, { num: true }],
        ["", shipmentActions],
      ],
      o.shipments, { testid: "shipments" })),
    section("Payment history", table(
      [
        ["Id", (p) => p.id, { num: true }],
        ["When", (p) => when(p.createdAt)],
        ["Type", (p) => p.entryType],
        ["Status", (p) => badge(p.status, p.status === "FAILED" ? "bad" : p.status === "SUCCESS" ? "ok" : "")],
        ["Value", (p) => p.value.formattedValue, { num: true }],
        ["Reference", (p) => h("code", {}, p.externalReference || "")],
      ],
      o.paymentHistory, { testid: "payments" })),
    section("Returns", table(
      [
        ["Id", (r) => r.id, { num: true }],
        ["Status", (r) => badge(r.status)],
        ["Shipment", (r) => r.shipment.number],
        ["Units", (r) => r.lines.map((l) => `${l.quantity}× ${l.orderLine.productName} ${l.orderLine.size}`).join(", ")],
        ["Value", (r) => r.grandTotal.formattedValue, { num: true }],
        ["Refunded", (r) => r.refundedValue.formattedValue, { num: true }],
        ["", (r) => (r.status === "COMPLETED" ? when(r.completedAt) : action("Complete", () => mutate(
          `mutation($id: Int!) { completeReturn(id: $id) { userErrors { message } } }`, { id: r.id }, "completeReturn")
          .then(() => `Return ${r.id} completed.`), { after: again, testid: `complete-return-${r.id}` }))],
      ],
      o.returns, { testid: "returns" })),
    section("Refunds", table(
      [
        ["When", (p) => when(p.createdAt)],
        ["Status", (p) => p.status],
        ["Value", (p) => p.value.formattedValue, { num: true }],
      ],
      refunds, { testid: "refunds" })),
    section("Timeline", timelineTable(timeline.timeline)),
  );
}

function timelineTable(entries) {
  return table(
    [
      ["When", (e) => when(e.at)],
      ["Kind", (e) => badge(e.kind)],
      ["What", (e) => e.what],
      ["Request", (e) => (e.request ? h("a", { href: `#/journal?id=${e.request.id}` },
        `#${e.request.id} ${e.request.method} ${e.request.path}${e.request.rootField ? ` ${e.request.rootField}` : ""}`) : h("span", { class: "muted" }, "—"))],
    ],
    entries,
    { testid: "timeline" },
  );
}

// ---------------------------------------------------------------- catalog and parties

const PRODUCTS = `query($page: Int) { warehouses { id name }
  products(limit: 25, page: $page) { id name status productNumber
    variants { id name productSizes { id SKU size { name }
      stockTotals { physicalQuantity allocatedQuantity freeToAllocateQuantity demandQuantity } } } } }`;
const STOCK = `query($ids: [Int!]) { stock(where: {productSizeId: $ids}, limit: 500) {
  physicalQuantity allocatedQuantity freeToAllocateQuantity warehouse { id } productSize { id } } }`;

async function products(params) {
  const data = await gql(PRODUCTS, { page: Number(params.get("page") || 1) });
  const sizes = data.products.flatMap((p) => p.variants.flatMap((v) => v.productSizes.map((s) => ({ product: p, variant: v, size: s }))));
  const levels = sizes.length ? (await gql(STOCK, { ids: sizes.map((s) => s.size.id) })).stock : [];
  const at = new Map(levels.map((l) => [`${l.productSize.id}:${l.warehouse.id}`, l]));
  const cell = (row, warehouse) => {
    const level = at.get(`${row.size.id}:${warehouse.id}`);
    return level ? `${level.physicalQuantity} / ${level.allocatedQuantity} / ${level.freeToAllocateQuantity}` : "";
  };
  page(
    "Products and stock",
    h("p", { class: "muted" }, "Per warehouse: physical / allocated / free to allocate. Totals include demand (ordered, not allocated)."),
    table(
      [
        ["Product", (r) => `${r.product.name} (${r.product.productNumber})`],
        ["Variant", (r) => r.variant.name],
        ["Size", (r) => r.size.size.name],
        ["SKU", (r) => r.size.SKU],
        ...data.warehouses.map((w) => [w.name, (r) => cell(r, w), { num: true }]),
        ["Physical", (r) => r.size.stockTotals.physicalQuantity, { num: true }],
        ["Allocated", (r) => r.size.stockTotals.allocatedQuantity, { num: true }],
        ["Free", (r) => r.size.stockTotals.freeToAllocateQuantity, { num: true }],
        ["Demand", (r) => r.size.stockTotals.demandQuantity, { num: true }],
      ],
      sizes,
      { testid: "stock" },
    ),
    pager("products", params),
  );
}

function pager(path, params) {
  const current = Number(params.get("page") || 1);
  const to = (n) => {
    const query = new URLSearchParams(params);
    query.set("page", n);
    return `#/${path}?${query}`;
  };
  return h("p", {}, current > 1 ? h("a", { href: to(current - 1) }, "← previous") : "", " page ", String(current), " ", h("a", { href: to(current + 1) }, "next →"));
}

async function vouchers() {
  const data = await gql(`{ vouchers(limit: 200) { id name code status method type maxUsages successfulUsages reuse
    startAt stopAt store { name } } }`);
  page("Vouchers", table(
    [
      ["Id", (v) => v.id, { num: true }],
      ["Name", (v) => v.name],
      ["Code", (v) => h("code", {}, v.code || "")],
      ["Status", (v) => badge(v.status, v.status === "ACTIVE" ? "ok" : "")],
      ["Method", (v) => v.method],
      ["Used", (v) => (v.maxUsages ? `${v.successfulUsages} of ${v.maxUsages}` : `${v.successfulUsages}`), { num: true }],
      ["Valid", (v) => `${when(v.startAt)} – ${when(v.stopAt)}`],
      ["Store", (v) => v.store.name],
    ],
    data.vouchers, { testid: "vouchers" }));
}

async function customers(params) {
  const data = await gql(`query($page: Int) { customers(limit: 50, page: $page) { id email firstName lastName isRegistered newsletter createdAt } }`,
    { page: Number(params.get("page") || 1) });
  page("Customers", table(
    [
      ["Id", (c) => c.id, { num: true }],
      ["Email", (c) => c.email],
      ["Name", (c) => [c.firstName, c.lastName].filter(Boolean).join(" ")],
      ["Registered", (c) => (c.isRegistered ? "yes" : "no")],
      ["Newsletter", (c) => (c.newsletter ? "yes" : "no")],
      ["Created", (c) => when(c.createdAt)],
    ],
    data.customers, { testid: "customers" }), pager("customers", params));
}

async function wholesale() {
  const data = await gql(`{ accounts(limit: 100) { id name status market { name } pricelist { name }
    buyers { id email firstName lastName status } } }`);
  page("Wholesale accounts and buyers", table(
    [
      ["Id", (a) => a.id, { num: true }],
      ["Account", (a) => a.name],
      ["Status", (a) => badge(a.status)],
      ["Market", (a) => a.market?.name || ""],
      ["Pricelist", (a) => a.pricelist?.name || ""],
      ["Buyers", (a) => a.buyers.map((b) => `${b.email} (${b.status})`).join(", ")],
    ],
    data.accounts, { testid: "accounts" }));
}

// ---------------------------------------------------------------- events, journal, faults

async function events() {
  const [log, subscriptions, deliveries] = await Promise.all([
    control("GET", "/events?limit=100"),
    control("GET", "/webhooks/subscriptions"),
    control("GET", "/webhooks/deliveries"),
  ]);
  page(
    "Events and webhooks",
    section("Events (newest last)", table(
      [
        ["Id", (e) => e.id, { num: true }],
        ["When", (e) => when(e.createdAt)],
        ["Object", (e) => `${e.objectType} ${e.objectReference}`],
        ["Change", (e) => e.changeType],
        ["Marks", (e) => e.triggers.map((t) => t.trigger).join(", ")],
        ["Data", (e) => h("details", {}, h("summary", {}, "data"), json(e.data))],
      ],
      log.events, { testid: "events" })),
    section("Webhook subscriptions", table(
      [
        ["Id", (s) => s.id, { num: true }],
        ["URL", (s) => s.url],
        ["Version", (s) => s.version],
        ["Active", (s) => (s.active ? "yes" : "no")],
        ["Retries", (s) => s.retries, { num: true }],
      ],
      subscriptions.subscriptions || [], { testid: "subscriptions" })),
    h("div", { class: "actions" }, action("Deliver due webhooks now", async () => {
      const result = await control("POST", "/webhooks/deliver");
      return `${result.attempts} delivery attempt(s).`;
    }, { after: () => route(), testid: "deliver" })),
    section("Deliveries", table(
      [
        ["Id", (d) => d.id, { num: true }],
        ["Subscription", (d) => d.subscriptionId, { num: true }],
        ["Status", (d) => badge(d.status)],
        ["Events", (d) => (d.eventIds || []).join(", ")],
        ["Payload, signature, attempts", (d) => h("details", {}, h("summary", {}, "show"), json(d))],
        ["", (d) => (d.body ? action("Replay", async () => {
          const again = await control("POST", `/webhooks/deliveries/${d.id}/replay`);
          return `Delivery ${d.id} queued again as ${again.id}.`;
        }, { after: () => route(), kind: "secondary", testid: `replay-${d.id}` }) : "")],
      ],
      deliveries.deliveries || [], { testid: "deliveries" })),
  );
}

function refusalView(refusals) {
  if (!refusals || !refusals.length) return "";
  return refusals.map((r) => h("div", { class: "refusal" },
    badge(r.code, "bad"), " ", r.message,
    r.explain ? h("details", { open: true }, h("summary", {}, `why: ${r.explain.rule}`), json(r.explain)) : ""));
}

async function journal(params) {
  const body = await control("GET", "/journal");
  const showReads = params.get("reads") === "1";
  let rows = body.requests.slice().reverse();
  if (params.get("id")) rows = rows.filter((r) => String(r.id) === params.get("id"));
  if (params.get("order")) {
    const n = params.get("order");
    rows = rows.filter((r) => (r.request_body || "").includes(n) || (r.query || "").includes(n));
  }
  if (!showReads) rows = rows.filter((r) => r.source !== "console read");
  const toggle = new URLSearchParams(params);
  toggle.set("reads", showReads ? "0" : "1");
  page(
    "Request journal",
    h("p", {}, h("a", { href: `#/journal?${toggle}` }, showReads ? "hide the console's own reads" : "show the console's own reads"),
      " · ", action("Clear journal", async () => { await control("DELETE", "/journal"); return "Journal cleared."; },
        { after: () => route(), kind: "secondary", testid: "clear-journal" })),
    table(
      [
        ["Id", (r) => r.id, { num: true }],
        ["When", (r) => when(r.at)],
        ["Request", (r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ""}`],
        ["Operation", (r) => r.operation_name || r.root_field || ""],
        ["Status", (r) => badge(String(r.status), r.status >= 400 || r.refusals.length ? "bad" : "ok"), { num: true }],
        ["ms", (r) => r.duration_ms, { num: true }],
        ["Refused because", (r) => refusalView(r.refusals)],
        ["Body", (r) => (r.request_body ? h("details", {}, h("summary", {}, "body"), h("pre", {}, r.request_body)) : "")],
      ],
      rows, { testid: "journal", rowClass: (r) => (r.refusals.length ? "bad" : "") }),
  );
}

async function faults() {
  const state = await control("GET", "/faults");
  const path = h("input", { type: "text", value: "/graphql", "data-testid": "fault-path" });
  const operation = h("input", { type: "text", placeholder: "createShipment", "data-testid": "fault-operation" });
  const status = h("input", { type: "number", value: "503", "data-testid": "fault-status" });
  const times = h("input", { type: "number", placeholder: "always", "data-testid": "fault-times" });
  const domainName = h("select", { "data-testid": "domain-fault" },
    ["psp.authorization", "psp.capture", "psp.refund", "psp.cancel"].map((n) => h("option", { value: n }, n)));
  const outcome = h("select", { "data-testid": "domain-outcome" }, ["decline", "pending"].map((n) => h("option", { value: n }, n)));
  const again = () => route();
  page(
    "Faults",
    section("Route faults", table(
      [
        ["Id", (f) => f.id, { num: true }],
        ["Where", (f) => `${f.method || "any"} ${f.path}${f.operationName ? ` ${f.operationName}` : ""}`],
        ["Answer", (f) => JSON.stringify({ status: f.status, latencyMs: f.latencyMs, drop: f.drop })],
        ["Left", (f) => (f.times ?? "always")],
        ["", (f) => action("Clear", async () => { await control("DELETE", `/faults/${f.id}`); return "Fault cleared."; },
          { after: again, kind: "secondary", testid: `clear-fault-${f.id}` })],
      ],
      state.routes, { testid: "route-faults" })),
    h("div", { class: "actions" },
      h("label", {}, "Path", path), h("label", {}, "Operation", operation),
      h("label", {}, "Status", status), h("label", {}, "Times", times),
      action("Inject", async () => {
        const spec = { path: path.value, status: Number(status.value) };
        if (operation.value) spec.operationName = operation.value;
        if (times.value) spec.times = Number(times.value);
        const made = await control("POST", "/faults", spec);
        return `Fault ${made.id} injected.`;
      }, { after: again, testid: "inject-fault" })),
    section("Payment provider faults", table(
      [["Name", ([n]) => n], ["Outcome", ([, o]) => o],
        ["", ([n]) => action("Clear", async () => { await control("DELETE", `/faults/domain/${n}`); return `${n} cleared.`; },
          { after: again, kind: "secondary", testid: `clear-${n}` })]],
      Object.entries(state.domain || {}), { testid: "domain-faults" })),
    h("div", { class: "actions" }, domainName, outcome,
      action("Set", async () => {
        await control("PUT", `/faults/domain/${domainName.value}`, { outcome: outcome.value });
        return `${domainName.value} answers ${outcome.value}.`;
      }, { after: again, testid: "set-domain-fault" }),
      action("Clear all faults", async () => { await control("DELETE", "/faults"); return "All faults cleared."; },
        { after: again, kind: "danger", testid: "clear-faults" })),
    section("Rate limits", json(await control("GET", "/rate-limits"))),
  );
}

// ---------------------------------------------------------------- diff and invariants

async function diff(params) {
  const since = params.get("since") || "";
  const snapshots = (await control("GET", "/snapshots")).snapshots;
  const body = await control("GET", `/diff${since ? `?since=${encodeURIComponent(since)}` : ""}`);
  const choose = h("select", { "data-testid": "diff-since" },
    h("option", { value: "" }, "the last reset"),
    snapshots.map((n) => h("option", { value: n, selected: n === since }, `snapshot ${n}`)));
  choose.addEventListener("change", () => { location.hash = `#/diff${choose.value ? `?since=${encodeURIComponent(choose.value)}` : ""}`; });
  const tables = Object.entries(body.tables);
  page(
    "What changed",
    h("div", { class: "actions" }, h("label", {}, "Since", choose)),
    h("p", { "data-testid": "diff-summary" }, `${body.changed} row(s) changed since ${body.since === "reset" ? "the last reset" : `snapshot ${body.since}`}.`),
    tables.map(([name, t]) => h("section", { "data-testid": `diff-${name}` },
      h("h2", {}, `${t.entity} (${name}): ${t.inserted} inserted, ${t.updated} updated, ${t.deleted} deleted`),
      t.rows.updated.length ? table(
        [
          ["Key", (c) => JSON.stringify(c.key)],
          ["Changed", (c) => h("span", {}, Object.entries(c.fields).map(([f, v]) =>
            h("div", {}, h("code", {}, f), `: ${JSON.stringify(v.before)} → ${JSON.stringify(v.after)}`)))],
        ],
        t.rows.updated) : "",
      t.rows.inserted.length ? h("details", {}, h("summary", {}, `${t.rows.inserted.length} inserted row(s)`),
        t.rows.inserted.map((r) => json(r.row))) : "",
      t.rows.deleted.length ? h("details", {}, h("summary", {}, `${t.rows.deleted.length} deleted row(s)`),
        t.rows.deleted.map((r) => json(r.row))) : "",
    )),
  );
}

async function invariants() {
  const body = await control("GET", "/invariants");
  page(
    "Invariants",
    h("p", { "data-testid": "invariants-summary" }, body.ok ? badge("all invariants hold", "ok") : badge(`${body.violations.length} violation(s)`, "bad")),
    table([["Rule", (r) => h("code", {}, r)], ["", (r) => (body.violations.some((v) => v.rule === r) ? badge("broken", "bad") : badge("holds", "ok"))]],
      body.rules, { testid: "rules" }),
    section("Violations", table(
      [["Rule", (v) => v.rule], ["What", (v) => v.message], ["Rows", (v) => json(v.rows)]],
      body.violations, { testid: "violations" })),
  );
}

// ---------------------------------------------------------------- routing

const ROUTES = [
  [/^\/?$/, home],
  [/^\/orders$/, orders],
  [/^\/orders\/(\d+)$/, (_params, number) => order(Number(number))],
  [/^\/products$/, products],
  [/^\/vouchers$/, vouchers],
  [/^\/customers$/, customers],
  [/^\/wholesale$/, wholesale],
  [/^\/events$/, events],
  [/^\/journal$/, journal],
  [/^\/faults$/, faults],
  [/^\/diff$/, diff],
  [/^\/invariants$/, invariants],
];

async function route() {
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query || "");
  for (const link of document.querySelectorAll("#nav a")) {
    const target = link.getAttribute("href").slice(1);
    link.classList.toggle("active", target === "/" ? !path || path === "/" : (path || "").startsWith(target));
  }
  const found = ROUTES.find(([pattern]) => pattern.test(path || "/"));
  if (!found) {
    page("Not found", h("p", {}, "No such page."));
    return;
  }
  try {
    await found[1](params, ...(path || "/").match(found[0]).slice(1));
    main().dataset.page = (path || "/").split("/")[1] || "home";
    main().dataset.ready = String(Date.now());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && String(error.message).includes("control")) {
      const input = h("input", { type: "password", "data-testid": "control-token" });
      page("Control token needed", h("p", {}, error.message), h("div", { class: "actions" }, input,
        h("button", { onclick: () => { setControlToken(input.value); route(); } }, "Use it")));
      return;
    }
    page("Something went wrong", h("p", { class: "muted" }, error.message));
    flash(error.message, "bad");
  }
  refreshClock();
}

window.addEventListener("hashchange", route);
route();
