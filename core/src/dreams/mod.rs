//! Drømmeløber-tavlen: the dream and its claims with their typed lifecycle
//! (`dream`), the coordinator's form (`form`), "Hvornår har du tid?"
//! (`matching`), privacy checks (`privacy`), posts and calendar files
//! (`share`), every change as one checked step (`steps`), and every Danish
//! text of the part (`da`).

pub mod da;
pub mod dream;
pub mod form;
pub mod matching;
pub mod privacy;
pub mod risk;
pub mod share;
pub mod steps;
