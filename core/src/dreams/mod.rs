//! Drømmeløber-tavlen: the dream and its claims with their typed lifecycle
//! (`dream`), the coordinator's form (`form`), "Hvornår har du tid?"
//! (`matching`), privacy checks (`privacy`), posts and calendar files
//! (`share`), every change as one checked step (`steps`), and every Danish
//! text of the part (`da`).

pub mod da;
pub mod da_report;
pub mod dream;
pub mod form;
pub mod matching;
pub mod paper;
pub mod privacy;
pub mod report;
pub mod risk;
pub mod share;
pub mod steps;
