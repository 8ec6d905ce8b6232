//! The heatmap of a large library as a picture: one pixel per pair of documents, drawn on a
//! canvas from the containment matrix (the colours are the table's). The pair under the
//! pointer is named below it (as text, never markup) and a click opens it; the list of
//! closest matches beside it is the keyboard's way to the same pairs.

use std::rc::Rc;

use wasm_bindgen::{Clamped, JsCast};
use yew::prelude::*;

use crate::ui::format::fixed;

use crate::engine::report::Report;
use crate::ui::heat::{cell_at, parse_hex, pixels};
use crate::ui::ptr::Ptr;
use crate::ui::route::Route;
use crate::ui::state::{Action, Label};

#[derive(Properties, PartialEq)]
pub struct HeatCanvasProps {
    pub report: Ptr<Report>,
    pub labels: Rc<Vec<Label>>,
    pub on_action: Callback<Action>,
}

/// The colour of a CSS custom property of `element`, or `fallback`.
fn colour(element: &web_sys::Element, property: &str, fallback: [u8; 3]) -> [u8; 3] {
    web_sys::window()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value(property).ok())
        .and_then(|value| parse_hex(&value))
        .unwrap_or(fallback)
}

fn draw(canvas: &web_sys::HtmlCanvasElement, report: &Report, n: usize) -> Option<()> {
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let heat = colour(canvas, "--heat", [0x1f, 0x3a, 0x5f]);
    let diagonal = colour(canvas, "--muted", [0x5b, 0x62, 0x70]);
    let data = pixels(&report.derivation.containment, n, heat, diagonal);
    let image =
        web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(&data), n as u32, n as u32).ok()?;
    context.put_image_data(&image, 0.0, 0.0).ok()
}

#[function_component(HeatCanvas)]
pub fn heat_canvas(props: &HeatCanvasProps) -> Html {
    let canvas = use_node_ref();
    let hovered = use_state_eq(|| None::<(usize, usize)>);
    let n = props.labels.len().min(props.report.documents.len());
    use_effect_with((props.report.clone(), n), {
        let canvas = canvas.clone();
        // Drawn after the frame that lays the new view out: reading the colours forces style,
        // which in the render's own task would be the whole new view's (tens of ms at 200 rows).
        move |(report, n)| {
            let (report, n) = (report.clone(), *n);
            let pending = crate::ui::later::after_paint_unless_dropped(move || {
                if let Some(c) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                    draw(&c, &report, n);
                }
            });
            move || drop(pending)
        }
    });
    let at = {
        let canvas = canvas.clone();
        move |e: &MouseEvent| {
            // The picture fills the canvas's content box, where offsets are measured from.
            let c = canvas.cast::<web_sys::Element>()?;
            let (width, height) = (c.client_width() as f64, c.client_height() as f64);
            cell_at(e.offset_x() as f64, e.offset_y() as f64, width, height, n)
        }
    };
    let onmousemove = {
        let (hovered, at) = (hovered.clone(), at.clone());
        Callback::from(move |e: MouseEvent| hovered.set(at(&e)))
    };
    let onmouseleave = {
        let hovered = hovered.clone();
        Callback::from(move |_: MouseEvent| hovered.set(None))
    };
    let onclick = {
        let (labels, on_action) = (props.labels.clone(), props.on_action.clone());
        Callback::from(move |e: MouseEvent| {
            let Some((a, b)) = at(&e) else { return };
            let (Some(row), Some(col)) = (labels.get(a), labels.get(b)) else { return };
            on_action.emit(if a == b {
                Action::ToggleOpen(row.id.as_str().into())
            } else {
                Action::Navigate(Route::Pair { left: row.id.clone(), right: col.id.clone(), passage: None })
            });
        })
    };
    let readout = match *hovered {
        Some((a, b)) if a < n && b < n => {
            let (row, col) = (&props.labels[a].short, &props.labels[b].short);
            let value = props.report.derivation.containment.get(a).and_then(|r| r.get(b)).copied().flatten();
            match value {
                _ if a == b => format!("{}. {row}: the document itself. Click to show its text.", a + 1),
                Some(v) => format!(
                    "{}. {row} → {}. {col}: {}% of it is found there. Click to compare.",
                    a + 1,
                    b + 1,
                    fixed(f64::from(v) * 100.0, 1)
                ),
                None => format!(
                    "{}. {row} and {}. {col} were not compared (nearest neighbours only).",
                    a + 1,
                    b + 1
                ),
            }
        }
        _ => format!("{n} documents in library order, row found in column. Point at a pair to name it."),
    };
    html! {
        <div class="heat-picture">
            <canvas ref={canvas} class="heat-canvas" width={n.to_string()} height={n.to_string()}
                role="img" aria-label={format!("Containment of {n} documents, one pixel per pair; the list of closest matches gives the same pairs as buttons.")}
                data-documents={n.to_string()} {onmousemove} {onmouseleave} {onclick}></canvas>
            <p class="heat-readout" aria-hidden="true">{ readout }</p>
        </div>
    }
}
