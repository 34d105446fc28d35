//! "Læs op": a button that reads a text aloud with the browser's speech
//! synthesis (`window.speechSynthesis`) in a Danish voice, for any part's
//! page (an activity, a dream). The button is there only where the device
//! has a Danish voice: none is shown where speech synthesis is missing or
//! speaks no Danish. Voices arrive asynchronously (`voiceschanged`), so the
//! device's Danish voice is one signal for the whole page, kept current by
//! one listener. Nothing leaves the device that the browser's own voices
//! do not send (the core prefers a voice on the device).

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use tid_og_lyst_core::da::speech as t;
use tid_og_lyst_core::text::spoken::danish_voice;

/// The device's speech synthesis, where the browser has one.
fn synthesis() -> Option<web_sys::SpeechSynthesis> {
    let w = web_sys::window()?;
    let there = js_sys::Reflect::get(&w, &JsValue::from_str("speechSynthesis")).ok()?;
    let utterance = js_sys::Reflect::get(&w, &JsValue::from_str("SpeechSynthesisUtterance")).ok()?;
    if there.is_undefined() || there.is_null() || utterance.is_undefined() {
        return None;
    }
    w.speech_synthesis().ok()
}

/// The device's voices.
fn voices(s: &web_sys::SpeechSynthesis) -> Vec<web_sys::SpeechSynthesisVoice> {
    // Not checked as instances: every item getVoices gives is a voice.
    s.get_voices()
        .iter()
        .filter(|v| v.is_object())
        .map(|v| v.unchecked_into::<web_sys::SpeechSynthesisVoice>())
        .collect()
}

/// The Danish voice's name and language tag, where the device has one.
fn pick(s: &web_sys::SpeechSynthesis) -> Option<Voice> {
    let all = voices(s);
    let described: Vec<(String, String, bool)> = all.iter().map(|v| (v.name(), v.lang(), v.local_service())).collect();
    danish_voice(&described).map(|i| (described[i].0.clone(), described[i].1.clone()))
}

/// A voice's name and language tag.
type Voice = (String, String);

thread_local! {
    static VOICE: RefCell<Option<ArcRwSignal<Option<Voice>>>> = const { RefCell::new(None) };
}

/// The Danish voice (name, language tag), followed as the device's voices
/// load: one listener for the page's life.
fn danish() -> RwSignal<Option<Voice>> {
    let arc = VOICE.with(|v| {
        v.borrow_mut()
            .get_or_insert_with(|| {
                let sig = ArcRwSignal::new(None);
                if let Some(s) = synthesis() {
                    sig.set(pick(&s));
                    let follow = sig.clone();
                    let changed = Closure::<dyn Fn()>::new(move || {
                        if let Some(s) = synthesis() {
                            follow.set(pick(&s));
                        }
                    });
                    let _ = s.add_event_listener_with_callback("voiceschanged", changed.as_ref().unchecked_ref());
                    // Kept for the page's life, like the signal it feeds.
                    changed.forget();
                }
                sig
            })
            .clone()
    });
    RwSignal::from(arc)
}

/// Reads `text` aloud in the Danish voice; `done` runs when it has been said
/// (or could not be).
fn speak(text: &str, voice: &Voice, done: impl Fn() + 'static) -> bool {
    let Some(s) = synthesis() else { return false };
    let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else { return false };
    u.set_lang(&voice.1.replace('_', "-"));
    if let Some(v) = voices(&s).into_iter().find(|v| v.name() == voice.0) {
        u.set_voice(Some(&v));
    }
    u.set_rate(0.9);
    let done = Closure::<dyn Fn()>::new(done).into_js_value();
    u.set_onend(Some(done.unchecked_ref()));
    u.set_onerror(Some(done.unchecked_ref()));
    // Anything still being read (another button) stops first.
    s.cancel();
    s.speak(&u);
    true
}

fn stop() {
    if let Some(s) = synthesis() {
        s.cancel();
    }
}

/// "Læs op": reads `text` aloud in a Danish voice; pressed again while
/// reading, "Stop oplæsning" stops it. Renders nothing where the device has
/// no Danish voice. Leaving the page stops the reading.
#[component]
pub fn ReadAloud(
    /// What to read, in Danish (the part's core composes it).
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let voice = danish();
    let speaking = RwSignal::new(false);
    on_cleanup(move || {
        if speaking.try_get_untracked() == Some(true) {
            stop();
        }
    });
    let toggle = move |_| {
        if speaking.get_untracked() {
            stop();
            speaking.set(false);
            return;
        }
        let Some(v) = voice.get_untracked() else { return };
        let said = speak(&text.get_untracked(), &v, move || {
            let _ = speaking.try_set(false);
        });
        speaking.set(said);
    };
    move || {
        voice.with(Option::is_some).then(|| {
            view! {
                <button
                    type="button"
                    class="btn read-aloud no-print"
                    on:click=toggle
                >
                    // A drawn speaker: no device needs an emoji font for it.
                    <svg class="read-aloud__icon" aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
                        <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor"/>
                        <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
                    </svg>
                    {move || if speaking.get() { t::STOP } else { t::READ }}
                </button>
            }
        })
    }
}
