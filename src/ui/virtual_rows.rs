//! Long tables drawn where they are seen: rows come in blocks of [`BLOCK_ROWS`], one `<tbody>`
//! each; a block near the viewport holds its rows, one far from it a single empty row of the
//! height the block had (or an estimate until it was drawn). The page scrolls as it always did
//! (no inner scroll box), the scroll bar is as long as the whole list, and a list of 20,000 rows
//! costs what its few drawn blocks cost.
//!
//! What the user keeps: Tab moves through the drawn rows and draws the next block as it comes
//! near (a block holding the focus stays drawn); screen readers get `aria-rowcount` on the table
//! (the caller's) and `aria-rowindex` on every row; printing draws every block first (a printed
//! list holds every row); the browser's find-in-page finds drawn rows only, which is what the
//! search boxes and filters are for.

use std::cell::OnceCell;
use std::sync::Arc;

use leptos::html::Tbody;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Rows per block: one block is cheap to draw while scrolling. At 50, a block drawn as it came
/// near took 66–76 ms on a 4× slower machine, every other block of a steady scroll
/// (docs/benchmarks.md); 25 halves that.
pub const BLOCK_ROWS: usize = 25;
/// Blocks drawn before the first look at the viewport, so the top of the list shows at once. One:
/// 25 rows are 1,000–2,000 px, taller than a screen, and a second block often began beyond the
/// distance drawn ahead, so it was drawn only to be emptied by the first look.
pub const FIRST_BLOCKS: usize = 1;
/// A row's height until its block has been drawn and measured (a row of a two-line title is ~80 px).
pub const ESTIMATED_ROW_PX: f64 = 80.0;
/// How far beyond the viewport blocks are drawn ahead of the scroll.
const AHEAD: &str = "1200px 0px";

/// What draws the cells of row `index` (0-based, in the list's order).
pub type Cells<T> = Arc<dyn Fn(usize, &T) -> AnyView + Send + Sync>;

/// The `<tbody>` blocks of a table whose rows are `rows`; the table, its `<thead>` (with
/// `aria-rowindex="1"`) and `aria-rowcount` (rows + 1) are the caller's. `columns` is the
/// number of columns, for the spacers. The caller's reactive closure rebuilds this whenever the
/// rows change (a search, a filter): it keeps nothing across lists.
#[component]
pub fn VirtualRows<T>(
    rows: Vec<T>,
    columns: usize,
    cells: Cells<T>,
    /// Blocks drawn before the first look at the viewport (default [`FIRST_BLOCKS`]); 0 for a
    /// table that starts below others (the timeline's later months).
    #[prop(optional)]
    first_blocks: Option<usize>,
) -> impl IntoView
where
    T: Send + Sync + 'static,
{
    let rows = Arc::new(rows);
    let blocks = rows.len().div_ceil(BLOCK_ROWS);
    let first_blocks = first_blocks.unwrap_or(FIRST_BLOCKS);
    let drawn: Vec<RwSignal<bool>> = (0..blocks)
        .map(|b| RwSignal::new(b < first_blocks))
        .collect();
    let heights: Vec<StoredValue<Option<f64>>> =
        (0..blocks).map(|_| StoredValue::new(None)).collect();
    let observer = BlockObserver::new(drawn.clone(), Some(heights.clone()));
    let printing = printing();

    (0..blocks)
        .map(|b| {
            let (rows, cells, observer) = (rows.clone(), cells.clone(), observer);
            let printing = printing.clone();
            let range = b * BLOCK_ROWS..((b + 1) * BLOCK_ROWS).min(rows.len());
            let estimate = range.len() as f64 * ESTIMATED_ROW_PX;
            let (shown, height) = (drawn[b], heights[b]);
            let node = NodeRef::<Tbody>::new();
            Effect::new(move |_| {
                if let Some(tbody) = node.get() {
                    observer.with_value(|o| o.observe(&tbody));
                }
            });
            view! {
                <tbody node_ref=node data-block=b>
                    {move || if shown.get() || printing.get() {
                        range.clone().map(|i| view! {
                            <tr aria-rowindex=i + 2>{cells(i, &rows[i])}</tr>
                        }).collect_view().into_any()
                    } else {
                        let px = height.get_value().unwrap_or(estimate);
                        view! {
                            <tr class="spacer" aria-hidden="true">
                                <td colspan=columns style:height=format!("{px}px")></td>
                            </tr>
                        }.into_any()
                    }}
                </tbody>
            }
        })
        .collect_view()
}

/// Parts of a page (the timeline's years, and in each its months, each a table with its own
/// [`VirtualRows`]) drawn once they come within [`AHEAD`] of the viewport, or the page is printed,
/// and kept drawn: their blocks far from the screen are emptied by their own lists. Until then a
/// part is one empty box of its estimated height, so a page of ten years builds and lays out the
/// months near the screen only.
#[derive(Clone)]
pub struct NearParts {
    drawn: Vec<RwSignal<bool>>,
    observer: StoredValue<BlockObserver, LocalStorage>,
    printing: ArcRwSignal<bool>,
}

impl NearParts {
    /// `count` parts, the first `first` of them drawn at once.
    pub fn new(count: usize, first: usize) -> NearParts {
        let drawn: Vec<RwSignal<bool>> = (0..count).map(|p| RwSignal::new(p < first)).collect();
        let observer = BlockObserver::new(drawn.clone(), None);
        NearParts {
            drawn,
            observer,
            printing: printing(),
        }
    }

