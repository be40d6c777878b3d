//! The page's metadata: title, byline, published date, site name, language and excerpt, from
//! JSON-LD, meta tags (OpenGraph, Dublin Core, Twitter, Parse.ly), the document title and a
//! byline element in the page, in Readability's order of preference.

use super::children;
use super::grab::similarity;
use super::json::{self, Value};
use super::rules::{check, BYLINE_MARK, UNLIKELY_MARK};
use super::{NodeKind, Tree};
use crate::util::{words, Words};
use serde::Serialize;

/// What a page says about its article. Every field is optional: pages say little or nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// The article's title.
    pub title: Option<String>,
    /// The author(s), as the page names them.
    pub byline: Option<String>,
    /// When it was published, as the page writes it (usually ISO 8601).
    pub published: Option<String>,
    /// The site or publication.
    pub site_name: Option<String>,
    /// The page's language tag (`<html lang>`).
    pub lang: Option<String>,
    /// The page's own description of the article.
    pub excerpt: Option<String>,
}

/// What one walk over the page collects.
#[derive(Default)]
struct Found {
    /// Meta tags: normalised name (`og:title`) and content, the last of a name kept.
    meta: Vec<(String, String)>,
    title: Option<String>,
    lang: Option<String>,
    json_ld: Vec<String>,
    byline: Option<String>,
}

impl Found {
    fn meta(&self, names: &[&str]) -> Option<String> {
        names.iter().find_map(|n| {
            self.meta
                .iter()
                .find(|(k, v)| k == n && !v.trim().is_empty())
                .map(|(_, v)| clean(v))
        })
    }
}

/// Whitespace runs collapsed, ends trimmed.
fn clean(s: &str) -> String {
    joined(s.split_whitespace())
}

/// Words joined by single spaces (a loop: `join` is a generic copy routine the wasm module
/// would carry only for this).
fn joined<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Reads the metadata of the page under `root` (its `<html>` element).
pub fn read<T: Tree>(tree: &T, root: &T::Node) -> Metadata {
    let found = collect(tree, root);
    let page_title = found
        .title
        .as_deref()
        .map(document_title)
        .unwrap_or_default();
    let ld = found
        .json_ld
        .iter()
        .find_map(|t| json_ld(t, &page_title))
        .unwrap_or_default();
    let or = |a: Option<String>, b: Option<String>| a.or(b);
    Metadata {
        title: or(
            ld.title,
            found.meta(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ]),
        )
        .or_else(|| found.title.as_deref().map(document_title)),
        byline: or(
            ld.byline,
            found.meta(&["dc:creator", "dcterm:creator", "author", "parsely-author"]),
        )
        .or_else(|| {
            found
                .meta(&["article:author"])
                .filter(|a| !a.contains("://"))
        })
        .or(found.byline.clone()),
        published: or(
            ld.published,
            found.meta(&["article:published_time", "parsely-pub-date"]),
        ),
        site_name: or(ld.site_name, found.meta(&["og:site_name"])),
        lang: found.lang.clone().filter(|l| !l.is_empty()),
        excerpt: or(
            ld.excerpt,
            found.meta(&[
                "dc:description",
                "dcterm:description",
                "og:description",
                "weibo:article:description",
                "weibo:webpage:description",
                "description",
                "twitter:description",
            ]),
        ),
    }
}

