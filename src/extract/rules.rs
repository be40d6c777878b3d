//! Which elements never hold article text, and Readability's class/id word lists: unlikely
//! candidates, positive and negative weights, bylines and share bars.

use super::Tree;
use crate::util::{words, Words};

/// Subtrees whose content is never text: scripts, styles, templates, the head, form controls
/// (Readability drops them all before or after scoring). Their text is raw or a widget's.
const SKIP_TAGS: Words = words![
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "link",
    "meta",
    "svg",
    "canvas",
    "video",
    "audio",
    "select",
    "textarea",
    "button",
    "pith-summary",
];

/// Elements kept as records (conditional cleaning counts them) whose content is never read:
/// an iframe's or object's content is fallback markup, an input or img has none.
pub(super) const OPAQUE_TAGS: Words = words!["img", "input", "iframe", "object", "embed"];

/// Readability's unlikely ARIA roles (removed with the unlikely candidates).
const UNLIKELY_ROLES: Words = words![
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Readability's "unlikely candidates" (class and id).
const UNLIKELY: Words = words![
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
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
const MAYBE: Words =
    words!["and", "article", "body", "column", "content", "main", "mathjax", "shadow",];

/// Class or id words that lower (`NEGATIVE`) or raise (`POSITIVE`) a container's score.
const NEGATIVE: Words = words![
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
const POSITIVE: Words = words![
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

/// Class or id words of a byline (Readability's, with `rel="author"` and `itemprop` author).
const BYLINE: Words = words!["byline", "author", "dateline", "writtenby", "p-author"];

/// Elements that start a block (a paragraph-like element containing one stops being a leaf).
pub(super) const BLOCK_TAGS: Words = words![
    "p",
    "div",
    "section",
    "article",
    "main",
    "nav",
    "aside",
    "footer",
    "form",
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

/// Readability's block elements for its DIV-to-P rule: a div holding none of these reads as a
/// paragraph.
pub(super) const DIV_TO_P: Words = words![
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

/// Readability's phrasing content (inline elements a div's loose text runs are made of).
pub(super) const PHRASING: Words = words![
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr", "font",
];

/// Marks of an element read from its attributes (bits of [`Check::marks`]).
pub(super) const UNLIKELY_MARK: u8 = 1;
pub(super) const BYLINE_MARK: u8 = 2;
pub(super) const SHARE_MARK: u8 = 4;
/// A table that says it is for layout (`role="presentation"`, `datatable="0"`).
pub(super) const LAYOUT_MARK: u8 = 8;
/// A table with a `summary`, or an embed of a known video host (kept by cleaning).
pub(super) const KEEP_MARK: u8 = 16;
/// An `<a>` whose `href` is a fragment (`#...`): its text counts 0.3 as link text.
pub(super) const HASH_LINK_MARK: u8 = 32;
/// An `<a>` whose `href` is `javascript:` code: no link (Readability turns it into a span).
pub(super) const SCRIPT_LINK_MARK: u8 = 64;
/// Readers' comments (`comment`, `disqus` in the class or id): never the article, in any
/// attempt (a page whose article is gone must not be summarised from its comments).
pub(super) const COMMENT_MARK: u8 = 128;

/// What the attributes of an element say.
pub(super) struct Check {
    /// Class weight (Readability's ±25 per match of the class, and of the id).
    pub weight: f64,
    /// `*_MARK` bits.
    pub marks: u8,
}

/// `None` when the subtree of `node` (an element with tag `tag`) is never part of the text:
/// ignored tags and hidden elements (Readability's `_isProbablyVisible`: the `hidden`
/// attribute, `aria-hidden`, inline `display`/`visibility`, and, in a browser, style sheets).
/// Else its class weight and marks.
pub(super) fn check<T: Tree>(tree: &T, node: &T::Node, tag: &str) -> Option<Check> {
    if SKIP_TAGS.contains(tag) {
        return None;
    }
    let mut out = Check {
        weight: 0.0,
        marks: 0,
    };
    // Most paragraphs have no attributes: then there is nothing more to read.
    if tree.has_attributes(node) {
        let attr = |name: &str| tree.attr(node, name);
        let class = attr("class").unwrap_or_default().to_ascii_lowercase();
        if attr("hidden").is_some()
            || (attr("aria-hidden").as_deref() == Some("true") && !class.contains("fallback-image"))
            || attr("style").is_some_and(|s| hidden_inline(&s))
        {
            return None;
        }
        let id = attr("id").unwrap_or_default().to_ascii_lowercase();
        out.weight = class_weight(&class) + class_weight(&id);
        let mut names = class;
        names.push(' ');
        names.push_str(&id);
        out.marks = name_marks(&names, tag);
        let role = attr("role").map(|r| r.trim().to_ascii_lowercase());
        if role.as_deref().is_some_and(|r| UNLIKELY_ROLES.contains(r)) {
            out.marks |= UNLIKELY_MARK;
        }
        if attr("rel").as_deref() == Some("author")
            || attr("itemprop").is_some_and(|p| p.contains("author"))
        {
            out.marks |= BYLINE_MARK;
        }
        out.marks |= tag_marks(tag, &attr, role.as_deref());
    }
    if tree.hidden_by_style(node) {
        return None;
    }
    Some(out)
}

/// Marks from the class and id (`names`: both, lowercase, space-separated).
fn name_marks(names: &str, tag: &str) -> u8 {
    let mut marks = 0;
    if tag != "body" && tag != "a" && contains_any(names, UNLIKELY) && !contains_any(names, MAYBE) {
        marks |= UNLIKELY_MARK;
    }
    if contains_any(names, BYLINE) {
        marks |= BYLINE_MARK;
    }
    if is_share(names) {
        marks |= SHARE_MARK;
    }
    let page = matches!(tag, "body" | "html" | "article" | "main");
    if !page && contains_any(names, words!["comment", "disqus"]) {
        marks |= COMMENT_MARK;
    }
    marks
}

/// Marks that only some tags have: layout and data tables, video embeds, fragment links.
fn tag_marks(tag: &str, attr: &dyn Fn(&str) -> Option<String>, role: Option<&str>) -> u8 {
    match tag {
        "table" if role == Some("presentation") || attr("datatable").as_deref() == Some("0") => {
            LAYOUT_MARK
        }
        "table" if attr("summary").is_some_and(|s| !s.is_empty()) => KEEP_MARK,
        "iframe" | "embed" | "object" => {
            let src = attr("src").or_else(|| attr("data")).unwrap_or_default();
            if is_video(&src.to_ascii_lowercase()) {
                KEEP_MARK
            } else {
                0
            }
        }
        "a" if attr("href").is_some_and(|h| h.len() > 1 && h.starts_with('#')) => HASH_LINK_MARK,
        "a" if attr("href").is_some_and(|h| {
            h.trim_start()
                .get(..11)
                .is_some_and(|p| p.eq_ignore_ascii_case("javascript:"))
        }) =>
        {
            SCRIPT_LINK_MARK
        }
        _ => 0,
    }
}

/// Readability's video hosts, whose embeds survive cleaning.
fn is_video(src: &str) -> bool {
    [
        "//www.youtube.com",
        "//youtube.com",
        "//www.youtube-nocookie.com",
        "//player.vimeo.com",
        "//www.dailymotion.com",
        "//dailymotion.com",
        "//v.qq.com",
        "//archive.org",
        "//upload.wikimedia.org",
        "//player.twitch.tv",
    ]
    .iter()
    .any(|h| src.contains(h))
}

/// Readability's share elements: `share` or `sharedaddy` as a word (`_` counts as a break).
fn is_share(names: &str) -> bool {
    let b = names.as_bytes();
    let edge = |i: Option<&u8>| i.is_none_or(|c| !c.is_ascii_alphanumeric());
    names.match_indices("share").any(|(at, _)| {
        let before = at.checked_sub(1).and_then(|i| b.get(i));
        let after = if names[at..].starts_with("sharedaddy") {
            at + 10
        } else {
            at + 5
        };
        edge(before) && edge(b.get(after))
    })
}

/// Readability's class weight of one class or id string (lowercase): -25 for a negative word,
/// +25 for a positive one.
pub(super) fn class_weight(name: &str) -> f64 {
    let mut weight = 0.0;
    if contains_any(name, NEGATIVE) || name.split_ascii_whitespace().any(|w| w == "hid") {
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

fn contains_any(haystack: &str, needles: Words) -> bool {
    !haystack.trim().is_empty() && needles.iter().any(|n| haystack.contains(n))
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
        assert_eq!(class_weight("box hid"), -25.0);
        assert_eq!(class_weight("hidden-xs"), -25.0);
        assert_eq!(class_weight(""), 0.0);
    }

    #[test]
    fn share_words() {
        assert!(is_share("post-share "));
        assert!(is_share("share_buttons "));
        assert!(is_share(" sharedaddy"));
        assert!(!is_share("shareholders "));
        assert!(!is_share("timeshare "));
    }

    #[test]
    fn unlikely_names_unless_maybe() {
        assert_eq!(
            name_marks("site-header ", "div") & UNLIKELY_MARK,
            UNLIKELY_MARK
        );
        assert_eq!(name_marks("header-content ", "div") & UNLIKELY_MARK, 0);
        assert_eq!(name_marks("menu ", "a") & UNLIKELY_MARK, 0);
        assert_eq!(name_marks("byline ", "p") & BYLINE_MARK, BYLINE_MARK);
    }
}
