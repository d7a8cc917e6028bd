// The playground page: run the code, show what it printed or why it stopped, and draw its graph.
"use strict";

const byId = (id) => document.getElementById(id);
const labels = JSON.parse(byId("labels").textContent);
const lang = document.documentElement.lang;

// POST a JSON body; resolve to the Response whatever its status (the caller reads errors from it).
function postJSON(url, body) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

// Fill the example picker from the server's list; choosing one loads its code.
async function loadExamples() {
  const select = byId("example");
  const response = await fetch("/api/examples");
  const examples = await response.json();
  for (const example of examples) {
    select.append(new Option(example.title[lang], example.id));
  }
  select.addEventListener("change", () => {
    const chosen = examples.find((example) => example.id === select.value);
    byId("code").value = chosen.code;
  });
}

// Show stdout, PyTorch's warnings, and the error (type, message, where, hint) when the run stopped early.
function showRun(result) {
  byId("stdout").textContent = result.stdout || labels.no_output;
  byId("warnings").replaceChildren(
    ...result.warnings.map((warning) => Object.assign(document.createElement("li"), { textContent: warning })),
  );
  const box = byId("error");
  box.replaceChildren();
  box.hidden = !result.error;
  if (!result.error) return;
  const { type, message, line, column, hint } = result.error;
  const title = document.createElement("p");
  title.className = "error-title";
  const where = line ? ` (${labels.line} ${line}${column ? `, ${labels.column} ${column}` : ""})` : "";
  title.textContent = `${type}: ${message}${where}`;
  box.append(title);
  if (hint) {
    const advice = document.createElement("p");
    advice.className = "hint";
    advice.textContent = `${labels.hint}: ${hint[lang]}`;
    box.append(advice);
  }
}

// Show a failure of the request itself (422, 413, 503 ...) with the server's message.
async function showProblem(response, target) {
  const problem = await response.json().catch(() => ({}));
  const text = document.createElement("p");
  text.className = "error-title";
  text.textContent = problem.message || `${response.status} ${response.statusText}`;
  target.replaceChildren(text);
  const hint = problem.detail && problem.detail.error && problem.detail.error.hint;
  if (hint) {
    const advice = document.createElement("p");
    advice.className = "hint";
    advice.textContent = `${labels.hint}: ${hint[lang]}`;
    target.append(advice);
  }
  const dot = problem.detail && problem.detail.dot;
  if (dot) {
    const source = document.createElement("details");
    source.innerHTML = `<summary>${labels.dot_source}</summary>`;
    const pre = document.createElement("pre");
    pre.textContent = dot;
    source.append(pre);
    target.append(source);
  }
}

const MIN_GRAPH_SCALE = 0.6; // a wide graph shrinks to fit the pane down to this scale, then scrolls
const PX_PER_PT = 4 / 3; // Graphviz sizes SVGs in points

// Shrink a graph wider than its pane to fit, but never so far that its labels become unreadable, unless
// "whole graph" is ticked: then all of it fits, however small.
function fitSvg(svg, pane) {
  const natural = svg.viewBox.baseVal.width * PX_PER_PT;
  const room = pane.clientWidth - 2 * parseFloat(getComputedStyle(pane).paddingLeft);
  const smallest = byId("fit").checked ? 0 : MIN_GRAPH_SCALE;
  const width = Math.min(natural, Math.max(room, natural * smallest));
  svg.setAttribute("width", `${width}px`);
  svg.removeAttribute("height");
}

// Fit the graph on show again (the box ticked or the window resized).
function refit() {
  const svg = byId("graph").querySelector("svg");
  if (svg) fitSvg(svg, byId("graph"));
}

// Place the server's SVG in the page as live SVG elements (parsed, not run).
function showSvg(text) {
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = parsed.documentElement;
  const target = byId("graph");
  if (svg.nodeName !== "svg") {
    target.textContent = labels.no_graph;
    return;
  }
  const placed = document.importNode(svg, true);
  target.replaceChildren(placed);
  fitSvg(placed, target);
}

async function drawGraph(code) {
  const view = byId("view").value;
  const response = await postJSON("/api/graph", { code, format: "svg", view, lang });
  if (response.ok) showSvg(await response.text());
  else await showProblem(response, byId("graph"));
}

async function runCode(code) {
  const response = await postJSON("/api/run", { code, lang });
  if (response.ok) showRun(await response.json());
  else {
    byId("stdout").textContent = "";
    byId("error").hidden = false;
    await showProblem(response, byId("error"));
  }
}

// Run and draw at once (two requests in parallel), keeping the button busy until both have answered.
async function run() {
  const button = byId("run");
  const code = byId("code").value;
  button.disabled = true;
  byId("stdout").textContent = labels.running;
  byId("warnings").replaceChildren();
  try {
    await Promise.all([runCode(code), drawGraph(code)]);
  } catch (error) {
    byId("stdout").textContent = `${labels.failed} (${error.message})`;
  } finally {
    button.disabled = false;
  }
}

byId("run").addEventListener("click", run);
byId("view").addEventListener("change", () => drawGraph(byId("code").value));
byId("fit").addEventListener("change", refit);
window.addEventListener("resize", refit);
byId("code").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
});
loadExamples();