/// One walk over the whole page for `<html lang>`, `<title>`, meta tags, JSON-LD scripts and
/// the first byline element. Meta tags and scripts count wherever they are; a byline only
/// outside hidden and unlikely blocks (by their attributes: a header or footer tag may hold
/// it), as Readability checks bylines on its way through the page.
fn collect<T: Tree>(tree: &T, root: &T::Node) -> Found {
    let mut found = Found {
        lang: tree.attr(root, "lang").map(|l| l.trim().to_string()),
        ..Found::default()
    };
    // (node, readable: no ancestor is hidden or unlikely by its attributes)
    let mut stack = vec![(root.clone(), true)];
    while let Some((node, readable)) = stack.pop() {
        if tree.kind(&node) != NodeKind::Element {
            continue;
        }
        let tag = tree.tag(&node);
        match tag.as_str() {
            "title" if found.title.is_none() => {
                found.title = Some(text_of(tree, &node));
            }
            "meta" => read_meta(tree, &node, &mut found.meta),
            "script" => {
                let ld = tree
                    .attr(&node, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if ld {
                    found.json_ld.push(text_of(tree, &node));
                }
                continue;
            }
            "style" | "template" | "svg" => continue,
            _ => {}
        }
        // The extractor's own reading of the attributes: the same byline and unlikely marks.
        let marks = check(tree, &node, &tag).map(|c| c.marks);
        let byline = marks.is_some_and(|m| m & BYLINE_MARK != 0);
        if readable && found.byline.is_none() && byline {
            if let Some(text) = byline_text(tree, &node) {
                found.byline = Some(text);
                continue;
            }
        }
        let readable = readable && marks.is_some_and(|m| m & UNLIKELY_MARK == 0);
        let kids = children(tree, &node);
        stack.extend(kids.into_iter().rev().map(|c| (c, readable)));
    }
    found
}

/// A byline element's text: its `itemprop="name"` descendant's when it has one (the name
/// without "By" and the date), else its own; none when empty or 100 characters or more (a
/// block, not a byline).
fn byline_text<T: Tree>(tree: &T, node: &T::Node) -> Option<String> {
    let own = small_text(tree, node)?;
    if clean(&own).chars().count() >= 100 {
        return None;
    }
    let named = descendants(tree, node)
        .into_iter()
        .find(|n| tree.attr(n, "itemprop").is_some_and(|p| p.contains("name")));
    let text = clean(&named.and_then(|n| small_text(tree, &n)).unwrap_or(own));
    // A separator left dangling where a date was cut off ("Ann Lee —").
    let text = text.trim_end_matches(&[' ', '—', '–', '-', '|', '·', ',', '•'][..]);
    (!text.is_empty()).then(|| text.to_string())
}

/// The text of a small subtree: `None` past 400 bytes of text or 256 nodes. A block that only
/// looks like a byline (a whole page whose class says "byline", or thousands of nested ones)
/// costs a bounded read, so the walk stays linear.
fn small_text<T: Tree>(tree: &T, node: &T::Node) -> Option<String> {
    let mut out = String::new();
    let mut stack = vec![node.clone()];
    let mut visited = 0;
    while let Some(n) = stack.pop() {
        visited += 1;
        if visited > 256 || out.len() > 400 {
            return None;
        }
        if let Some(t) = tree.text(&n) {
            out.push_str(&t);
            continue;
        }
        stack.extend(children(tree, &n).into_iter().rev());
    }
    Some(out)
}

/// The elements under `node`, in document order (for small subtrees: a byline's).
fn descendants<T: Tree>(tree: &T, node: &T::Node) -> Vec<T::Node> {
    let mut out = Vec::new();
    let mut stack: Vec<T::Node> = children(tree, node).into_iter().rev().collect();
    while let Some(n) = stack.pop() {
        if tree.kind(&n) == NodeKind::Element {
            stack.extend(children(tree, &n).into_iter().rev());
            out.push(n);
        }
    }
    out
}

/// A meta tag's names (`property` may hold several, space-separated) and content.
fn read_meta<T: Tree>(tree: &T, node: &T::Node, out: &mut Vec<(String, String)>) {
    let Some(content) = tree.attr(node, "content") else {
        return;
    };
    let names = [tree.attr(node, "property"), tree.attr(node, "name")];
    for name in names.iter().flatten() {
        for n in name.split_whitespace() {
            let n = n.to_ascii_lowercase().replace('.', ":");
            // The last tag of a name wins, as in Readability.
            out.retain(|(k, _)| *k != n);
            out.push((n, content.clone()));
        }
    }
}

/// All character data under `node`.
fn text_of<T: Tree>(tree: &T, node: &T::Node) -> String {
    let mut out = String::new();
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if let Some(t) = tree.text(&n) {
            out.push_str(&t);
            continue;
        }
        stack.extend(children(tree, &n).into_iter().rev());
    }
    out
}

/// The document title without the site's name: Readability keeps the part before the last
/// separator (" | ", " - ", " » "; " · " too, which Readability leaves) when it has three
/// words or more, else the part after the first when that has three or more.
fn document_title(raw: &str) -> String {
    const SEPARATORS: [&str; 9] = ["|", "-", "–", "—", "\\", "/", ">", "»", "·"];
    let words: Vec<&str> = raw.split_whitespace().collect();
    let is_sep = |w: &&str| SEPARATORS.contains(w);
    let (Some(first), Some(last)) = (
        words.iter().position(is_sep),
        words.iter().rposition(is_sep),
    ) else {
        return joined(words);
    };
    if last >= 3 {
        return joined(words[..last].iter().copied());
    }
    if words.len() - first > 3 {
        return joined(words[first + 1..].iter().copied());
    }
    joined(words)
}

/// The metadata a JSON-LD block gives, from its first article-like object.
fn json_ld(text: &str, page_title: &str) -> Option<Metadata> {
    // Some pages wrap the JSON in a CDATA section, as XHTML once needed.
    let text = text.trim();
    let text = text.strip_prefix("<![CDATA[").unwrap_or(text);
    let text = text.strip_suffix("]]>").unwrap_or(text);
    let value = json::parse(text.trim())?;
    let article = find_article(&value, 0)?;
    let string = |key: &str| article.get(key).and_then(Value::as_str).map(clean);
    let names = |v: &Value| -> Option<String> {
        let one = |v: &Value| v.as_str().or_else(|| v.get("name")?.as_str()).map(clean);
        match v {
            Value::Arr(items) => {
                let all: Vec<String> = items.iter().filter_map(one).collect();
                let mut list = String::new();
                for name in &all {
                    if !list.is_empty() {
                        list.push_str(", ");
                    }
                    list.push_str(name);
                }
                (!list.is_empty()).then_some(list)
            }
            v => one(v),
        }
    };
    Some(Metadata {
        title: ld_title(string("name"), string("headline"), page_title),
        byline: article.get("author").and_then(names),
        published: string("datePublished"),
        site_name: article.get("publisher").and_then(names),
        lang: None,
        excerpt: string("description"),
    })
}

