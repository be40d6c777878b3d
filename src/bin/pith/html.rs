//! HTML to plain text for `pith batch DIR` on `.html` files. The library reads text, and the
//! browser extracts articles from the DOM (`src/dom.rs`, wasm only); natively there is no HTML
//! parser to reuse, and a saved article only needs its visible text with paragraph breaks, so
//! this is a small tag stripper rather than a dependency.

/// Elements whose content is not article text.
const SKIPPED: [&str; 6] = ["script", "style", "noscript", "template", "svg", "head"];

/// Elements that end a paragraph: a blank line keeps sentences of two blocks apart.
const BLOCKS: [&str; 16] = [
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
];

/// The visible text of an HTML document: tags removed, `script`/`style`/`head`... dropped,
/// block elements turned into paragraph breaks, character references decoded.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode(&rest[..lt]));
        rest = &rest[lt..];
        if let Some(body) = rest.strip_prefix("<!--") {
            rest = body.find("-->").map_or("", |e| &body[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            break; // an unclosed tag at the end: drop it
        };
        let inside = &rest[1..gt];
        let name = tag_name(inside);
        rest = &rest[gt + 1..];
        let opens = !inside.starts_with('/') && !inside.ends_with('/');
        if opens && SKIPPED.contains(&name.as_str()) {
            // Skip to the matching end tag (these elements do not nest in practice).
            let end = format!("</{name}");
            rest = find_ascii_ci(rest, &end).map_or("", |i| &rest[i..]);
        } else if BLOCKS.contains(&name.as_str()) && !out.ends_with("\n\n") {
            out.push_str("\n\n");
        }
    }
    out.push_str(&decode(rest));
    out.trim().to_string()
}

/// The lowercased element name of a tag's inside (`/p` and `p class=x` are both `p`).
fn tag_name(inside: &str) -> String {
    inside
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

/// Decodes the character references news pages use: named ones for markup and punctuation,
/// and every numeric one. Unknown names are kept as written.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| reference(&rest[1..i]));
        match (semi, decoded) {
            (Some(i), Some(c)) => {
                out.push(c);
                rest = &rest[i + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of one reference's name (`amp`, `#8217`, `#x2019`).
fn reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "rdquo" => '\u{201D}',
        "ldquo" => '\u{201C}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" => '\u{2026}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn keeps_visible_text_with_paragraph_breaks() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
                    <p>Ms Okafor said the bridge was &ldquo;unsafe&rdquo;.</p><script>x()</script>\
                    <p>Repairs cost &pound;2m &amp; more &#8212; she added.<!-- ad --></p></body></html>";
        assert_eq!(
            to_text(html),
            "Ms Okafor said the bridge was \u{201C}unsafe\u{201D}.\n\n\
             Repairs cost &pound;2m & more \u{2014} she added."
        );
    }
}
