//! "Meld en fejl": someone who sees that an activity's entry is wrong ticks
//! what is wrong (tid, sted, telefon, aflyst, andet) and may add a few words;
//! the core composes a `mailto:` and an `sms:` link to the activity's contact
//! with the message filled in (percent-encoded, RFC 6068 and RFC 5724). The
//! app only shows the links: nothing is sent by the app itself, so it works
//! offline, and the person's own mail or SMS app sends it when it can.

use crate::activities::activity::{is_email, is_phone, Activity};
use crate::activities::da::report as t;
use crate::text::fields::{check_text, percent_encode};

/// Longest note (characters): a mail or SMS app must take the whole link.
pub const MAX_NOTE: usize = 1_000;

/// What can be wrong with an entry, in the order the form shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Problem {
    /// The time is wrong.
    Time,
    /// The place is wrong.
    Place,
    /// The phone number is wrong.
    Phone,
    /// It is cancelled or has stopped.
    Cancelled,
    /// Something else.
    Other,
}

impl Problem {
    /// Every problem, in the form's order.
    pub const ALL: [Problem; 5] = [Problem::Time, Problem::Place, Problem::Phone, Problem::Cancelled, Problem::Other];

    /// The checkbox's label ("Tidspunktet", …).
    pub fn label(self) -> &'static str {
        t::PROBLEMS[self as usize]
    }
}

/// What the person ticked and wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorReport {
    /// The problems ticked (any order; each once counts).
    pub problems: Vec<Problem>,
    /// Their own words (may be empty).
    pub note: String,
}

/// How a message goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// An e-mail (`mailto:`).
    Mail,
    /// An SMS (`sms:`).
    Sms,
}

/// One way to send the report: the link and what it says on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Mail or SMS.
    pub channel: Channel,
    /// The address or number it goes to, as the entry writes it.
    pub to: String,
    /// The `mailto:` or `sms:` link.
    pub href: String,
}

/// Why no message can be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportError {
    /// The entry has neither a usable e-mail address nor a phone number.
    NoContact,
    /// Nothing ticked and nothing written.
    NothingToSay,
    /// The note is over [`MAX_NOTE`] characters.
    NoteTooLong,
    /// The note carries control characters.
    NoteUnreadable,
}

/// The Danish message, worded in `da.rs`.
impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ReportError::NoContact => t::ERR_NO_CONTACT,
            ReportError::NothingToSay => t::ERR_NOTHING,
            ReportError::NoteTooLong => t::ERR_TOO_LONG,
            ReportError::NoteUnreadable => t::ERR_UNREADABLE,
        })
    }
}

/// Where a report about `a` can go: its e-mail address and its phone
/// number, each when usable; [`ReportError::NoContact`] when neither is.
pub fn recipients(a: &Activity) -> Result<Vec<(Channel, String)>, ReportError> {
    let mut out = Vec::new();
    let email = a.contact.email.trim();
    if is_email(email) {
        out.push((Channel::Mail, email.to_string()));
    }
    let phone = a.contact.phone.trim();
    if is_phone(phone) {
        out.push((Channel::Sms, phone.to_string()));
    }
    if out.is_empty() {
        Err(ReportError::NoContact)
    } else {
        Ok(out)
    }
}

/// The problems ticked, each once, in the form's order.
fn ticked(r: &ErrorReport) -> Vec<Problem> {
    let mut p = r.problems.clone();
    p.sort();
    p.dedup();
    p
}

/// The e-mail's subject and body (lines joined by `\n`).
pub fn mail_text(a: &Activity, r: &ErrorReport, page_url: &str) -> (String, String) {
    let mut lines = vec![t::greeting(a.contact.name.trim()), String::new(), t::intro(&a.title)];
    for p in ticked(r) {
        lines.push(format!("- {}", t::problem_line(p as usize, &stated(a, p))));
    }
    let note = r.note.trim();
    if !note.is_empty() {
        lines.push(String::new());
        lines.push(note.to_string());
    }
    lines.push(String::new());
    lines.push(t::page_line(page_url));
    lines.push(String::new());
    lines.push(t::REGARDS.to_string());
    (t::subject(&a.title), lines.join("\n"))
}

/// The SMS: one short paragraph.
pub fn sms_text(a: &Activity, r: &ErrorReport, page_url: &str) -> String {
    let what: Vec<&str> = ticked(r).into_iter().map(|p| t::SHORT[p as usize]).collect();
    let mut s = t::sms_head(&a.title, &what.join(", "));
    let note = r.note.trim();
    if !note.is_empty() {
        s.push(' ');
        s.push_str(note);
    }
    s.push(' ');
    s.push_str(page_url);
    s
}

/// What the entry says now about what is reported wrong ("" when nothing).
fn stated(a: &Activity, p: Problem) -> String {
    match p {
        Problem::Time => a.schedule.describe(),
        Problem::Place => a.place(),
        Problem::Phone => a.contact.phone.trim().to_string(),
        Problem::Cancelled | Problem::Other => String::new(),
    }
}

/// The links that send the report about `a` (whose page is at `page_url`,
/// absolute) by mail and by SMS, each where the entry has the address.
pub fn compose(a: &Activity, r: &ErrorReport, page_url: &str) -> Result<Vec<Message>, ReportError> {
    let to = recipients(a)?;
    let note = r.note.trim();
    if r.problems.is_empty() && note.is_empty() {
        return Err(ReportError::NothingToSay);
    }
    if note.chars().count() > MAX_NOTE {
        return Err(ReportError::NoteTooLong);
    }
    check_text(note).map_err(|_| ReportError::NoteUnreadable)?;
    Ok(to
        .into_iter()
        .map(|(channel, address)| {
            let href = match channel {
                Channel::Mail => {
                    let (subject, body) = mail_text(a, r, page_url);
                    // RFC 6068: line breaks in a body are CRLF.
                    let body = body.replace('\n', "\r\n");
                    let (user, host) = address.split_once('@').unwrap_or((&address, ""));
                    format!(
                        "mailto:{}@{}?subject={}&body={}",
                        percent_encode(user),
                        percent_encode(host),
                        percent_encode(&subject),
                        percent_encode(&body)
                    )
                }
                Channel::Sms => {
                    let number: String = address.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
                    format!("sms:{number}?body={}", percent_encode(&sms_text(a, r, page_url)))
                }
            };
            Message { channel, to: address, href }
        })
        .collect())
}
