//! Every string the card itself shows, one table per language, so that translations (and
//! publisher overrides) replace one value rather than hunt through components.
//!
//! Templates hold a placeholder (`{source}`, `{minutes}`, `{count}`) that [`fill`] replaces:
//! word order differs between languages, and this is all the formatting the card needs.

use yew::AttrValue;

use crate::model::{Article, LabelKey};

const fn s(text: &'static str) -> AttrValue {
    AttrValue::Static(text)
}

/// The card's own words in one language. The fields a payload may override are `AttrValue`s,
/// so an override shares the payload's text instead of copying it.
#[derive(Debug, Clone, PartialEq)]
pub struct Labels {
    /// The language tag the table is for.
    pub lang: &'static str,
    /// The full-story link: "Read the full story at {source}".
    pub full_story: AttrValue,
    /// Said to screen readers after links that open a new tab.
    pub new_tab: AttrValue,
    pub published: AttrValue,
    pub updated: AttrValue,
    pub expand_all: AttrValue,
    pub collapse_all: AttrValue,
    /// "{minutes} min read", beside each section title.
    pub reading_time: AttrValue,
    /// The link to a section's own address, at the end of the open section.
    pub section_link: AttrValue,
    pub loading: &'static str,
    pub error_title: &'static str,
    /// Why the card failed, for readers: its data could not be fetched, or was not usable.
    pub error_fetch: &'static str,
    pub error_invalid: &'static str,
    /// The error card's button that fetches the payload again.
    pub retry: &'static str,
    pub error_details_one: &'static str,
    /// "{count} problems".
    pub error_details_many: &'static str,
    pub months: [&'static str; 12],
    /// A date is `day, sep[0], month, sep[1], year, sep[2]`, or with `year_first`,
    /// `year, sep[0], month, sep[1], day, sep[2]`.
    pub year_first: bool,
    pub date_sep: [&'static str; 3],
}

/// English, the default.
pub const EN: Labels = Labels {
    lang: "en",
    full_story: s("Read the full story at {source}"),
    new_tab: s("(opens in a new tab)"),
    published: s("Published"),
    updated: s("Updated"),
    expand_all: s("Expand all"),
    collapse_all: s("Collapse all"),
    reading_time: s("{minutes} min read"),
    section_link: s("Link to this section"),
    loading: "Loading story…",
    error_title: "This story card could not be shown.",
    error_fetch: "Its content could not be loaded.",
    error_invalid: "Its content is not in the expected form.",
    retry: "Try again",
    error_details_one: "1 problem",
    error_details_many: "{count} problems",
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
    year_first: false,
    date_sep: [" ", " ", ""],
};

/// Spanish.
pub const ES: Labels = Labels {
    lang: "es",
    full_story: s("Lee la noticia completa en {source}"),
    new_tab: s("(se abre en una pestaña nueva)"),
    published: s("Publicado"),
    updated: s("Actualizado"),
    expand_all: s("Desplegar todo"),
    collapse_all: s("Contraer todo"),
    reading_time: s("{minutes} min de lectura"),
    section_link: s("Enlace a esta sección"),
    loading: "Cargando la noticia…",
    error_title: "No se pudo mostrar esta tarjeta de noticia.",
    error_fetch: "No se pudo cargar su contenido.",
    error_invalid: "Su contenido no tiene la forma esperada.",
    retry: "Reintentar",
    error_details_one: "1 problema",
    error_details_many: "{count} problemas",
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    year_first: false,
    date_sep: [" de ", " de ", ""],
};

/// French.
pub const FR: Labels = Labels {
    lang: "fr",
    full_story: s("Lire l’article complet sur {source}"),
    new_tab: s("(s’ouvre dans un nouvel onglet)"),
    published: s("Publié le"),
    updated: s("Mis à jour le"),
    expand_all: s("Tout déplier"),
    collapse_all: s("Tout replier"),
    reading_time: s("{minutes} min de lecture"),
    section_link: s("Lien vers cette section"),
    loading: "Chargement de l’article…",
    error_title: "Cette carte d’article n’a pas pu être affichée.",
    error_fetch: "Son contenu n’a pas pu être chargé.",
    error_invalid: "Son contenu n’a pas la forme attendue.",
    retry: "Réessayer",
    error_details_one: "1 problème",
    error_details_many: "{count} problèmes",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    year_first: false,
    date_sep: [" ", " ", ""],
};

/// German.
pub const DE: Labels = Labels {
    lang: "de",
    full_story: s("Den ganzen Artikel bei {source} lesen"),
    new_tab: s("(öffnet in einem neuen Tab)"),
    published: s("Veröffentlicht am"),
    updated: s("Aktualisiert am"),
    expand_all: s("Alle aufklappen"),
    collapse_all: s("Alle zuklappen"),
    reading_time: s("{minutes} Min. Lesezeit"),
    section_link: s("Link zu diesem Abschnitt"),
    loading: "Artikel wird geladen…",
    error_title: "Diese Artikelkarte konnte nicht angezeigt werden.",
    error_fetch: "Ihr Inhalt konnte nicht geladen werden.",
    error_invalid: "Ihr Inhalt hat nicht die erwartete Form.",
    retry: "Erneut versuchen",
    error_details_one: "1 Problem",
    error_details_many: "{count} Probleme",
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    year_first: false,
    date_sep: [". ", " ", ""],
};

/// Japanese.
pub const JA: Labels = Labels {
    lang: "ja",
    full_story: s("{source}で記事全文を読む"),
    new_tab: s("（新しいタブで開きます）"),
    published: s("公開"),
    updated: s("更新"),
    expand_all: s("すべて開く"),
    collapse_all: s("すべて閉じる"),
    reading_time: s("{minutes}分で読めます"),
    section_link: s("このセクションへのリンク"),
    loading: "記事を読み込んでいます…",
    error_title: "この記事カードを表示できませんでした。",
    error_fetch: "内容を読み込めませんでした。",
    error_invalid: "内容が想定された形式ではありません。",
    retry: "再試行",
    error_details_one: "1件の問題",
    error_details_many: "{count}件の問題",
    months: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    year_first: true,
    date_sep: ["年", "", "日"],
};

/// Arabic (right to left).
pub const AR: Labels = Labels {
    lang: "ar",
    full_story: s("اقرأ القصة كاملة على {source}"),
    new_tab: s("(يُفتح في علامة تبويب جديدة)"),
    published: s("نُشر في"),
    updated: s("حُدّث في"),
    expand_all: s("توسيع الكل"),
    collapse_all: s("طي الكل"),
    reading_time: s("قراءة في {minutes} د"),
    section_link: s("رابط إلى هذا القسم"),
    loading: "جارٍ تحميل القصة…",
    error_title: "تعذّر عرض بطاقة القصة هذه.",
    error_fetch: "تعذّر تحميل محتواها.",
    error_invalid: "محتواها ليس بالشكل المتوقع.",
    retry: "إعادة المحاولة",
    error_details_one: "مشكلة واحدة",
    error_details_many: "عدد المشكلات: {count}",
    months: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    year_first: false,
    date_sep: [" ", " ", ""],
};

/// The table for a BCP 47 tag, by its primary subtag; English for any other language.
pub fn for_lang(tag: Option<&str>) -> Labels {
    let primary = tag.and_then(|t| t.split('-').next()).unwrap_or_default();
    [ES, FR, DE, JA, AR]
        .into_iter()
        .find(|table| primary.eq_ignore_ascii_case(table.lang))
        .unwrap_or(EN)
}

/// `template` with `placeholder` replaced by `value` (once), or unchanged without one.
pub fn fill(template: &str, placeholder: &str, value: &str) -> String {
    match template.split_once(placeholder) {
        Some((before, after)) => [before, value, after].concat(),
        None => template.to_owned(),
    }
}

impl Labels {
    /// The table for the article's language (else `fallback_lang`, the host page's), with the
    /// payload's overrides applied.
    pub fn for_article(article: &Article, fallback_lang: Option<&str>) -> Labels {
        let mut labels = for_lang(article.lang.as_deref().or(fallback_lang));
        for (key, text) in &article.labels {
            let value = AttrValue::from(text.clone());
            match key {
                LabelKey::FullStory => labels.full_story = value,
                LabelKey::NewTab => labels.new_tab = value,
                LabelKey::Published => labels.published = value,
                LabelKey::Updated => labels.updated = value,
                LabelKey::ExpandAll => labels.expand_all = value,
                LabelKey::CollapseAll => labels.collapse_all = value,
                LabelKey::ReadingTime => labels.reading_time = value,
                LabelKey::SectionLink => labels.section_link = value,
            }
        }
        labels
    }

    /// "27 November 2026", "27 de noviembre de 2026", "2026年11月27日".
    pub fn date(&self, year: u16, month: u8, day: u8) -> String {
        let name = self
            .months
            .get(usize::from(month.saturating_sub(1)))
            .copied()
            .unwrap_or_default();
        let (year, day) = (year.to_string(), day.to_string());
        let (first, last) = if self.year_first {
            (&year, &day)
        } else {
            (&day, &year)
        };
        let [a, b, c] = self.date_sep;
        [first.as_str(), a, name, b, last.as_str(), c].concat()
    }

    /// "3 problems" for the error card's details summary.
    pub fn problem_count(&self, count: usize) -> String {
        if count == 1 {
            self.error_details_one.to_owned()
        } else {
            fill(self.error_details_many, "{count}", &count.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{fill, for_lang, EN};

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
        assert_eq!(fill(&EN.reading_time, "{minutes}", "4"), "4 min read");
    }

    #[test]
    fn every_language_formats_dates_its_way() {
        let cases = [
            ("en-GB", "27 November 2026"),
            ("es", "27 de noviembre de 2026"),
            ("fr-CA", "27 novembre 2026"),
            ("DE", "27. November 2026"),
            ("ja", "2026年11月27日"),
            ("ar-EG", "27 نوفمبر 2026"),
            ("pt-BR", "27 November 2026"),
        ];
        for (lang, expected) in cases {
            assert_eq!(for_lang(Some(lang)).date(2026, 11, 27), expected, "{lang}");
        }
        assert_eq!(for_lang(None), EN);
        assert_eq!(for_lang(Some("ja")).problem_count(3), "3件の問題");
        assert_eq!(
            fill(&for_lang(Some("ja")).reading_time, "{minutes}", "2"),
            "2分で読めます"
        );
    }
}
