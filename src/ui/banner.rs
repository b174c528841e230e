//! Warnings about saving: storage blocked or full, or stored values that could not be read.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    /// What went wrong, in words for the user.
    pub message: AttrValue,
    /// Label of the button that saves a copy, e.g. "Export now".
    pub action: AttrValue,
    pub on_action: Callback<()>,
}

#[function_component(WarningBanner)]
pub fn warning_banner(props: &BannerProps) -> Html {
    let on_action = props.on_action.clone();
    html! {
        <div class="warning" role="alert">
            <span class="warning-text">{props.message.clone()}</span>
            <button type="button" onclick={move |_| on_action.emit(())}>{props.action.clone()}</button>
        </div>
    }
}
