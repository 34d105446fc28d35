//! Adding and editing an activity: a plain form over a [`Draft`]; on "Gem"
//! the pure core builds the record or returns a Danish error per field,
//! shown next to the field and summarised at the top.

use crate::router::use_navigate;
use crate::router::NavigateOptions;
use crate::routes::Route;
use crate::ui::link::to;
use leptos::prelude::*;

use crate::state::{now, use_app, NoticeKind};
use crate::ui::later::Later;
use tid_og_lyst_core::activities::activity::{
    format_date, Activity, Draft, FieldErrors, KIND_DATES, KIND_MONTHLY, KIND_WEEKLY,
};
use tid_og_lyst_core::activities::da::{self as t, field as f};
use tid_og_lyst_core::activities::municipalities::MUNICIPALITIES;
use tid_og_lyst_core::record::merge;
use tid_og_lyst_core::text::dates::today;

type GetText = fn(&Draft) -> String;
type SetText = fn(&mut Draft, String);

/// The form.
#[component]
pub fn ActivityForm(
    /// The activity being edited; `None` for a new one.
    existing: Option<Activity>,
) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let draft = RwSignal::new(existing.as_ref().map(Draft::from_activity).unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::new());
    let is_new = existing.is_none();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut d = draft.get_untracked();
        d.updated = format_date(today(now()));
        // Whoever types in a new activity vouches for it today; an edit
        // leaves the last confirmation as it was ("Stadig aktuel" renews it).
        if is_new {
            d.confirmed = format_date(today(now()));
        }
        let (meta, extra) = match &existing {
            Some(a) => {
                let mut m = a.meta.clone();
                m.rev = state.stamp();
                (m, a.extra.clone())
            }
            None => (state.new_meta(), Default::default()),
        };
        match d.build(meta, extra) {
            Ok(a) => {
                errors.set(FieldErrors::new());
                let id = a.meta.id;
                state.data.update(|data| merge::insert(&mut data.activities, a));
                state.notify(NoticeKind::Info, t::SAVED);
                navigate(&to(&Route::Activity(id.to_string())), NavigateOptions::default());
            }
            Err(e) => {
                let first = e.keys().next().map(|k| format!("af-{k}"));
                errors.set(e);
                if let Some(id) = first {
                    focus_later(id);
                }
            }
        }
    };
    view! {
        <section class="page activity-form">
            <super::top::FormHead is_new/>
            <ErrorSummary errors=errors/>
            <form on:submit=save novalidate>
                <Later>
                    <TextField draft errors key="title" label=f::TITLE get=|d| d.title.clone() set=|d, v| d.title = v/>
                    <TextField draft errors key="organizer" label=f::ORGANIZER get=|d| d.organizer.clone() set=|d, v| d.organizer = v/>
                    <SelectField draft errors key="category" label=f::CATEGORY options=t::CATEGORIES.iter().map(|(k, n)| (k.to_string(), n.to_string())).collect()
                        get=|d| d.category.clone() set=|d, v| d.category = v/>
                    <TextField draft errors key="description" label=f::DESCRIPTION multiline=true get=|d| d.description.clone() set=|d, v| d.description = v/>
                </Later>
                <Later>
                    <SelectField draft errors key="municipality" label=f::MUNICIPALITY
                        options=std::iter::once((String::new(), "–".to_string())).chain(MUNICIPALITIES.iter().map(|(m, _)| (m.to_string(), m.to_string()))).collect()
                        get=|d| d.municipality.clone() set=|d, v| d.municipality = v/>
                    <TextField draft errors key="town" label=f::TOWN get=|d| d.town.clone() set=|d, v| d.town = v/>
                    <TextField draft errors key="address" label=f::ADDRESS get=|d| d.address.clone() set=|d, v| d.address = v/>
                </Later>
                <Later>
                    <ScheduleFields draft errors/>
                </Later>
                <Later>
                    <TextField draft errors key="price" label=f::PRICE input_mode="decimal" get=|d| d.price.clone() set=|d, v| d.price = v/>
                    <TextField draft errors key="audience" label=f::AUDIENCE get=|d| d.audience.clone() set=|d, v| d.audience = v/>
                    <fieldset class="field">
                        <legend>{t::ACCESS}</legend>
                        <CheckField draft label=f::WHEELCHAIR get=|d| d.wheelchair set=|d, v| d.wheelchair = v/>
                        <CheckField draft label=f::TRANSPORT get=|d| d.transport set=|d, v| d.transport = v/>
                        <CheckField draft label=f::COMPANION get=|d| d.companion set=|d, v| d.companion = v/>
                        <CheckField draft label=f::DROP_IN get=|d| d.drop_in set=|d, v| d.drop_in = v/>
                    </fieldset>
                </Later>
                <Later>
                    <TextField draft errors key="contact_name" label=f::CONTACT_NAME get=|d| d.contact_name.clone() set=|d, v| d.contact_name = v/>
                    <TextField draft errors key="phone" label=f::PHONE input_type="tel" get=|d| d.phone.clone() set=|d, v| d.phone = v/>
                    <TextField draft errors key="email" label=f::EMAIL input_type="email" get=|d| d.email.clone() set=|d, v| d.email = v/>
                    <TextField draft errors key="web" label=f::WEB input_type="url" get=|d| d.web.clone() set=|d, v| d.web = v/>
                    <TextField draft errors key="source" label=f::SOURCE get=|d| d.source.clone() set=|d, v| d.source = v/>
                    <div class="actions">
                        <button type="submit" class="btn btn--primary">{t::SAVE}</button>
                    </div>
                </Later>
            </form>
        </section>
    }
}

