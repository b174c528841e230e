//! Where the app opens the class view: loads its wasm module (`browser::class_module`) with a "Loading" dialog meanwhile, or says why it could not, then mounts it with the article, tags and answer key.
//!
//! The class view lives in a module of its own so the start-up download does not carry it
//! (docs/size.md). What it is given is read when it opens; it stays mounted until it closes, and
//! is only put away (hidden) while the article shows one of its passages.

use yew::prelude::*;

use crate::domain::i18n::{Lang, Texts};
use crate::domain::storage;
use crate::ui::browser::class_module::{self, Input, Mounted};
use crate::ui::browser::clock;
use crate::ui::class_view::ClassViewProps;

pub enum HostMsg {
    Loaded(Result<wasm_bindgen::JsValue, String>),
}

pub enum ClassViewHost {
    Loading,
    Failed(String),
    /// Mounted beside the app; held only to be dropped, which unmounts it.
    Open(Mounted),
}

impl Component for ClassViewHost {
    type Message = HostMsg;
    // The panel's own properties: the host takes what the panel takes and hands it over.
    type Properties = ClassViewProps;

    fn create(ctx: &Context<Self>) -> Self {
        let link = ctx.link().clone();
        let load = async move { link.send_message(HostMsg::Loaded(class_module::load().await)) };
        wasm_bindgen_futures::spawn_local(load);
        ClassViewHost::Loading
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Self::Message) -> bool {
        let HostMsg::Loaded(loaded) = msg;
        *self = match loaded.and_then(|module| mount(ctx, &module)) {
            Ok(mounted) => ClassViewHost::Open(mounted),
            Err(why) => ClassViewHost::Failed(why),
        };
        true
    }

    fn changed(&mut self, ctx: &Context<Self>, old: &Self::Properties) -> bool {
        if let ClassViewHost::Open(mounted) = self {
            // The key edited on the article (key mode) or by another tab: the view's scores follow.
            if ctx.props().answer_key != old.answer_key {
                mounted.set_key(&encode_key(&ctx.props().answer_key));
            }
            mounted.set_away(ctx.props().away);
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let t = texts(ctx);
        let on_close = ctx.props().on_close.clone();
        let message = match self {
            ClassViewHost::Open(_) => return html! {},
            ClassViewHost::Loading | ClassViewHost::Failed(_) if ctx.props().away => return html! {},
            ClassViewHost::Loading => html! { <p class="storage-used" role="status">{t.class_view_loading}</p> },
            ClassViewHost::Failed(why) => {
                html! { <p class="notice-inline" role="alert">{(t.class_view_failed)(why)}</p> }
            }
        };
        let busy = matches!(self, ClassViewHost::Loading).then_some("true");
        html! {
            <div class="modal-backdrop class-backdrop class-page">
                <section class="class-view" aria-label={t.class_view} role="dialog" aria-modal="true" aria-busy={busy}>
                    <header class="editor-header class-header">
                        <button type="button" class="back-button" onclick={move |_| on_close.emit(())}>
                            {"← "}{lang(ctx).class_page().back_to_article}</button>
                        <h2>{t.class_view}</h2>
                    </header>
                    { message }
                </section>
            </div>
        }
    }
}

/// The texts of the language the app provides.
fn texts(ctx: &Context<ClassViewHost>) -> &'static Texts {
    lang(ctx).texts()
}

fn lang(ctx: &Context<ClassViewHost>) -> Lang {
    ctx.link().context::<Lang>(Callback::noop()).map(|(lang, _)| lang).unwrap_or_default()
}

/// An answer key as the module reads it: a stored list, or empty for none.
fn encode_key(key: &Option<std::rc::Rc<Vec<crate::domain::annotation::Annotation>>>) -> String {
    key.as_ref().map_or_else(String::new, |key| storage::encode_list(key))
}

/// Mounts the loaded module with what the app stores of the open article.
fn mount(ctx: &Context<ClassViewHost>, module: &wasm_bindgen::JsValue) -> Result<Mounted, String> {
    let props = ctx.props();
    let input = Input {
        lang: lang(ctx).code(),
        article: storage::encode_article(&props.doc, clock::now()),
        tags: storage::encode_tags(&props.tags),
        answer_key: encode_key(&props.answer_key),
        files: props.stored_files.to_string(),
        own_annotations: storage::encode_list(&props.own_annotations),
    };
    let (open, close, save, key) =
        (props.on_open_passage.clone(), props.on_close.clone(), props.on_save.clone(), props.on_key.clone());
    let edit_key = props.on_edit_key.clone();
    // The class view hands the key back as it stores lists; one it cannot read is not kept.
    let on_key = move |list: String| {
        if let Ok(list) = storage::decode_list(&list) {
            key.emit(list)
        }
    };
    let mut mounted = class_module::mount(
        module,
        input,
        move |start, end| open.emit((start, end)),
        move || close.emit(()),
        move |files| save.emit(files),
        on_key,
        move || edit_key.emit(()),
    )?;
    mounted.set_away(props.away);
    Ok(mounted)
}
