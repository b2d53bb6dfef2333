//! Measurement only, compiled with the `memory-stats` cargo feature, never into the published
//! bundle: what the card's wasm memory holds, for `bench/memory.mjs`. The wasm instance's linear
//! memory only ever grows, so the figure that matters is its size after load; these counters say
//! how much of it is live allocations, how high the live bytes went on the way (a transient
//! peak costs as much as a lasting one), and how many bytes one card's model takes.
//!
//! The counts come from a thin layer over the real allocator, so the allocator measured is the
//! one that ships.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

use wasm_bindgen::prelude::*;

/// Counts live bytes and allocations, and the highest live bytes seen, around `talc`.
pub struct Counting {
    inner: talc::cell::TalcCell<talc::wasm::WasmGrowAndExtend, talc::wasm::WasmBinning>,
}

// SAFETY: wasm32 without atomics has one thread and no interrupts (the allocator is built only
// there), which is what talc's own `TalcSyncCell` relies on too.
unsafe impl Sync for Counting {}

/// Live bytes, live allocations, highest live bytes. The wasm page is single-threaded.
struct Counts {
    live: Cell<usize>,
    count: Cell<usize>,
    peak: Cell<usize>,
}

// SAFETY: wasm32 without atomics has one thread (the allocator above is built only there).
unsafe impl Sync for Counts {}

static COUNTS: Counts = Counts {
    live: Cell::new(0),
    count: Cell::new(0),
    peak: Cell::new(0),
};

impl Counting {
    pub const fn new() -> Counting {
        Counting {
            inner: talc::cell::TalcCell::new(talc::wasm::WasmGrowAndExtend::new()),
        }
    }
}

/// Live allocations by size, in 8-byte steps up to 1 KB (the last step counts every larger
/// one): which structures the live bytes are made of.
struct Sizes([Cell<u32>; 129]);

// SAFETY: as for `Counts`.
unsafe impl Sync for Sizes {}

static SIZES: Sizes = Sizes([const { Cell::new(0) }; 129]);

fn size_step(size: usize) -> &'static Cell<u32> {
    let step = size.div_ceil(8).min(128);
    // `step` is at most 128, and the array has 129 entries.
    &SIZES.0[step]
}

fn grew(by: usize) {
    let live = COUNTS.live.get().saturating_add(by);
    COUNTS.live.set(live);
    COUNTS.peak.set(COUNTS.peak.get().max(live));
}

fn shrank(by: usize) {
    COUNTS.live.set(COUNTS.live.get().saturating_sub(by));
}

// SAFETY: every call is passed to the wrapped allocator unchanged; only counters change here.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { self.inner.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
            let step = size_step(layout.size());
            step.set(step.get().saturating_add(1));
            COUNTS.count.set(COUNTS.count.get().saturating_add(1));
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { self.inner.dealloc(ptr, layout) };
        shrank(layout.size());
        COUNTS.count.set(COUNTS.count.get().saturating_sub(1));
        let step = size_step(layout.size());
        step.set(step.get().saturating_sub(1));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = unsafe { self.inner.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            shrank(layout.size());
            grew(new_size);
            let step = size_step(layout.size());
            step.set(step.get().saturating_sub(1));
            let step = size_step(new_size);
            step.set(step.get().saturating_add(1));
        }
        moved
    }
}

/// `{ live, peak, allocations, free, linear }` in bytes (allocations is a count): the
/// allocator's live bytes now (as asked for, before its rounding), the most they have been since
/// the peak was last reset, the bytes free inside its heap, and the size of the linear memory.
/// What is neither live nor free is the allocator's rounding and headers, and the static data
/// and stack below the heap.
#[wasm_bindgen(js_name = memoryStats)]
pub fn memory_stats() -> js_sys::Object {
    let stats = js_sys::Object::new();
    let set = |key: &str, value: usize| {
        // Setting a plain property on a new object cannot fail.
        let _ = js_sys::Reflect::set(&stats, &key.into(), &(value as f64).into());
    };
    set("live", COUNTS.live.get());
    set("peak", COUNTS.peak.get());
    set("allocations", COUNTS.count.get());
    set("free", crate::ALLOCATOR.inner.counters().available_bytes);
    set("linear", core::arch::wasm32::memory_size::<0>() * 65536);
    stats
}

/// Live allocations by size: entry `i` counts those of `8 * (i - 1) + 1 ..= 8 * i` bytes
/// (entry 0 those of 0 bytes, entry 128 every one over 1,016 bytes).
#[wasm_bindgen(js_name = allocationSizes)]
pub fn allocation_sizes() -> Vec<u32> {
    SIZES.0.iter().map(Cell::get).collect()
}

/// Starts a new peak from the live bytes now.
#[wasm_bindgen(js_name = resetPeak)]
pub fn reset_peak() {
    COUNTS.peak.set(COUNTS.live.get());
}

/// The live bytes one validated article takes, parsed from `json` the way a card parses its
/// payload: `copies` of it are kept at once, so the figure includes the allocator's rounding,
/// then dropped. `None` if the payload is not valid.
#[wasm_bindgen(js_name = modelBytes)]
pub fn model_bytes(json: &str, copies: usize) -> Option<f64> {
    let before = COUNTS.live.get();
    let mut kept = Vec::with_capacity(copies.max(1));
    let vec_bytes = COUNTS.live.get() - before;
    for _ in 0..copies.max(1) {
        kept.push(std::rc::Rc::new(crate::embed::parse_payload(json).ok()?));
    }
    let bytes = COUNTS.live.get() - before - vec_bytes;
    drop(kept);
    Some(bytes as f64 / copies.max(1) as f64)
}
