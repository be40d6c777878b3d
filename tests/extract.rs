//! The article extractor on pages of our own writing, natively (`pith::html::extract`), one
//! test per Readability rule the core ports (`src/extract/`).
#![cfg(all(feature = "html", not(target_arch = "wasm32")))]

use pith::html::extract;

/// A paragraph of article text, `n`-th of its kind, long enough to be scored (commas too).
fn para(n: usize) -> String {
    format!(
        "<p>Paragraph {n} of the story tells how the river rose, how the town council met at \
         night, and how volunteers carried sandbags to the bridge before the water came.</p>"
    )
}

fn paras(n: usize) -> String {
    (0..n).map(para).collect()
}

fn page(title: &str, body: &str) -> String {
    format!("<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>")
}

fn text(body: &str) -> String {
    extract(&page("Flood night", body)).text
}

#[test]
fn the_article_container_wins_over_navigation() {
    let body = format!(
        "<div class='nav'><a href='/a'>Home</a> <a href='/b'>World</a></div>\
         <div class='story'>{}</div>",
        paras(6)
    );
    let t = text(&body);
    assert!(
        t.contains("Paragraph 0") && t.contains("Paragraph 5"),
        "{t}"
    );
    assert!(!t.contains("World"), "{t}");
}

#[test]
fn unlikely_candidates_are_removed_unless_maybe_or_in_a_table() {
    let body = format!(
        "<div class='story'>{}<div class='sidebar'>Sidebar words here, many of them, more.</div>\
         <div class='sidebar-content-column'><p>Kept column text stays in the article, it \
         says so, and it is long enough.</p></div>\
         <table><tr><td><span class='menu'>Menu inside a table cell stays.</span></td></tr>\
         </table></div>",
        paras(5)
    );
    let t = text(&body);
    assert!(!t.contains("Sidebar words"), "{t}");
    assert!(t.contains("Kept column text"), "{t}");
    assert!(t.contains("Menu inside a table"), "{t}");
}

#[test]
fn the_byline_is_not_article_text_and_the_headline_leads_it_once() {
    // Readability drops the headline that repeats the title (its reader view prints the
    // title); pith keeps it as the article's first line, where it is, once.
    let body = format!(
        "<div class='story'><h1>Flood night</h1><p class='byline'>By A. Writer</p>{}</div>",
        paras(5)
    );
    let t = text(&body);
    assert!(!t.contains("A. Writer"), "{t}");
    assert!(t.starts_with("Flood night\n\nParagraph 0"), "{t}");
    assert_eq!(t.matches("Flood night").count(), 1, "{t}");
    // Before the article's container, it is put in front of it.
    let body = format!(
        "<div class='top'><h1>Flood night</h1></div><div class='story'>{}</div>",
        paras(5)
    );
    let t = text(&body);
    assert!(t.starts_with("Flood night\n\nParagraph 0"), "{t}");
}

#[test]
fn divs_written_as_paragraphs_are_paragraphs() {
    let divs: String = (0..6)
        .map(|n| format!("<div>Line {n} of a story written in divs, with commas, clauses, and enough words to count.</div>"))
        .collect();
    let body = format!("<div class='nav'><a href='/'>Home</a></div><div id='story'>{divs}</div>");
    let t = text(&body);
    assert!(t.contains("Line 0") && t.contains("Line 5"), "{t}");
    assert!(!t.contains("Home"), "{t}");
}

#[test]
fn loose_text_between_blocks_is_kept_in_order() {
    let body = format!(
        "<div class='story'>Loose opening words of the piece, before any paragraph.{}\
         Loose closing words after the paragraphs.</div>",
        paras(5)
    );
    let t = text(&body);
    let (open, p0, close) = (
        t.find("Loose opening").expect("opening"),
        t.find("Paragraph 0").expect("p0"),
        t.find("Loose closing").expect("closing"),
    );
    assert!(open < p0 && p0 < close, "{t}");
}

#[test]
fn siblings_of_the_container_that_belong_to_it_are_merged() {
    let body = format!(
        "<div><div class='part'>{}</div><div class='ad'><a href='/x'>Buy now</a></div>\
         <div class='part'>{}</div></div>",
        paras(6),
        (6..9).map(para).collect::<String>()
    );
    let t = text(&body);
    assert!(
        t.contains("Paragraph 0") && t.contains("Paragraph 8"),
        "{t}"
    );
    assert!(!t.contains("Buy now"), "{t}");
}