    /// Part `index`: what `draw` makes once near, until then a box `estimate_px` high.
    pub fn part(
        &self,
        index: usize,
        estimate_px: f64,
        draw: impl Fn() -> AnyView + Send + Sync + 'static,
    ) -> impl IntoView {
        let (shown, printing, observer) = (self.drawn[index], self.printing.clone(), self.observer);
        // Drawn again only when this changes, not at every print once drawn.
        let visible = Memo::new(move |_| shown.get() || printing.get());
        let node = NodeRef::<leptos::html::Div>::new();
        Effect::new(move |_| {
            if let Some(placeholder) = node.get() {
                observer.with_value(|o| o.observe(&placeholder));
            }
        });
        move || {
            if visible.get() {
                draw()
            } else {
                view! {
                    <div class="part-placeholder" node_ref=node data-block=index aria-hidden="true"
                        style:height=format!("{estimate_px}px")></div>
                }
                .into_any()
            }
        }
    }
}

/// One IntersectionObserver for the blocks of one list: a block coming within [`AHEAD`] of the
/// viewport is drawn; one leaving it is measured and emptied, unless it holds the focus. Without
/// `heights`, a block once drawn stays drawn ([`NearParts`]).
struct BlockObserver {
    observer: IntersectionObserver,
    _callback: Closure<dyn Fn(js_sys::Array)>,
}

impl BlockObserver {
    fn new(
        drawn: Vec<RwSignal<bool>>,
        heights: Option<Vec<StoredValue<Option<f64>>>>,
    ) -> StoredValue<BlockObserver, LocalStorage> {
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            for entry in entries.iter() {
                let entry: IntersectionEntry = entry.unchecked_into();
                let target = entry.target();
                let Some(b) = target
                    .get_attribute("data-block")
                    .and_then(|b| b.parse::<usize>().ok())
                    .filter(|&b| b < drawn.len())
                else {
                    continue;
                };
                // `try_`: an entry may still come in as the list is taken down.
                if entry.is_intersecting() {
                    drawn[b].try_set(true);
                } else if let Some(heights) = &heights {
                    if drawn[b].try_get_untracked() == Some(true) && !holds_focus(&target) {
                        heights[b].try_set_value(Some(entry.bounding_client_rect().height()));
                        drawn[b].try_set(false);
                    }
                }
            }
        });
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"rootMargin".into(), &AHEAD.into())
            .expect("a plain object");
        let observer = IntersectionObserver::new(callback.as_ref().unchecked_ref(), &options);
        // Disconnected when the list goes (its own handle: the stored one may be gone by then).
        let on_leave = send_wrapper::SendWrapper::new(observer.clone());
        on_cleanup(move || on_leave.disconnect());
        StoredValue::new_local(BlockObserver {
            observer,
            _callback: callback,
        })
    }

    fn observe(&self, element: &web_sys::Element) {
        self.observer.observe(element);
    }
}

fn holds_focus(block: &web_sys::Element) -> bool {
    document()
        .active_element()
        .is_some_and(|focused| block.contains(Some(&focused)))
}

thread_local! {
    static PRINTING: OnceCell<ArcRwSignal<bool>> = const { OnceCell::new() };
}

/// True while the page is being printed (or shown as printed): every block is drawn then.
/// `beforeprint` comes before the browser lays the page out for print, and the blocks are drawn
/// in the same turn; `matchMedia("print")` covers print emulation and the PDF of a print.
/// Counted by reference, not owned by the list that first asked (which goes away).
fn printing() -> ArcRwSignal<bool> {
    PRINTING.with(|cell| {
        cell.get_or_init(|| {
            let printing = ArcRwSignal::new(false);
            let query = match_media("print");
            let on = Closure::<dyn Fn()>::new({
                let printing = printing.clone();
                move || printing.set(true)
            });
            let off = Closure::<dyn Fn()>::new({
                let printing = printing.clone();
                move || printing.set(query_matches())
            });
            let window = window();
            for (event, f) in [("beforeprint", &on), ("afterprint", &off)] {
                let _ = window.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
            }
            let _ = query.add_event_listener_with_callback("change", off.as_ref().unchecked_ref());
            // Listened to for the page's whole life.
            on.forget();
            off.forget();
            printing.set(query.matches());
            printing
        })
        .clone()
    })
}

fn query_matches() -> bool {
    match_media("print").matches()
}

#[wasm_bindgen]
extern "C" {
    #[derive(Clone)]
    type IntersectionObserver;
    #[wasm_bindgen(constructor)]
    fn new(callback: &js_sys::Function, options: &js_sys::Object) -> IntersectionObserver;
    #[wasm_bindgen(method)]
    fn observe(this: &IntersectionObserver, target: &web_sys::Element);
    #[wasm_bindgen(method)]
    fn disconnect(this: &IntersectionObserver);

    type IntersectionEntry;
    #[wasm_bindgen(method, getter, js_name = isIntersecting)]
    fn is_intersecting(this: &IntersectionEntry) -> bool;
    #[wasm_bindgen(method, getter)]
    fn target(this: &IntersectionEntry) -> web_sys::Element;
    #[wasm_bindgen(method, getter, js_name = boundingClientRect)]
    fn bounding_client_rect(this: &IntersectionEntry) -> Rect;

    type Rect;
    #[wasm_bindgen(method, getter)]
    fn height(this: &Rect) -> f64;

    #[wasm_bindgen(extends = web_sys::EventTarget)]
    type MediaQueryList;
    #[wasm_bindgen(js_namespace = window, js_name = matchMedia)]
    fn match_media(query: &str) -> MediaQueryList;
    #[wasm_bindgen(method, getter)]
    fn matches(this: &MediaQueryList) -> bool;
}
