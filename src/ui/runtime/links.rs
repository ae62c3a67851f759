//! Share links: the whole scenario in the address's fragment (`#s=h1.…`), so opening a link
//! never sends it anywhere. A shared scenario is shown without touching the user's own saved
//! work until they choose to keep it; a bad link only gives a message.

use leptos::prelude::*;

use crate::model::share::{is_link_fragment, open_link, scenario_link, LinkError, LINK_PARAM};
use crate::model::Scenario;
use crate::ui::runtime::browser;
use crate::ui::runtime::persist;
use crate::ui::state::AppState;

/// Why no share link could be made.
#[derive(Debug, thiserror::Error)]
pub enum ShareError {
    #[error(transparent)]
    Encode(#[from] LinkError),
    #[error("the page's address is not readable ({0})")]
    Address(#[from] browser::BrowserError),
}

/// The link that opens `scenario`.
pub fn link_for(scenario: &Scenario) -> Result<String, ShareError> {
    let payload = scenario_link(scenario)?;
    let page = browser::page_address()?;
    Ok(format!("{page}#{LINK_PARAM}={payload}"))
}

/// Opens the scenario in the address's fragment, if it holds one (`#s=…`); any other
/// fragment is ignored silently.
pub fn open_from_address(state: AppState) {
    let Some(fragment) = browser::fragment().filter(|f| is_link_fragment(f)) else {
        // Not ours (`#foo=bar`, an anchor): nothing to open and nothing to say.
        return;
    };
    match open_link(&fragment) {
        Ok(scenario) => {
            state.shared_view.set(true);
            state.scenario.set(scenario);
        }
        Err(e) => {
            browser::clear_fragment();
            state.tell(format!(
                "This link could not be opened: {e}. Your own scenario and saved scenarios are unchanged."
            ));
        }
    }
}

/// Keeps the shared scenario: it joins the saved list and becomes the user's current one.
pub fn keep_shared(state: AppState) {
    let scenario = state.scenario.get_untracked();
    let name = if scenario.name.trim().is_empty() {
        "Shared scenario".to_string()
    } else {
        scenario.name.clone()
    };
    match state.save_as(&name, &scenario) {
        Ok(name) => {
            own_again(state);
            state.tell(format!("Saved \"{name}\" to your scenarios."));
        }
        Err(e) => state.tell(format!("The shared scenario could not be saved: {e}.")),
    }
}

/// Leaves the shared scenario and returns to the user's own current scenario.
pub fn leave_shared(state: AppState) {
    let own = persist::restore();
    own_again(state);
    state.scenario.set(own.scenario);
}

/// The current scenario is the user's own again (they saved, opened or loaded something):
/// autosave resumes and the link leaves the address bar, so a reload does not reopen it.
pub fn own_again(state: AppState) {
    if state.shared_view.get_untracked() {
        state.shared_view.set(false);
        browser::clear_fragment();
    }
}
