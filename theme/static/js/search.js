// The search page: asks the site's Pagefind index for the words and filters in the page's address
// (so every search is a link to share), and lists the results. Text from the index is shown as
// text; only the <mark> of a matched word is kept from Pagefind's excerpt.
const PAGE_SIZE = 20;
const form = document.querySelector(".search-form");
const words = form.querySelector("input[name=q]");
const filterBox = form.querySelector(".search-filters");
const selects = [...form.querySelectorAll("select[data-filter]")];
const statusLine = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const asked = new URLSearchParams(window.location.search);

function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text) made.textContent = text;
  return made;
}

function excerpt(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
  const shown = element("p", "document-summary");
  for (const node of parsed ? parsed.childNodes : []) {
    shown.append(node.nodeName === "MARK" ? element("mark", "", node.textContent) : node.textContent);
  }
  return shown;
}

function resultItem(data) {
  const item = element("li", "document-item");
  const heading = element("h2", "document-title");
  const link = element("a", "", data.meta.title || data.url);
  link.href = data.url;
  heading.append(link);
  const facts = [data.meta.category, data.meta.date].filter(Boolean).join(" · ");
  item.append(heading);
  if (facts) item.append(element("p", "document-meta", facts));
  item.append(excerpt(data.excerpt || ""));
  return item;
}

function fillFilters(available) {
  for (const select of selects) {
    const counts = available[select.dataset.filter] || {};
    const names = Object.keys(counts).sort((a, b) => select.dataset.filter === "year"
      ? b.localeCompare(a) : a.localeCompare(b, undefined, {sensitivity: "base"}));
    for (const name of names) {
      const option = element("option", "", `${name} (${counts[name]})`);
      option.value = name;
      select.append(option);
    }
    select.value = asked.get(select.dataset.filter) || "";
    select.addEventListener("change", () => form.requestSubmit());
  }
  filterBox.hidden = false;
}

async function showMore(results, from) {
  const page = await Promise.all(results.slice(from, from + PAGE_SIZE).map(result => result.data()));
  list.append(...page.map(resultItem));
  document.querySelector(".search-more")?.remove();
  if (results.length > from + PAGE_SIZE) {
    const more = element("button", "search-more", "Show more results");
    more.type = "button";
    more.addEventListener("click", () => showMore(results, from + PAGE_SIZE));
    list.after(more);
  }
}

// The index is in parts (the directory's pages, then each year or quarter of documents): the first holds
// Pagefind's script, the others are merged into it, so that one search covers them all.
async function openIndex(base) {
  const pagefind = await import(new URL(form.dataset.index, document.baseURI).href);
  await pagefind.options({baseUrl: base, excerptLength: 30});
  const parts = form.dataset.merged.split(" ").filter(Boolean);
  await Promise.all(parts.map(part => pagefind.mergeIndex(new URL(part, document.baseURI).pathname,
                                                          {baseUrl: base, excerptLength: 30})));
  return pagefind;
}

async function run() {
  words.value = asked.get("q") || "";
  if (!form.dataset.index) {
    statusLine.textContent = "There is nothing to search yet.";
    return;
  }
  const base = new URL(form.action).pathname.replace(/search\/$/, "");
  const pagefind = await openIndex(base);
  fillFilters(await pagefind.filters());
  const filters = Object.fromEntries(selects.filter(s => s.value).map(s => [s.dataset.filter, s.value]));
  const query = words.value.trim();
  if (!query && !Object.keys(filters).length) {
    statusLine.textContent = "Type the words to find, or choose a filter.";
    return;
  }
  const search = await pagefind.search(query || null, {filters});
  const count = search.results.length;
  await showMore(search.results, 0);
  statusLine.textContent = `${count} result${count === 1 ? "" : "s"}${query ? ` for “${query}”` : ""}.`;
}

run().catch(() => {
  statusLine.textContent = "The search could not be loaded. Browse every document by date instead.";
});
