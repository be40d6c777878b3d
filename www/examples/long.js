// long.html: builds a ~100,000-word article from the reference article's paragraphs (inserted
// with textContent), then adds <pith-summary>, which analyses texts this long in its worker.
const WORDS = 100_000;
const status = document.getElementById('generated');

async function build() {
  const response = await fetch('/fixtures/missile-defence.txt');
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const paragraphs = (await response.text()).split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const article = document.getElementById('long-read');
  const frag = document.createDocumentFragment();
  let words = 0;
  for (let part = 1; words < WORDS; part++) {
    const heading = document.createElement('h2');
    heading.textContent = `Part ${part}`;
    frag.append(heading);
    // Skip the reference article's headline and "Click to follow" line.
    for (const text of paragraphs.slice(2)) {
      const p = document.createElement('p');
      p.textContent = text;
      frag.append(p);
      words += text.split(/\s+/).length;
    }
  }
  article.append(frag);
  status.textContent = `Article built: ${words.toLocaleString('en')} words.`;

  const widget = document.createElement('pith-summary');
  widget.setAttribute('highlight', '');
  document.getElementById('rail').append(widget);
}

build().catch((err) => {
  status.textContent = `Could not build the article: ${err.message}`;
});
