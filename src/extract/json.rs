//! A small JSON reader for JSON-LD blocks: values as a tree, strings unescaped. The output
//! side of pith writes JSON with serde_json; reading it here with serde_json would put its
//! deserialiser into the wasm module for a few fields of metadata.

/// A JSON value (numbers, booleans and null are kept only as "something else").
#[derive(Debug, PartialEq)]
pub(super) enum Value {
    Str(String),
    Arr(Vec<Value>),
    Obj(Vec<(String, Value)>),
    Other,
}

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value as a string, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// Parses one JSON text; `None` when it is not valid JSON (or nests deeper than 64 levels,
/// which no metadata does: a hostile page cannot exhaust the stack).
pub(super) fn parse(text: &str) -> Option<Value> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        text,
        at: 0,
    };
    let v = p.value(0)?;
    p.space();
    (p.at == p.bytes.len()).then_some(v)
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.space();
        let hit = self.bytes.get(self.at) == Some(&b);
        self.at += usize::from(hit);
        hit
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > 64 {
            return None;
        }
        self.space();
        match *self.bytes.get(self.at)? {
            b'"' => self.string().map(Value::Str),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Some(Value::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b']') {
                        return Some(Value::Arr(items));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Some(Value::Obj(members));
                }
                loop {
                    self.space();
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    members.push((key, self.value(depth + 1)?));
                    if self.eat(b'}') {
                        return Some(Value::Obj(members));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            _ => {
                // A number, true, false or null: skip its characters.
                let from = self.at;
                while self
                    .bytes
                    .get(self.at)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b))
                {
                    self.at += 1;
                }
                (self.at > from).then_some(Value::Other)
            }
        }
    }

    fn string(&mut self) -> Option<String> {
        if self.bytes.get(self.at) != Some(&b'"') {
            return None;
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            let from = self.at;
            while !matches!(self.bytes.get(self.at), Some(b'"' | b'\\') | None) {
                self.at += 1;
            }
            out.push_str(self.text.get(from..self.at)?);
            match *self.bytes.get(self.at)? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                _ => {
                    let esc = *self.bytes.get(self.at + 1)?;
                    self.at += 2;
                    out.push(match esc {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' | b'f' => ' ',
                        b'u' => self.unicode()?,
                        other => other as char,
                    });
                }
            }
        }
    }

    /// The character of a `\uXXXX` escape (a surrogate pair joined; a lone one is U+FFFD).
    fn unicode(&mut self) -> Option<char> {
        let hex = |p: &mut Self| {
            let h = u32::from_str_radix(p.text.get(p.at..p.at + 4)?, 16).ok()?;
            p.at += 4;
            Some(h)
        };
        let high = hex(self)?;
        if (0xD800..0xDC00).contains(&high) && self.text.get(self.at..self.at + 2) == Some("\\u") {
            self.at += 2;
            let low = hex(self)?;
            let c = 0x10000 + ((high - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
            return Some(char::from_u32(c).unwrap_or('\u{FFFD}'));
        }
        Some(char::from_u32(high).unwrap_or('\u{FFFD}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_values_and_escapes() {
        let v = parse(r#" {"a": [1, "x\"y", {"b": "\u00e9\ud83d\ude00"}], "c": null} "#).unwrap();
        let a = v.get("a").unwrap();
        let Value::Arr(items) = a else { panic!() };
        assert_eq!(items[0], Value::Other);
        assert_eq!(items[1].as_str(), Some("x\"y"));
        assert_eq!(items[2].get("b").unwrap().as_str(), Some("é😀"));
        assert_eq!(v.get("c"), Some(&Value::Other));
    }

    #[test]
    fn rejects_broken_and_too_deep_text() {
        assert_eq!(parse(r#"{"a": }"#), None);
        assert_eq!(parse(r#"{"a": "b""#), None);
        assert_eq!(parse("[1] x"), None);
        assert_eq!(parse(&"[".repeat(100_000)), None);
        assert_eq!(parse(""), None);
    }
}
