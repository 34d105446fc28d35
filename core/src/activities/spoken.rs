//! "Læs op": the text of an activity as it is read aloud by the browser's
//! speech synthesis: the facts in the order a person asks for them, in
//! sentences, with times and prices said in words (`text::spoken`).

use crate::activities::activity::Activity;
use crate::activities::da::{self as t, speech as s};
use crate::activities::schedule::{format_occurrence, Occurrence};
use crate::text::spoken::{for_speech, sentence};

/// What "Læs op" reads of `a`, whose next meeting is `next`.
pub fn read_aloud(a: &Activity, next: Option<&Occurrence>) -> String {
    let mut out = String::new();
    sentence(&mut out, &a.title);
    sentence(&mut out, a.category.label());
    if !a.organizer.trim().is_empty() {
        sentence(&mut out, &format!("{}: {}", s::ORGANIZER, a.organizer.trim()));
    }
    if let Some(o) = next {
        sentence(&mut out, &for_speech(&t::next_time(&format_occurrence(o))));
    }
    sentence(&mut out, &for_speech(&a.schedule.describe()));
    sentence(&mut out, &format!("{}: {}, {}", s::PLACE, a.place(), t::hsds::municipality(&a.municipality)));
    let price = match a.price_dkk.filter(|p| *p > 0.0) {
        Some(p) => for_speech(&t::price(p)),
        None => t::FREE.to_string(),
    };
    sentence(&mut out, &format!("{}: {price}", s::PRICE));
    if a.drop_in {
        sentence(&mut out, t::DROP_IN);
    }
    sentence(&mut out, &a.description);
    let c = &a.contact;
    let mut contact: Vec<String> = Vec::new();
    if !c.name.trim().is_empty() {
        contact.push(c.name.trim().to_string());
    }
    if !c.phone.trim().is_empty() {
        contact.push(format!("{} {}", s::PHONE, c.phone.trim()));
    }
    if !contact.is_empty() {
        sentence(&mut out, &format!("{}: {}", s::CONTACT, contact.join(", ")));
    }
    out
}
