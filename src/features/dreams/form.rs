//! The coordinator's form for a new or edited dream: every field labelled,
//! errors per field after "Gem", privacy and boundary warnings while typing.

use crate::ui::later::Later;
use leptos::prelude::*;

use tid_og_lyst_core::dreams::da as t;
use tid_og_lyst_core::dreams::dream::{Boundary, Category, PartOfDay, Skill};
use tid_og_lyst_core::dreams::form::{Checked, DreamForm, Field, Message};

type GetFn = fn(&DreamForm) -> String;
type SetFn = fn(&mut DreamForm, String);

/// The messages of one field, as text.
fn messages_for(list: &[Message], field: Field) -> Vec<String> {
    list.iter().filter(|m| m.field == field).map(|m| m.text.clone()).collect()
}

/// One labelled input bound to a form field.
#[component]
fn Input(
    /// The form.
    form: RwSignal<DreamForm>,
    /// Element id.
    id: &'static str,
    /// Label.
    label: &'static str,
    /// Reads the field.
    get: GetFn,
    /// Writes the field.
    set: SetFn,
    /// Which field's messages to show.
    field: Field,
    /// Errors to show (after a save attempt).
    errors: Memo<Vec<Message>>,
    /// Warnings to show while typing.
    warnings: Memo<Vec<Message>>,
    /// Input type ("text", "date", "textarea" …).
    #[prop(default = "text")]
    kind: &'static str,
    /// A hint under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Autocomplete and inputmode hints.
    #[prop(default = "off")]
    autocomplete: &'static str,
) -> impl IntoView {
    let err_id = format!("{id}-msg");
    let errs = move || messages_for(&errors.get(), field);
    let warns = move || messages_for(&warnings.get(), field);
    let invalid = move || (!errs().is_empty()).then_some("true");
    let control = if kind == "textarea" {
        view! {
            <textarea id=id rows="4" aria-describedby=err_id.clone() aria-invalid=invalid
                prop:value=move || form.with(get)
                on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id type=kind autocomplete=autocomplete aria-describedby=err_id.clone() aria-invalid=invalid
                prop:value=move || form.with(get)
                on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            {control}
            <div id=err_id>
                {move || errs().into_iter().map(|e| view! { <p class="error">{e}</p> }).collect_view()}
                {move || warns().into_iter().map(|w| view! { <p class="warning">{w}</p> }).collect_view()}
            </div>
        </div>
    }
}

/// The dream form.
#[component]
pub fn DreamFormView(
    /// Starting values.
    initial: DreamForm,
    /// Heading inside the form (none when the page heading says it).
    #[prop(optional)]
    title: Option<&'static str>,
    /// Called with the checked values on "Gem".
    on_save: Callback<Checked>,
    /// Called on "Annullér".
    on_cancel: Callback<()>,
) -> impl IntoView {
    let form = RwSignal::new(initial);
    let tried = RwSignal::new(false);
    let report = Memo::new(move |_| form.with(|f| f.check()));
    let errors = Memo::new(move |_| if tried.get() { report.with(|r| r.errors.clone()) } else { Vec::new() });
    let warnings = Memo::new(move |_| report.with(|r| r.warnings.clone()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if let Some(c) = report.with_untracked(|r| r.checked.clone()) {
            on_save.run(c);
        } else if let Some(first) = document().query_selector("[aria-invalid=true]").ok().flatten() {
            use wasm_bindgen::JsCast;
            if let Ok(el) = first.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    let field = move |id, label, get: GetFn, set: SetFn, f: Field| {
        view! { <Input form id label get set field=f errors warnings/> }
    };
    view! {
        <form class="card dream-form" on:submit=submit novalidate>
            {title.map(|h| view! { <h2>{h}</h2> })}
            <div role="alert">
                {move || (tried.get() && !errors.with(Vec::is_empty)).then(|| view! {
                    <div class="notice notice--error">
                        <p>{t::FORM_ERRORS}</p>
                        <ul>{errors.get().into_iter().map(|m| view! { <li>{m.text}</li> }).collect_view()}</ul>
                    </div>
                })}
            </div>
            <Later>
                {field("df-title", t::F_TITLE, |f| f.title.clone(), |f, v| f.title = v, Field::Title)}
                <Input form id="df-story" label=t::F_STORY get=|f| f.story.clone() set=|f, v| f.story = v field=Field::Story errors warnings kind="textarea"/>
                <div class="form-row">
                    {field("df-dreamer", t::F_DREAMER, |f| f.dreamer.clone(), |f, v| f.dreamer = v, Field::Dreamer)}
                    <Input form id="df-age" label=t::F_AGE get=|f| f.age.clone() set=|f, v| f.age = v field=Field::Age errors warnings kind="number"/>
                </div>
            </Later>
            <Later>
                <div class="form-row">
                    {field("df-municipality", t::F_MUNICIPALITY, |f| f.municipality.clone(), |f, v| f.municipality = v, Field::Municipality)}
                    {field("df-place", t::F_PLACE, |f| f.place.clone(), |f, v| f.place = v, Field::Place)}
                </div>
                <p class="hint">{t::WINDOW_HELP}</p>
                <div class="form-row">
                    <Input form id="df-from" label=t::F_FROM get=|f| f.from.clone() set=|f, v| f.from = v field=Field::From errors warnings kind="date"/>
                    <Input form id="df-to" label=t::F_TO get=|f| f.to.clone() set=|f, v| f.to = v field=Field::To errors warnings kind="date"/>
                    <Input form id="df-reply" label=t::F_REPLY_BY get=|f| f.reply_by.clone() set=|f, v| f.reply_by = v field=Field::ReplyBy errors warnings kind="date"/>
                </div>
            </Later>
            <Later>
                <fieldset class="field checks">
                    <legend>{t::F_TIMES}</legend>
                    <p class="hint">{t::TIMES_HELP}</p>
                    {PartOfDay::ALL.into_iter().map(|p| view! {
                        <label class="check">
                            <input type="checkbox"
                                prop:checked=move || form.with(|f| f.times.contains(&p))
                                on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| { if on { f.times.insert(p); } else { f.times.remove(&p); } }) }/>
                            {p.label()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <div class="form-row">
                    {field("df-hours", t::F_HOURS, |f| f.hours.clone(), |f, v| f.hours = v, Field::Hours)}
                    <Input form id="df-runners" label=t::F_RUNNERS get=|f| f.runners.clone() set=|f, v| f.runners = v field=Field::Runners errors warnings kind="number"/>
                    <div class="field">
                        <label for="df-category">{t::F_CATEGORY}</label>
                        <select id="df-category" prop:value=move || form.with(|f| f.category.clone())
                            on:change=move |ev| form.update(|f| f.category = event_target_value(&ev))>
                            {Category::ALL.into_iter().map(|c| view! { <option value=c.slug()>{c.label()}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
            </Later>
            <Later>
                <Input form id="df-needs" label=t::F_NEEDS get=|f| f.needs.clone() set=|f, v| f.needs = v field=Field::Needs errors warnings hint=t::F_NEEDS_HELP/>
                <Skills form errors warnings/>
                <div class="form-row">
                    <Input form id="df-coord-name" label=t::F_COORD_NAME get=|f| f.coord_name.clone() set=|f, v| f.coord_name = v field=Field::Coordinator errors warnings autocomplete="name"/>
                    <Input form id="df-coord-contact" label=t::F_COORD_CONTACT get=|f| f.coord_contact.clone() set=|f, v| f.coord_contact = v field=Field::Coordinator errors=Memo::new(|_| Vec::new()) warnings=Memo::new(|_| Vec::new())/>
                </div>
                <Boundaries form warnings/>
                <Input form id="df-private" label=t::F_PRIVATE get=|f| f.private_note.clone() set=|f, v| f.private_note = v field=Field::Private errors warnings kind="textarea" hint=t::F_PRIVATE_HELP/>
                <label class="check">
                    <input type="checkbox" aria-describedby="df-confirm-help"
                        prop:checked=move || form.with(|f| f.confirm_claims)
                        on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| f.confirm_claims = on) }/>
                    {t::F_CONFIRM_CLAIMS}
                </label>
                <p class="hint" id="df-confirm-help">{t::CONFIRM_CLAIMS_HELP}</p>
                <Input form id="df-erase" label=t::F_ERASE_DAYS get=|f| f.erase_days.clone() set=|f, v| f.erase_days = v field=Field::EraseDays errors warnings kind="number" hint=t::ERASE_DAYS_HELP/>
                <div class="actions">
                    <button type="submit" class="btn btn--primary">{t::SAVE}</button>
                    <button type="button" class="btn" on:click=move |_| on_cancel.run(())>{t::CANCEL}</button>
                </div>
            </Later>
        </form>
    }
}

/// The boundary checklist.
#[component]
fn Boundaries(
    /// The form.
    form: RwSignal<DreamForm>,
    /// Warnings (boundary words, unconfirmed).
    warnings: Memo<Vec<Message>>,
) -> impl IntoView {
    view! {
        <fieldset class="field checks boundaries" aria-describedby="df-boundaries-msg">
            <legend>{t::BOUNDARIES_TITLE}</legend>
            <p class="hint">{t::BOUNDARIES_HELP}</p>
            {Boundary::ALL.into_iter().map(|b| view! {
                <label class="check">
                    <input type="checkbox"
                        prop:checked=move || form.with(|f| f.boundaries.contains(&b))
                        on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| { if on { f.boundaries.insert(b); } else { f.boundaries.remove(&b); } }) }/>
                    {t::boundary(b)}
                </label>
            }).collect_view()}
            <div id="df-boundaries-msg">
                {move || messages_for(&warnings.get(), Field::Boundaries).into_iter().map(|w| view! { <p class="warning">{w}</p> }).collect_view()}
            </div>
        </fieldset>
    }
}

/// What the dream needs its runners to bring: checkboxes and a language.
#[component]
fn Skills(
    /// The form.
    form: RwSignal<DreamForm>,
    /// Errors to show (after a save attempt).
    errors: Memo<Vec<Message>>,
    /// Warnings to show while typing.
    warnings: Memo<Vec<Message>>,
) -> impl IntoView {
    view! {
        <fieldset class="field checks">
            <legend>{t::F_SKILLS}</legend>
            {Skill::checkboxes().into_iter().map(|s| {
                let label = t::skill(&s);
                let (s1, s2) = (s.clone(), s);
                view! {
                    <label class="check">
                        <input type="checkbox"
                            prop:checked=move || form.with(|f| f.skills.contains(&s1))
                            on:change=move |ev| { let on = event_target_checked(&ev); let s = s2.clone(); form.update(|f| { if on { f.skills.insert(s); } else { f.skills.remove(&s); } }) }/>
                        {label}
                    </label>
                }
            }).collect_view()}
            <Input form id="df-language" label=t::F_LANGUAGE get=|f| f.language.clone() set=|f, v| f.language = v field=Field::Language errors warnings hint=t::F_LANGUAGE_HELP/>
        </fieldset>
    }
}
