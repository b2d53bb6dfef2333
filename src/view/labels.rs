//! Every string the card itself shows, in one table, so that translations (and publisher
//! overrides) replace one value rather than hunt through components.

/// The card's own words in one language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Labels {
    /// Before the source name in the full-story link: "Read the full story at …".
    pub full_story_before: &'static str,
    pub full_story_after: &'static str,
    /// Said to screen readers after links that open a new tab.
    pub new_tab: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    pub loading: &'static str,
    pub error_title: &'static str,
    /// Why the card failed, for readers: its data could not be fetched, or was not usable.
    pub error_fetch: &'static str,
    pub error_invalid: &'static str,
    /// When the card itself failed (an internal error), not its payload.
    pub error_internal: &'static str,
    /// The error card's button that fetches the payload again.
    pub retry: &'static str,
    pub error_details_one: &'static str,
    pub error_details_many: &'static str,
    pub months: [&'static str; 12],
}

/// English, the default.
pub const EN: Labels = Labels {
    full_story_before: "Read the full story at ",
    full_story_after: "",
    new_tab: "(opens in a new tab)",
    published: "Published",
    updated: "Updated",
    loading: "Loading story…",
    error_title: "This story card could not be shown.",
    error_fetch: "Its content could not be loaded.",
    error_invalid: "Its content is not in the expected form.",
    error_internal: "Something went wrong inside the card; reloading the page may help.",
    retry: "Try again",
    error_details_one: "1 problem",
    error_details_many: "problems",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
};

impl Labels {
    /// "27 November 2026": day first, which reads correctly in most of the card's audience.
    pub fn date(&self, year: u16, month: u8, day: u8) -> String {
        let name = self
            .months
            .get(usize::from(month.saturating_sub(1)))
            .copied()
            .unwrap_or_default();
        let mut text = day.to_string();
        text.push(' ');
        text.push_str(name);
        text.push(' ');
        text.push_str(&year.to_string());
        text
    }

    /// "3 problems" for the error card's details summary.
    pub fn problem_count(&self, count: usize) -> String {
        if count == 1 {
            self.error_details_one.to_owned()
        } else {
            let mut text = count.to_string();
            text.push(' ');
            text.push_str(self.error_details_many);
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::EN;

    #[test]
    fn dates_and_counts() {
        assert_eq!(EN.date(2026, 11, 27), "27 November 2026");
        assert_eq!(
            EN.date(2026, 13, 1),
            "1  2026",
            "an impossible month degrades, never panics"
        );
        assert_eq!(EN.problem_count(1), "1 problem");
        assert_eq!(EN.problem_count(3), "3 problems");
    }
}
