//! "Skan svar" on the facilitator's device: the camera reads each
//! participant's answers code (`ui::scanner`), and each new one is checked
//! (`core::sync::scan`) and joined through the ordinary import
//! (`ui::import::apply`, with its undo copy), with a line that says whose
//! answers came in and a beep. A code already read is passed over, one that
//! is not answers to this workshop is refused with a reason and changes
//! nothing. Without a camera, a pasted link goes the same way.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::slices::{clock, sleep};
use crate::state::{now, use_app, AppState};
use crate::ui::scanner::{open_camera, stop, CameraError, Reader, Sound};
use crate::ui::{codec, import};
use tid_og_lyst_core::assessment::da_scan as t;
use tid_og_lyst_core::record::merge;
use tid_og_lyst_core::record::meta::RecordId;
use tid_og_lyst_core::sync::data::{AppData, AssessmentsOnly};
use tid_og_lyst_core::sync::scan::{self, ScanError, Scanned, Taken};

/// How often a frame is read, in milliseconds: often enough that a code
/// held up is read within a moment, seldom enough that the page stays
/// responsive (a read by the QR reader wasm takes tens of milliseconds).
const READ_EVERY_MS: f64 = 200.0;

/// What became of one scanned or pasted text.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    /// Answers joined in (beep).
    Merged(String),
    /// Answers that were here already: nothing counted twice.
    Known(String),
    /// A part of a long share's codes; the others are waited for.
    Waiting(String),
    /// Not answers to this workshop: nothing changed.
    Refused(String),
    /// The link tool could not be fetched: the same code may be tried again.
    Retry(String),
}

/// The one way a text read by the camera or pasted comes in: a whole share
/// link, or one part of a long share (kept in `scanned` with the others of
/// its share until all are in), is inflated by the codec, checked against
/// this workshop, and joined by the import when it brings a new or newer
/// ballot.
async fn receive(state: AppState, id: RecordId, scanned: StoredValue<Scanned>, text: String) -> Outcome {
    let taken = scanned.try_update_value(|s| s.take(&text, now())).unwrap_or(Err(ScanError::NotALink));
    let payload = match taken {
        Ok(Taken::Whole(payload)) => payload,
        Ok(Taken::Waiting { received, count }) => return Outcome::Waiting(t::part_read(received, count)),
        Err(e) => return Outcome::Refused(t::refused(&e.to_string())),
    };
    let export = match codec::decode(&payload).await {
        Ok(text) => text,
        Err(e) if e == tid_og_lyst_core::da::share::CODEC_UNAVAILABLE => return Outcome::Retry(e),
        Err(e) => return Outcome::Refused(t::refused(&ScanError::Unreadable(e).to_string())),
    };
    let read = state
        .data
        .with_untracked(|d| scan::read_answers(&export, &id, d.assessments.get(&id).filter(|s| !s.meta.deleted)));
    let answers = match read {
        Ok(a) => a,
        Err(e) => return Outcome::Refused(t::refused(&e.to_string())),
    };
    let news = answers.is_news();
    if news {
        let incoming = AppData { assessments: merge::collect([answers.incoming.clone()]), ..AppData::default() };
        let _ = import::apply::<AssessmentsOnly>(state, incoming);
    }
    let participants =
        state.data.with_untracked(|d| d.assessments.get(&id).map(|s| s.participants().len()).unwrap_or_default());
    let line = scan::confirmation(&answers, participants);
    if news {
        Outcome::Merged(line)
    } else {
        Outcome::Known(line)
    }
}

/// "Skan svar": the button that opens the camera, and the scanner while it
/// is open.
#[component]
pub fn ScanAnswers(
    /// The workshop whose answers are read.
    id: RecordId,
) -> impl IntoView {
    let open = RwSignal::new(false);
    // Made in the tap that opens the scanner: a browser plays no sound a
    // page starts by itself.
    let sound = StoredValue::new_local(None::<Sound>);
    let toggle = move |_| {
        if !open.get_untracked() {
            if let Some(old) = sound.try_update_value(|s| s.replace(Sound::in_gesture())).flatten() {
                old.close();
            }
            codec::warm();
        }
        open.update(|o| *o = !*o);
    };
    on_cleanup(move || {
        if let Some(s) = sound.try_update_value(Option::take).flatten() {
            s.close();
        }
    });
    let beep = Callback::new(move |()| {
        let _ = sound.try_with_value(|s| s.as_ref().map(Sound::beep));
    });
    view! {
        <section class="card no-print scan" aria-labelledby="scan-title">
            <h2 id="scan-title">{t::TITLE}</h2>
            <p>{t::help()}</p>
            <button
                type="button"
                class="btn btn--primary"
                aria-expanded=move || open.get().to_string()
                aria-controls="scan-panel"
                on:click=toggle
            >
                {move || if open.get() { t::CLOSE } else { t::OPEN }}
            </button>
            <div id="scan-panel">
                <Show when=move || open.get()>
                    <Scanner id=id beep=beep/>
                </Show>
            </div>
        </section>
    }
}

/// Where the camera is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Camera {
    Starting,
    Looking,
    Failed(&'static str),
}

