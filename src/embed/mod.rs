//! Browser embedding glue (in progress).