/// Link-dense divs go (a list of links stays, as in Readability: it may be the article's).
#[test]
fn link_lists_share_bars_footers_and_asides_inside_the_article_are_cleaned() {
    let links: String = (0..8)
        .map(|n| format!("<a href='/s{n}'>Other story number {n}</a> "))
        .collect();
    let body = format!(
        "<div class='story'>{}<div>{links}</div>\
         <div class='post-share'>Share this on every network</div>\
         <footer>Footer words of the site</footer><aside>Aside words of the site</aside>{}</div>",
        paras(4),
        (4..6).map(para).collect::<String>()
    );
    let t = text(&body);
    assert!(t.contains("Paragraph 5"), "{t}");
    for gone in ["Other story", "Share this", "Footer words", "Aside words"] {
        assert!(!t.contains(gone), "{gone}: {t}");
    }
}

#[test]
fn data_tables_survive_cleaning() {
    let rows: String = (0..12)
        .map(|n| format!("<tr><td>Row {n}</td><td><a href='/r{n}'>{n}</a></td></tr>"))
        .collect();
    let body = format!(
        "<div class='story'>{}<div><table><thead><tr><th>Name</th><th>Link</th></tr></thead>\
         {rows}</table></div></div>",
        paras(5)
    );
    let t = text(&body);
    assert!(t.contains("Row 11"), "{t}");
}

#[test]
fn headers_weighed_negative_are_dropped() {
    let body = format!(
        "<div class='story'>{}<h2 class='related-heading'>Related coverage</h2>{}</div>",
        paras(3),
        (3..6).map(para).collect::<String>()
    );
    let t = text(&body);
    assert!(!t.contains("Related coverage"), "{t}");
    assert!(t.contains("Paragraph 5"), "{t}");
}

#[test]
fn hidden_elements_are_not_text() {
    let body = format!(
        "<div class='story'>{}<p hidden>Hidden attribute words.</p>\
         <p style='display: none'>Inline hidden words.</p>\
         <p aria-hidden='true'>Aria hidden words.</p></div>",
        paras(5)
    );
    let t = text(&body);
    for gone in ["Hidden attribute", "Inline hidden", "Aria hidden"] {
        assert!(!t.contains(gone), "{gone}: {t}");
    }
}

#[test]
fn a_short_article_in_an_unlikely_container_is_found_by_the_retry() {
    // Everything sits in a "sidebar" container: the first attempt removes it all.
    let body = "<div class='sidebar-wrap'><p>The only text on this page is a short note, \
                written by someone, kept anyway.</p></div>";
    let t = text(body);
    assert!(t.contains("only text on this page"), "{t}");
    // Readers' comments are never the article, even when nothing else is left.
    let body = "<div class='comment-thread'><p>The only text on this page is a reader's \
                comment, written by someone, and it is not an article.</p></div>";
    assert_eq!(text(body), "");
}

#[test]
fn a_page_with_only_loose_text_is_not_empty() {
    assert_eq!(text("  Just words.  "), "Just words.");
}

#[test]
fn text_split_by_double_breaks_is_paragraphs_of_its_div() {
    // Two divs of <br><br>-separated text around a heading: each div is a container of
    // paragraphs, the first the best; the heading between them is no paragraph of the article.
    let lines = |w: &str| {
        (0..4)
            .map(|n| {
                format!(
                    "{w} line {n} of the letter, with commas, and words enough to be read.<br><br>"
                )
            })
            .collect::<String>()
    };
    let body = format!(
        "<div>{}{}</div><h2>Interlude heading</h2><div>{}</div>",
        lines("First"),
        lines("More"),
        lines("Second")
    );
    let t = text(&body);
    assert!(
        t.contains("First line 0") && t.contains("Second line 3"),
        "{t}"
    );
    assert!(!t.contains("Interlude"), "{t}");
}

#[test]
fn a_short_article_keeps_its_byline_out_through_the_retries() {
    // Under 500 characters the looser retries run; each removes the first byline again.
    let body = "<article><p class='byline'>By Iris Vale</p>\
        <p>The ferry ran late on Monday, the council said, after a storm closed the harbour.</p>\
        <p>Passengers waited, some for hours, and the company apologised to them all.</p></article>";
    let t = text(body);
    assert!(t.contains("The ferry ran late"), "{t}");
    assert!(!t.contains("Iris Vale"), "{t}");
}

#[test]
fn a_page_of_links_only_is_empty_but_script_links_are_text() {
    assert_eq!(
        text("<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div> </div>"),
        ""
    );
    // A `javascript:` link is no link (Readability makes it a span): its text is the page's.
    let t = text("<a href='javascript:'><p>First line here.</p><p>Second line.</p></a>");
    assert_eq!(t, "First line here.\n\nSecond line.");
}
