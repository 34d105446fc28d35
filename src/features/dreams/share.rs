//! "Del som opslag": the ready text for the Facebook group, SMS or mail,
//! copied to the clipboard or handed to the Web Share API where present;
//! the dream as a link or QR code, and "Udskriv opslag" (its A4 sheet).

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::routes::Route;
use crate::ui::link::to;
use crate::ui::share::ShareLink;
use tid_og_lyst_core::dreams::da as t;
use tid_og_lyst_core::dreams::da_report as paper;
use tid_og_lyst_core::dreams::dream::Dream;
use tid_og_lyst_core::dreams::share::{mail_subject, post, Channel};
use tid_og_lyst_core::sync::data::DreamsOnly;

/// True when the browser has `navigator.<name>`.
fn navigator_has(name: &str) -> bool {
    let nav = window().navigator();
    js_sys::Reflect::get(&nav, &JsValue::from_str(name)).map(|v| !v.is_undefined()).unwrap_or(false)
}

/// The share box of one dream.
#[component]
pub fn ShareBox(
    /// The dream.
    dream: Dream,
) -> impl IntoView {
    let channel = RwSignal::new(Channel::Facebook);
    let (status, set_status) = signal(None::<String>);
    let sheet = to(&Route::DreamPosters(Some(dream.meta.id.to_string())));
    let dream = StoredValue::new(dream);
    let text = Memo::new(move |_| dream.with_value(|d| post(d, channel.get())));
    let subject = dream.with_value(mail_subject);
    let copy = move |_| {
        if !navigator_has("clipboard") {
            set_status.set(Some(t::COPY_FAILED.into()));
            return;
        }
        let promise = window().navigator().clipboard().write_text(&text.get_untracked());
        spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            set_status.set(Some(if ok { t::COPIED } else { t::COPY_FAILED }.into()));
        });
    };
    let can_share = navigator_has("share");
    let share_subject = subject.clone();
    let web_share = move |_| {
        let data = web_sys::ShareData::new();
        data.set_title(&share_subject);
        data.set_text(&text.get_untracked());
        let promise = window().navigator().share_with_data(&data);
        spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    };
    let mailto = Memo::new(move |_| {
        format!(
            "mailto:?subject={}&body={}",
            String::from(js_sys::encode_uri_component(&subject)),
            String::from(js_sys::encode_uri_component(&text.get()))
        )
    });
    let channels = [Channel::Facebook, Channel::Sms, Channel::Mail];
    // The dream as the runners may see it, for "Del som link" / "Vis QR-kode".
    let one_dream = Callback::new(move |()| {
        dream.with_value(|d| {
            let mut c = tid_og_lyst_core::record::merge::Collection::new();
            c.insert(d.meta.id, d.clone());
            tid_og_lyst_core::sync::share::share_with_runners(&c).0
        })
    });
    view! {
        <section class="card dream-share" aria-labelledby="share-title">
            <h2 id="share-title">{t::SHARE_TITLE}</h2>
            <p class="hint">{t::SHARE_HELP}</p>
            <fieldset class="field checks">
                <legend>{t::CHANNEL}</legend>
                {channels.into_iter().zip(t::CHANNELS).map(|(c, label)| view! {
                    <label class="check">
                        <input type="radio" name="share-channel"
                            prop:checked=move || channel.get() == c
                            on:change=move |_| channel.set(c)/>
                        {label}
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="share-text">{t::POST_TEXT}</label>
                <textarea id="share-text" rows="10" readonly prop:value=move || text.get()></textarea>
            </div>
            <div class="actions">
                <button type="button" class="btn btn--primary" on:click=copy>{t::COPY}</button>
                {can_share.then(|| view! { <button type="button" class="btn" on:click=web_share>{t::WEB_SHARE}</button> })}
                <Show when=move || channel.get() == Channel::Mail>
                    <a class="btn" href=move || mailto.get()>{t::MAIL_LINK}</a>
                </Show>
            </div>
            <p role="status">{move || status.get()}</p>
            <h3>{t::AS_LINK_TITLE}</h3>
            <p class="hint">{t::AS_LINK_HELP}</p>
            <ShareLink kinds=DreamsOnly what=one_dream title=t::AS_LINK_TITLE/>
            <h3>{paper::PRINT_POSTER}</h3>
            <p class="hint">{paper::PRINT_POSTER_HELP}</p>
            <p><a class="btn" href=sheet>{paper::PRINT_POSTER}</a></p>
        </section>
    }
}
