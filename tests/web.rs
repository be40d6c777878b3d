//! The wasm binding in headless browsers (`wasm-pack test --headless --chrome/--firefox`).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/wasm.rs"]
mod shared;

/// The DOM article extractor (`src/dom.rs`), browser only.
mod dom {
    use js_sys::{Array, JsString, Reflect};
    use pith::internal::dom::{extract_article, extract_text, text_range};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_test::wasm_bindgen_test;
    use web_sys::Element;

    /// Markup inside a fresh <div> attached to the document (computed styles need it).
    fn fixture(html: &str) -> Element {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        let root = doc.create_element("div").expect("div");
        root.set_inner_html(html);
        doc.body()
            .expect("body")
            .append_child(&root)
            .expect("attached");
        root
    }

    fn get(v: &JsValue, key: &str) -> JsValue {
        Reflect::get(v, &key.into()).expect("property")
    }

    fn num(v: &JsValue, key: &str) -> u32 {
        get(v, key).as_f64().expect("a number") as u32
    }

    /// (text, [(block element, start, end)])
    fn parts(r: &JsValue) -> (String, Vec<(Element, u32, u32)>) {
        let text = get(r, "text").as_string().expect("text");
        let blocks = get(r, "blocks")
            .dyn_into::<Array>()
            .expect("blocks")
            .iter()
            .map(|b| {
                let el = get(&b, "element").dyn_into::<Element>().expect("element");
                (el, num(&b, "start"), num(&b, "end"))
            })
            .collect();
        (text, blocks)
    }

    /// Without whitespace: Range.toString() has no line break for a <br>.
    fn squash(s: &str) -> String {
        s.split_whitespace().collect()
    }

    const PAGE: &str = r#"
        <header><a href="/">Site name</a><nav><a href="/a">Politics</a> <a href="/b">Sport</a></nav></header>
        <div class="layout">
          <main>
            <article>
              <h1>Council approves the new harbour wall</h1>
              <p class="byline">By A. Reporter</p>
              <p>The council approved the harbour wall on Monday, after a long debate, by a
                 clear majority of its members.</p>
              <p>The leader, <a href="/x">Jane Doe</a>, said the wall would protect <em>three
                 thousand</em> homes, and that work would start in the summer.</p>
              <p hidden>Hidden text that must not appear.</p>
              <p style="display:none">Also hidden, by style.</p>
              <script>var notText = 1;</script>
              <p>Opponents said the cost was too high, the design too tall, and the consultation
                 far too short for such a large project.</p>
              <figure><figcaption>A caption under a photograph</figcaption></figure>
              <div class="share-tools"><a href="/s">Share this story</a></div>
            </article>
          </main>
          <aside><h2>Most read</h2><ul><li><a href="/1">Another story entirely, with a long title</a></li></ul></aside>
        </div>
        <footer><p>Copyright and contact details, terms of service, privacy.</p></footer>"#;

    #[wasm_bindgen_test]
    fn finds_the_article_and_leaves_out_the_rest() {
        let root = fixture(PAGE);
        let r: JsValue = extract_article(Some(root.clone())).into();
        let (text, blocks) = parts(&r);
        root.remove();
        assert!(
            text.starts_with("Council approves the new harbour wall\n\nThe council approved"),
            "{text}"
        );
        assert!(text.contains("Jane Doe, said the wall would protect three thousand homes"));
        assert!(text.ends_with("for such a large project."), "{text}");
        for absent in [
            "Site name",
            "Politics",
            "By A. Reporter",
            "Hidden text",
            "Also hidden",
            "notText",
            "caption",
            "Share this story",
            "Most read",
            "Another story",
            "Copyright",
        ] {
            assert!(!text.contains(absent), "{absent} in {text}");
        }
        assert_eq!(blocks.len(), 4);
        assert_eq!(text.split("\n\n").count(), 4);
        let container = get(&r, "container")
            .dyn_into::<Element>()
            .expect("container");
        // The element the text was taken from: it holds every block, and it is not the page.
        let name = container.local_name();
        assert!(
            matches!(name.as_str(), "article" | "main" | "div"),
            "container <{name} class={:?}>",
            container.get_attribute("class")
        );
        for (element, _, _) in &blocks {
            assert!(
                container.contains(Some(element.as_ref())),
                "a block outside the container"
            );
        }
    }

    #[wasm_bindgen_test]
    fn block_spans_and_ranges_map_back_to_the_page() {
        let root = fixture(
            "<article><p>  Café   😀 <em>owners</em>\n   said<br>hello   there. </p>\
             <p>The second paragraph is long enough to be scored as a paragraph.</p></article>",
        );
        let r: JsValue = extract_text(root.clone()).into();
        let (text, blocks) = parts(&r);
        assert_eq!(
            text,
            "Café 😀 owners said\nhello there.\n\nThe second paragraph is long enough to be scored as a paragraph."
        );
        let js = JsString::from(text.as_str());
        for (el, start, end) in &blocks {
            // The whole block, and the block's text as the page renders it.
            let range = text_range(el.clone(), 0, end - start).expect("a range");
            let block = String::from(js.slice(*start, *end));
            assert_eq!(squash(&String::from(range.to_string())), squash(&block));
        }
        // "owners" is at UTF-16 offset 8 (the emoji counts two).
        let (first, start, _) = &blocks[0];
        let at = String::from(js.slice(0, 20))
            .find("owners")
            .expect("owners");
        let units = text[..at].encode_utf16().count() as u32 - start;
        let range = text_range(first.clone(), units, units + 6).expect("range");
        assert_eq!(String::from(range.to_string()), "owners");
        let hello = text_range(first.clone(), 20, 25).expect("range");
        assert_eq!(String::from(hello.to_string()), "hello");
        root.remove();
    }

    #[wasm_bindgen_test]
    fn empty_or_link_only_pages_give_empty_text() {
        let root = fixture("<nav><a href='/'>Home</a></nav><div>   </div>");
        let r: JsValue = extract_article(Some(root.clone())).into();
        assert_eq!(get(&r, "text").as_string().as_deref(), Some(""));
        let r: JsValue = extract_text(root.clone()).into();
        assert_eq!(get(&r, "text").as_string().as_deref(), Some(""));
        assert_eq!(
            get(&r, "blocks")
                .dyn_into::<Array>()
                .expect("array")
                .length(),
            0
        );
        root.remove();
    }
}