/// The title of a JSON-LD article: its `name`, unless its `headline` differs and only the
/// headline resembles the page's own title (Wikipedia's headline is a description: "matrix
/// equal to its conjugate-transpose" for "Hermitian matrix").
fn ld_title(name: Option<String>, headline: Option<String>, page_title: &str) -> Option<String> {
    match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            let like = |t: &str| similarity(t, page_title) > 0.75;
            Some(if like(&h) && !like(&n) { h } else { n })
        }
        (n, h) => n.or(h),
    }
}

/// Whether an object's `@context` (its own, or none: inside a graph) is schema.org: a URL, or
/// an object whose `@vocab` is one. Another vocabulary's "headline" is not a title.
fn schema_org(v: &Value) -> bool {
    let is_schema = |s: &str| {
        let s = s.trim_end_matches('/');
        s == "http://schema.org" || s == "https://schema.org"
    };
    match v.get("@context") {
        None => true,
        Some(Value::Str(s)) => is_schema(s),
        Some(c) => c
            .get("@vocab")
            .and_then(Value::as_str)
            .is_some_and(is_schema),
    }
}

/// Types of schema.org objects that are articles.
const ARTICLE_TYPES: Words = words![
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "AdvertiserContentArticle",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "Report",
];

/// The first object of an article type, searched in arrays and `@graph`.
fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Arr(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Obj(_) => {
            let typed = |t: &Value| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(t));
            let is_article = match v.get("@type") {
                Some(Value::Arr(ts)) => ts.iter().any(typed),
                Some(t) => typed(t),
                None => false,
            };
            if is_article && schema_org(v) {
                return Some(v);
            }
            v.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_titles_lose_the_site_name() {
        assert_eq!(
            document_title("Rain floods the old town | The Daily Courier"),
            "Rain floods the old town"
        );
        assert_eq!(
            document_title("Courier - Rain floods the old town"),
            "Rain floods the old town"
        );
        assert_eq!(document_title("Short - Title"), "Short - Title");
        assert_eq!(
            document_title("Ferry fares rise again · The Harbour Times"),
            "Ferry fares rise again"
        );
        assert_eq!(document_title("  A   plain title "), "A plain title");
    }

    #[test]
    fn json_ld_article_in_a_graph() {
        let text = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"The Courier"},
            {"@type":["NewsArticle"],"headline":"Rain floods the town",
             "author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Li Wei"}],
             "datePublished":"2024-03-01T10:00:00Z","publisher":{"name":"The Courier"}}]}"#;
        let m = json_ld(text, "").unwrap();
        assert_eq!(m.title.as_deref(), Some("Rain floods the town"));
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz, Li Wei"));
        assert_eq!(m.published.as_deref(), Some("2024-03-01T10:00:00Z"));
        assert_eq!(m.site_name.as_deref(), Some("The Courier"));
        assert_eq!(json_ld(r#"{"@type":"Person","name":"X"}"#, ""), None);
        assert_eq!(json_ld("not json", ""), None);
        // Another vocabulary's article is not schema.org's; CDATA around the JSON is fine.
        let other = r#"{"@context":"https://example.org/vocab","@type":"Article","headline":"X"}"#;
        assert_eq!(json_ld(other, ""), None);
        let cdata = r#"<![CDATA[ {"@context":{"@vocab":"http://schema.org/"},"@type":"Article","headline":"Y"} ]]>"#;
        assert_eq!(
            json_ld(cdata, "").and_then(|m| m.title).as_deref(),
            Some("Y")
        );
    }

    #[test]
    fn json_ld_title_is_the_name_unless_only_the_headline_fits_the_page() {
        let ld = |n: &str, h: &str, page: &str| {
            let t = format!(r#"{{"@type":"Article","name":"{n}","headline":"{h}"}}"#);
            json_ld(&t, page).and_then(|m| m.title)
        };
        assert_eq!(
            ld("Tidal power", "energy from the sea's tides", "Tidal power").as_deref(),
            Some("Tidal power")
        );
        assert_eq!(
            ld(
                "The Courier",
                "Rain floods the old town",
                "Rain floods the old town"
            )
            .as_deref(),
            Some("Rain floods the old town")
        );
    }
}
