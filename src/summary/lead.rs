//! The lead of a news story, told by its dateline: "CAIRO — ...", "MOSCOW (AP) — ...",
//! "(CNN) -- ...". Whatever a page prints above it (a caption, an editor's note, a standfirst)
//! is not where the story starts, and the position prior should count from the dateline.

/// A dateline names a place or an agency in at most this many words before its dash.
const DATELINE_WORDS: usize = 6;

/// Whether `text` opens with a dateline: words in capitals or an agency in parentheses
/// ("WASHINGTON", "SEOUL, South Korea", "MOSCOW (AP)", "(CNN)"), then a dash. Every word
/// before the dash is capitalised or a number, and one is in capitals or in parentheses, so
/// that a sentence set off by a dash ("The U.S. has long been ... -- a place where ...") is not
/// one.
pub fn is_dateline(text: &str) -> bool {
    let mut marked = false;
    for (n, word) in text.split_whitespace().take(DATELINE_WORDS + 1).enumerate() {
        let (head, dash) = match word.find(['—', '–']).or_else(|| word.find("--")) {
            Some(at) => (&word[..at], true),
            None => (word, word == "-"),
        };
        let letters: String = head.chars().filter(|c| c.is_alphabetic()).collect();
        let bracketed = head.starts_with('(') && head.ends_with(')') && !letters.is_empty();
        let capitals = letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase);
        let capitalised = letters.starts_with(char::is_uppercase);
        let number = !head.is_empty() && letters.is_empty();
        if !(head.is_empty() || bracketed || capitalised || number) {
            return false;
        }
        marked |= bracketed || capitals;
        if dash {
            return marked && (n > 0 || !head.is_empty());
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_and_sentences_with_a_dash() {
        for yes in [
            "LISBON — The port workers walked out on Monday.",
            "PORTO ALEGRE, Brazil — Floods cut the city off.",
            "NAIROBI (Reuters) - The central bank held its rate.",
            "OSLO (AP) -- A ferry ran aground overnight.",
            "(CNN)--Rescuers reached the village at dawn.",
            "ATHENS—Ministers met again on Friday.",
        ] {
            assert!(is_dateline(yes), "{yes:?}");
        }
        for no in [
            "The town has long been quiet -- a place where nothing happens.",
            "Mar. 3, 2021 -- A new trial offers hope.",
            "Her coat -- made of felt -- was found in the river.",
            "Anna Berg - a nurse - spoke first.",
            "LISBON is the capital.",
            "— And then it rained.",
        ] {
            assert!(!is_dateline(no), "{no:?}");
        }
    }
}
