//! Starting the app: the article to open first, its session, the crash handler, the listeners, and reading the stored annotations once the article is painted.

use super::*;

impl App {
    /// The app as it starts: the article open last (else the sample), its session (annotations
    /// read after the first paint), and every listener.
    pub(super) fn new(ctx: &Context<Self>) -> Self {
        // Word snapping and agreement counts need the browser's segmenter before any text arrives.
        crate::ui::browser::segmenter::install();
        crate::ui::browser::lowercase::install();
        crate::ui::browser::caret::install();
        let sample = Rc::new(parse_plain_text(SAMPLE_ARTICLE));
        let ui_lang = lang::initial();
        lang::mark_document(ui_lang);
        let (doc, notice) = initial_document(&sample, ui_lang.texts());
        // The stored annotations are read once the article is painted (Msg::LoadAnnotations), so
        // the article appears without waiting for thousands of them to be decoded.
        let mut kv = LocalKv;
        let mut session = Session::open(doc, &mut kv, SharedQueue::default());
        // Before anything is shown, so a new article's default tags appear in the UI's language.
        // The set chosen last, or the default set (see `App::name_default_tags`).
        session.name_pack_presets(ui_lang.presets().from_teacher);
        let defaults = session.preset_defaults();
        session.use_default_tags(
            defaults.unwrap_or_else(|| crate::domain::annotation::tags::TagSet::defaults(ui_lang.texts())),
        );
        crash::install(session.queue().clone(), ui_lang.texts());
        let listeners = document_listeners(ctx)
            .into_iter()
            .chain(sync::listener(ctx))
            .chain(saving::before_unload(session.queue().clone()))
            .chain(crate::ui::browser::paste::page_listener(ctx.link().callback(Msg::AddPasted)))
            .collect();
        App {
            session,
            kv,
            evicted: eviction::check_on_start(ui_lang.texts()),
            import_input: NodeRef::default(),
            reattach: None,
            lang: ui_lang,
            sample,
            notice_action: None,
            unextracted: None,
            needs_painter: false,
            article_listener: None,
            dialog: None,
            dragging: false,
            file_input: NodeRef::default(),
            painter: None,
            article_ref: NodeRef::default(),
            toolbar_ref: NodeRef::default(),
            editor_ref: NodeRef::default(),
            pending: None,
            note_draft: String::new(),
            editor: None,
            focus_editor: false,
            note_drafts: HashMap::new(),
            filter: None,
            query: String::new(),
            announcement: String::new(),
            notice,
            pointer_down: false,
            current_block: 0,
            listing: RefCell::new(None),
            impacts: RefCell::new(None),
            annotations_just_loaded: false,
            listed_rows: LISTED_ROWS,
            sidebar_callbacks: SidebarCallbacks {
                on_filter: ctx.link().callback(Msg::Filter),
                on_query: ctx.link().callback(Msg::Query),
                on_open: ctx.link().callback(Msg::OpenFromList),
                on_show_more: ctx.link().callback(|()| Msg::ShowMore),
            },
            _listeners: listeners,
            a11y: Default::default(),
            phone: Default::default(),
            saving: saving::Saving::new(ctx.link().clone()),
            printing: false,
            preset_status: None,
            preset_name: NodeRef::default(),
            preset_file: NodeRef::default(),
            key_found: None,
        }
    }

    /// Reads the article's stored annotations, after the article's first paint at start-up, and
    /// paints them. What another tab stored meanwhile is read with them.
    pub(super) fn load_annotations(&mut self, ctx: &Context<Self>) -> bool {
        clock::mark("marginalia:annotations-load-start");
        if !self.session.load_annotations(&mut self.kv) {
            return false;
        }
        self.annotations_just_loaded = true;
        if let Some(painter) = &mut self.painter {
            painter.repaint(self.session.doc(), self.session.store());
        }
        self.keep_views_in_step();
        describe_after_paint(ctx);
        true
    }
}
