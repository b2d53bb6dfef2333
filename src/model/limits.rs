//! The limits a payload must respect. They exist so that one oversized or runaway payload
//! cannot stall a reader's page; each is far above what a real card needs. Lengths count
//! Unicode scalar values (characters), not bytes, so every script gets the same allowance.

/// The payload text, in bytes, checked before it is parsed.
pub const MAX_PAYLOAD_BYTES: usize = 256 * 1024;
/// How deep JSON may nest; a valid payload needs 4.
pub const MAX_DEPTH: usize = 32;
pub const MAX_SECTIONS: usize = 12;
pub const MAX_HEADLINE: usize = 300;
pub const MAX_DEK: usize = 1_000;
pub const MAX_ID: usize = 80;
pub const MAX_LANG: usize = 35;
pub const MAX_NAME: usize = 120;
pub const MAX_URL: usize = 2_048;
pub const MAX_QUOTE: usize = 1_000;
pub const MAX_ATTRIBUTION: usize = 200;
pub const MAX_BYLINE: usize = 200;
pub const MAX_TIMESTAMP: usize = 40;
pub const MAX_ALT: usize = 500;
pub const MAX_SECTION_TITLE: usize = 120;
/// Each label a payload overrides (`labels.*`).
pub const MAX_LABEL: usize = 200;
pub const MAX_SECTION_BODY: usize = 20_000;
/// Image width and height, in CSS pixels.
pub const MAX_IMAGE_SIDE: u32 = 10_000;
