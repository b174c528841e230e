//! The yew front end and its browser adapters; built for wasm32 only.

pub mod app;
pub mod article;
pub mod banner;
pub mod browser;
pub mod class_view;
pub mod editor;
pub mod export_dialog;
pub mod help;
pub mod i18n;
pub mod import_report;
pub mod library;
pub mod new_article;
pub mod offline;
pub mod settings;
pub mod side_lists;
pub mod sidebar;
pub mod tag_styles;
pub mod tag_warnings;
pub mod toolbar;

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
