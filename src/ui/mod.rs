//! The yew front end and its browser adapters; built for wasm32 only.

pub mod app;
pub mod article;
pub mod assignment;
pub mod banner;
pub mod browser;
pub mod class_view;
pub mod class_view_host;
pub mod editor;
pub mod export_dialog;
pub mod help;
pub mod i18n;
pub mod import_report;
pub mod library;
pub mod new_article;
pub mod new_student;
pub mod offline;
pub mod print_notes;
pub mod settings;
pub mod side_lists;
pub mod sidebar;
pub mod tag_styles;
pub mod tag_warnings;
pub mod toolbar;
pub mod unsaved;

/// Mounts the app in an element of its own at the end of the body: the class view's module is a
/// second yew app that mounts beside it (`browser::class_module`), and yew's event handling needs
/// the two apps' elements apart.
pub fn start() {
    let root = browser::dom::mount_point();
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
}
