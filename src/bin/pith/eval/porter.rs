//! Tokenising and stemming as the reference scorers do: lowercase, runs of ASCII letters and
//! digits (rouge-score's tokenizer) or `\w+` runs (the YAKE convention), each word stemmed with
//! the original Porter algorithm.

/// Porter stem of a lowercase word.
pub fn stem(word: &str) -> String {
    porter_stemmer::stem(word)
}

/// rouge-score's tokens: lowercase, non-`[a-z0-9]` as separators, Porter stems for words
/// longer than 3 characters (rouge-score leaves shorter ones alone).
pub fn rouge_tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .map(|t| if t.len() > 3 { stem(t) } else { t.to_string() })
        .collect()
}

/// The YAKE convention's words: lowercase `\w+` runs, each Porter-stemmed.
pub fn word_stems(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(stem)
        .collect()
}