fn focus_later(id: String) {
    leptos::task::spawn_local(async move {
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id)) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

#[component]
fn ErrorSummary(errors: RwSignal<FieldErrors>) -> impl IntoView {
    view! {
        <div role="alert">
            {move || {
                let e = errors.get();
                (!e.is_empty()).then(|| view! {
                    <div class="notice notice--error act-error-summary">
                        <p><strong>{t::ERR_SUMMARY}</strong></p>
                        <ul>{e.values().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
        </div>
    }
}

/// The error text of one field, if any.
#[component]
fn FieldError(errors: RwSignal<FieldErrors>, key: &'static str) -> impl IntoView {
    move || {
        errors.with(|e| e.get(key).cloned()).map(|m| view! { <p class="error" id=format!("af-{key}-error")>{m}</p> })
    }
}

#[component]
fn TextField(
    draft: RwSignal<Draft>,
    errors: RwSignal<FieldErrors>,
    key: &'static str,
    label: &'static str,
    get: GetText,
    set: SetText,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(optional)] input_mode: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let id = format!("af-{key}");
    let invalid = move || errors.with(|e| e.contains_key(key)).then_some("true");
    let described = move || {
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(format!("af-{key}-hint"));
        }
        if errors.with(|e| e.contains_key(key)) {
            ids.push(format!("af-{key}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        draft.update(|d| set(d, v));
    };
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows="5" aria-invalid=invalid aria-describedby=described
                prop:value=move || draft.with(get) on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type=input_type.unwrap_or("text") inputmode=input_mode aria-invalid=invalid
                aria-describedby=described prop:value=move || draft.with(get) on:input=on_input/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("af-{key}-hint")>{h}</p> })}
            {control}
            <FieldError errors key/>
        </div>
    }
}

#[component]
fn SelectField(
    draft: RwSignal<Draft>,
    errors: RwSignal<FieldErrors>,
    key: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    get: GetText,
    set: SetText,
) -> impl IntoView {
    let id = format!("af-{key}");
    let invalid = move || errors.with(|e| e.contains_key(key)).then_some("true");
    let described = move || errors.with(|e| e.contains_key(key)).then(|| format!("af-{key}-error"));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id aria-invalid=invalid aria-describedby=described
                on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| set(d, v)); }>
                // Chosen once: only this select changes its value afterwards.
                {options.into_iter().map(|(v, n)| {
                    let selected = draft.with_untracked(get) == v;
                    view! { <option value=v selected=selected>{n}</option> }
                }).collect_view()}
            </select>
            <FieldError errors key/>
        </div>
    }
}

#[component]
fn CheckField(
    draft: RwSignal<Draft>,
    label: &'static str,
    get: fn(&Draft) -> bool,
    set: fn(&mut Draft, bool),
) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=move || draft.with(get)
                on:change=move |ev| { let v = event_target_checked(&ev); draft.update(|d| set(d, v)); }/>
            {label}
        </label>
    }
}

#[component]
fn ScheduleFields(draft: RwSignal<Draft>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let kind = move || draft.with(|d| d.kind.clone());
    view! {
        <fieldset class="field act-schedule">
            <legend>{f::SCHEDULE}</legend>
            {f::SCHEDULE_KINDS.iter().map(|(k, n)| view! {
                <label class="check">
                    <input type="radio" name="af-kind" value=*k prop:checked=move || kind() == *k
                        on:change=move |_| draft.update(|d| d.kind = k.to_string())/>
                    {*n}
                </label>
            }).collect_view()}
        </fieldset>
        <Show when=move || kind() == KIND_WEEKLY>
            <fieldset class="field act-days" aria-describedby=move || errors.with(|e| e.contains_key("days")).then_some("af-days-error")>
                <legend>{f::DAYS}</legend>
                <div class="act-days__list" id="af-days" tabindex="-1">
                    {(0..7usize).map(|i| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || draft.with(|d| d.days[i])
                                on:change=move |ev| { let v = event_target_checked(&ev); draft.update(|d| d.days[i] = v); }/>
                            {t::WEEKDAYS[i]}
                        </label>
                    }).collect_view()}
                </div>
                <FieldError errors key="days"/>
            </fieldset>
        </Show>
        <Show when=move || kind() == KIND_MONTHLY>
            <SelectField draft errors key="nth" label=f::NTH
                options=vec![("1".into(), t::NTH[0].into()), ("2".into(), t::NTH[1].into()), ("3".into(), t::NTH[2].into()), ("4".into(), t::NTH[3].into()), ("-1".into(), t::NTH[4].into())]
                get=|d| d.nth.clone() set=|d, v| d.nth = v/>
            <SelectField draft errors key="month_day" label=f::MONTH_DAY
                options=(0..7).map(|i| (i.to_string(), t::WEEKDAYS[i].to_string())).collect()
                get=|d| d.month_day.to_string() set=|d, v| d.month_day = v.parse().unwrap_or(0)/>
        </Show>
        <Show when=move || kind() == KIND_DATES>
            <TextField draft errors key="dates" label=f::DATES get=|d| d.dates.clone() set=|d, v| d.dates = v/>
        </Show>
        <Show when=move || kind() != tid_og_lyst_core::activities::activity::KIND_AGREEMENT>
            <div class="act-times">
                <TextField draft errors key="start" label=f::START input_mode="decimal" get=|d| d.start.clone() set=|d, v| d.start = v/>
                <TextField draft errors key="end" label=f::END input_mode="decimal" get=|d| d.end.clone() set=|d, v| d.end = v/>
            </div>
        </Show>
        <Show when=move || kind() == KIND_WEEKLY || kind() == KIND_MONTHLY>
            <TextField draft errors key="pause" label=f::PAUSE hint=t::PAUSE_HINT get=|d| d.pause.clone() set=|d, v| d.pause = v/>
        </Show>
    }
}