/// The camera's picture, what it has read, and the paste field. The camera
/// is on while this is shown and off as soon as it is not.
#[component]
fn Scanner(id: RecordId, beep: Callback<()>) -> impl IntoView {
    let state = use_app();
    let video = NodeRef::<leptos::html::Video>::new();
    let camera = RwSignal::new(Camera::Starting);
    let reader = RwSignal::new(None::<&'static str>);
    // What was read, newest first: (number, line, kind of line).
    let lines = RwSignal::new(Vec::<(usize, String, &'static str)>::new());
    let seen = StoredValue::new(HashSet::<String>::new());
    let scanned = StoredValue::new(Scanned::default());
    let stream = StoredValue::new_local(None::<web_sys::MediaStream>);
    let alive = Arc::new(AtomicBool::new(true));

    let show = move |outcome: Outcome| {
        let (line, kind) = match outcome {
            Outcome::Merged(l) => {
                beep.run(());
                (l, "merged")
            }
            Outcome::Known(l) => (l, "known"),
            Outcome::Waiting(l) => (l, "part"),
            Outcome::Refused(l) | Outcome::Retry(l) => (l, "refused"),
        };
        lines.update(|v| v.insert(0, (v.len() + 1, line, kind)));
    };
    // A text read by the camera: once per code (it stays in view for many
    // frames); one that failed for want of the link tool may come again.
    let take = move |text: String| async move {
        if !seen.try_update_value(|s| s.insert(text.clone())).unwrap_or(false) {
            return;
        }
        let outcome = receive(state, id, scanned, text).await;
        if matches!(outcome, Outcome::Retry(_)) {
            // Its parts were used up: every code may be read again.
            seen.try_update_value(HashSet::clear);
        }
        show(outcome);
    };

    let running = alive.clone();
    spawn_local(async move {
        let opened = open_camera().await;
        let s = match opened {
            Ok(s) => s,
            Err(e) => {
                camera.try_set(Camera::Failed(match e {
                    CameraError::Denied => t::DENIED,
                    CameraError::Absent => t::ABSENT,
                    CameraError::Busy => t::BUSY,
                    CameraError::Unsupported => t::UNSUPPORTED,
                }));
                return;
            }
        };
        if !running.load(Ordering::Relaxed) {
            stop(&s);
            return;
        }
        stream.set_value(Some(s.clone()));
        let Some(el) = video.get_untracked() else { return };
        el.set_src_object(Some(&s));
        if let Ok(p) = el.play() {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        }
        let r = match Reader::new().await {
            Ok(r) => r,
            Err(e) => {
                // Nothing to read the frames with: the camera goes off.
                if let Some(s) = stream.try_update_value(Option::take).flatten() {
                    stop(&s);
                }
                camera.try_set(Camera::Failed(e));
                return;
            }
        };
        reader.try_set(Some(r.kind()));
        camera.try_set(Camera::Looking);
        // Until the scanner is closed or the page left (its picture is
        // gone): then the camera goes off.
        while running.load(Ordering::Relaxed) && el.is_connected() {
            let started = clock();
            if let Some(text) = r.read(&el).await {
                take(text).await;
            }
            // The rest of the period, and never less than a breath.
            sleep((READ_EVERY_MS - (clock() - started)).max(40.0) as i32).await;
        }
        stop(&s);
    });
    on_cleanup(move || {
        alive.store(false, Ordering::Relaxed);
        if let Some(s) = stream.try_update_value(Option::take).flatten() {
            stop(&s);
        }
    });

    let (pasted, set_pasted) = signal(String::new());
    let paste = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        spawn_local(async move {
            let outcome = receive(state, id, scanned, text).await;
            if matches!(outcome, Outcome::Merged(_) | Outcome::Known(_)) {
                set_pasted.try_set(String::new());
            }
            show(outcome);
        });
    };
    let latest = move || lines.with(|v| v.first().map(|(_, l, k)| (l.clone(), *k)));
    let state_name = move || match camera.get() {
        Camera::Starting => "starting",
        Camera::Looking => "looking",
        Camera::Failed(_) => "failed",
    };
    view! {
        <div class="scan__panel" data-camera=state_name data-reader=move || reader.get().unwrap_or("")>
            <div class="scan__view" hidden=move || matches!(camera.get(), Camera::Failed(_))>
                <video class="scan__video" node_ref=video muted=true playsinline=true aria-label=t::VIDEO></video>
            </div>
            <p class="scan__camera" role="status">
                {move || match camera.get() {
                    Camera::Starting => t::STARTING,
                    Camera::Looking => t::LOOKING,
                    Camera::Failed(_) => "",
                }}
            </p>
            {move || match camera.get() {
                Camera::Failed(why) => Some(view! { <p class="notice notice--warning scan__failed">{why}</p> }),
                _ => None,
            }}
            <p class="scan__latest" role="status" aria-live="assertive">
                {move || latest().map(|(line, kind)| view! { <span class=format!("scan__line--{kind}")>{line}</span> })}
            </p>
            <form class="scan__paste" on:submit=paste novalidate>
                <div class="field">
                    <label for="scan-link">{t::PASTE}</label>
                    <p class="hint" id="scan-link-hint">{t::PASTE_HINT}</p>
                    <input
                        id="scan-link"
                        type="url"
                        autocomplete="off"
                        aria-describedby="scan-link-hint"
                        prop:value=move || pasted.get()
                        on:input=move |ev| set_pasted.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="btn">{t::PASTE_READ}</button>
            </form>
            <Show when=move || lines.with(|v| !v.is_empty())>
                <h3 class="scan__log-title">{t::LOG}</h3>
                <ol class="scan__log" reversed>
                    <For each=move || lines.get() key=|(n, _, _)| *n let:line>
                        <li class=format!("scan__line--{}", line.2)>{line.1}</li>
                    </For>
                </ol>
            </Show>
        </div>
    }
}
