//! Which elements never hold article text, and the class/id words that weigh a container.

use super::Tree;

/// Subtrees that never hold article text.
pub(super) const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "form",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "picture",
    "figure",
    "select",
    "textarea",
    "button",
    "input",
    "dialog",
    "head",
    "title",
    "link",
    "meta",
    "pith-summary",
];

/// ARIA landmarks and widgets that are not the article.
pub(super) const SKIP_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "contentinfo",
    "banner",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "tooltip",
];

/// Readability's "unlikely candidates" (class and id), plus bylines and share bars.
pub(super) const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumb",
    "byline",
    "combx",
    "comment",
    "community",
    "cookie",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "newsletter",
    "related",
    "remark",
    "replies",
    "rss",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Readability's "maybe candidate" words, which keep an unlikely-looking element.
pub(super) const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

/// Class or id words that lower (`NEGATIVE`) or raise (`POSITIVE`) a container's score.
pub(super) const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];
pub(super) const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];

/// Elements that start a block (a paragraph-like element containing one stops being a leaf).
pub(super) const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "hr",
    "details",
    "summary",
    "fieldset",
    "header",
    "hgroup",
    "center",
];

/// `None` when the subtree of `node` (an element with tag `tag`) is never part of the text:
/// ignored tags, hidden elements, non-article landmarks, Readability's unlikely class names.
/// Else its class weight (Readability's ±25 per match). `in_section` tells whether the element
/// is inside an `<article>`, `<main>` or `<section>`, whose `<header>` holds the headline,
/// unlike the page's banner header.
pub(super) fn check<T: Tree>(tree: &T, node: &T::Node, tag: &str, in_section: bool) -> Option<f64> {
    if SKIP_TAGS.contains(&tag) || (tag == "header" && !in_section) {
        return None;
    }
    by_attributes(tree, node, tag)
}

/// The part of [`check`] that reads attributes and style, not the tag: `None` for hidden
/// elements, non-article landmarks and unlikely class names, else the class weight.
pub(super) fn by_attributes<T: Tree>(tree: &T, node: &T::Node, tag: &str) -> Option<f64> {
    let mut weight = 0.0;
    // Most paragraphs have no attributes: then there is nothing more to read.
    if tree.has_attributes(node) {
        let attr = |name: &str| tree.attr(node, name);
        if attr("aria-hidden").as_deref() == Some("true") || attr("hidden").is_some() {
            return None;
        }
        if attr("style").is_some_and(|s| hidden_inline(&s)) {
            return None;
        }
        if let Some(role) = attr("role") {
            if SKIP_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
                return None;
            }
        }
        let class = attr("class").unwrap_or_default().to_ascii_lowercase();
        let id = attr("id").unwrap_or_default().to_ascii_lowercase();
        if tag != "body" && tag != "a" {
            let unlikely = |n: &str| contains_any(n, UNLIKELY);
            let maybe = |n: &str| contains_any(n, MAYBE);
            if (unlikely(&class) || unlikely(&id)) && !(maybe(&class) || maybe(&id)) {
                return None;
            }
        }
        weight = class_weight(&class) + class_weight(&id);
    }
    if tree.hidden_by_style(node) {
        return None;
    }
    Some(weight)
}

/// Readability's class weight of one class or id string (lowercase): -25 for a negative word,
/// +25 for a positive one.
pub(super) fn class_weight(name: &str) -> f64 {
    let mut weight = 0.0;
    if contains_any(name, NEGATIVE) {
        weight -= 25.0;
    }
    if contains_any(name, POSITIVE) {
        weight += 25.0;
    }
    weight
}

/// An inline style that hides the element: `display: none` or `visibility: hidden`.
fn hidden_inline(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let (prop, value) = (prop.trim(), value.trim().to_ascii_lowercase());
        let value = value.trim_end_matches("!important").trim();
        (prop.eq_ignore_ascii_case("display") && value == "none")
            || (prop.eq_ignore_ascii_case("visibility") && value == "hidden")
    })
}

pub(super) fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    !haystack.is_empty() && needles.iter().any(|n| haystack.contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_styles_that_hide() {
        assert!(hidden_inline("color: red; display:none"));
        assert!(hidden_inline("VISIBILITY: hidden !important"));
        assert!(!hidden_inline("display: block; visibility: visible"));
        assert!(!hidden_inline("background: url(a;b)"));
    }

    #[test]
    fn class_weights() {
        assert_eq!(class_weight("post-content"), 25.0);
        assert_eq!(class_weight("sidebar"), -25.0);
        assert_eq!(class_weight("article-sidebar"), 0.0);
        assert_eq!(class_weight(""), 0.0);
    }
}
