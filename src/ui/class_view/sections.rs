//! The class view's sections: rejected files, students, the student-by-tag table, scores, agreement, layers, density, passages, disagreements and the consensus.

use super::*;
use crate::domain::class::figure_reading::{band_of, rare_tag_paradox};
use crate::ui::browser::form;

impl ClassViewPanel {
    pub(super) fn view_rejected(&self, t: &ClassViewTexts) -> Html {
        let rejected: Vec<&Rejected> = self.unreadable.iter().chain(self.view.rejected()).collect();
        if rejected.is_empty() {
            return html! {};
        }
        html! {
            <section class="class-block" aria-labelledby="class-rejected">
                <h3 id="class-rejected">{(t.files_left_out)(rejected.len())}</h3>
                <ul class="class-rejected">
                    { for rejected.iter().map(|r| html! { <li>{format!("{}: {}", r.student, r.reason.message(t))}</li> }) }
                </ul>
            </section>
        }
    }

    /// Files whose annotations name several authors (one person exported another's work too).
    pub(super) fn view_mixed(&self, t: &ClassViewTexts) -> Html {
        let line = |(student, authors): &(String, Vec<(String, usize)>)| {
            let names: Vec<String> = authors.iter().map(|(name, n)| format!("{name} ({n})")).collect();
            html! { <li class="notice-inline">{(t.several_authors)(student, &names.join(", "))}</li> }
        };
        html! {
            if !self.mixed.is_empty() {
                <ul class="class-mixed">{ for self.mixed.iter().map(line) }</ul>
            }
        }
    }

    pub(super) fn view_students(&self, ctx: &Context<Self>) -> Html {
        let (t, ft) = (texts(ctx), lang(ctx).class_files());
        let rows = self.view.students().iter().enumerate().map(|(i, s)| {
            let checked = self.visible.get(i).copied().unwrap_or(true);
            let id = format!("class-student-{i}");
            html! {
                <li key={id.clone()}>
                    <input type="checkbox" id={id.clone()} checked={checked}
                        onchange={ctx.link().callback(move |_| ClassMsg::ToggleStudent(i))} />
                    <label for={id}>{format!("{} ({})", s.name, (t.annotation_count)(s.annotations.len()))}</label>
                    <button type="button" id={format!("student-notes-{i}")} class="student-notes-button no-print"
                        aria-label={(ft.notes_of)(&s.name)} onclick={ctx.link().callback(move |_| ClassMsg::ShowStudent(Some(i)))}>{ft.notes}</button>
                </li>
            }
        });
        html! {
            <section class="class-block" aria-labelledby="class-students">
                <h3 id="class-students">{(t.students_shown)(self.shown(), self.view.students().len())}</h3>
                <ul class="class-students">{ for rows }</ul>
            </section>
        }
    }

    pub(super) fn view_table(&self, ctx: &Context<Self>) -> Html {
        let t = texts(ctx);
        let table = self.view.table(&self.visible);
        let names: Vec<String> = table.tags.iter().map(|t| self.tag_name(t)).collect();
        html! {
            <section class="class-block" aria-labelledby="class-table">
                <h3 id="class-table">{t.students_by_tag}</h3>
                <table tabindex="0" class="class-table" aria-labelledby="class-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.student}</th>
                            { for names.iter().map(|n| html! { <th scope="col">{n.clone()}</th> }) }
                            <th scope="col">{t.annotations}</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for table.rows.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{r.name.clone()}</th>
                                { for r.counts.iter().map(|n| html! { <td>{n.to_string()}</td> }) }
                                <td>{r.annotations.to_string()}</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{t.total}</th>
                            { for table.totals.iter().map(|n| html! { <td>{n.to_string()}</td> }) }
                            <td>{table.annotations.to_string()}</td>
                        </tr>
                    </tfoot>
                </table>
                <button type="button" onclick={ctx.link().callback(|_| ClassMsg::DownloadTable)}>{t.download_csv}<span class="visually-hidden">{t.of_students_by_tag}</span></button>
            </section>
        }
    }

    pub(super) fn view_agreement(&self, ctx: &Context<Self>) -> Html {
        let (t, c) = (texts(ctx), key::class_texts(ctx));
        let reading = |f: Figure| -> Html {
            band_of(f).map_or_else(|| html! {}, |b| html! { <span class="reading">{c.bands[b.index()]}</span> })
        };
        let agreement = self.view.agreement(&self.visible);
        let shown = self.view.shown(&self.visible);
        let pairs = self.view.pairs(&self.visible);
        let tags = self.view.tags();
        let pair_tag = self.pair_tag.min(tags.len().saturating_sub(1));
        let options = tags.iter().enumerate().map(|(i, tag)| {
            html! { <option value={i.to_string()} selected={i == pair_tag}>{self.tag_name(tag)}</option> }
        });
        let student_name = |i: usize| self.view.students().get(i).map_or(String::new(), |s| s.name.clone());
        let cell = |a: usize, b: usize| -> Html {
            if a == b {
                return html! { <td class="diagonal"><span class="visually-hidden">{t.same_student}</span></td> };
            }
            let pair = pairs.iter().find(|p| (p.a, p.b) == (a, b) || (p.a, p.b) == (b, a));
            let f = pair
                .and_then(|p| tags.get(pair_tag).and_then(|tag| p.agreement.per_tag.iter().find(|f| &f.tag == tag)))
                .map(|f| f.kappa);
            html! { <td>{ f.map_or_else(|| html! {}, |f| kappa(f, t)) }</td> }
        };
        html! {
            <section class="class-block" aria-labelledby="class-agreement">
                <h3 id="class-agreement">{t.agreement_heading}</h3>
                <table tabindex="0" class="class-table agreement-table" aria-labelledby="class-agreement">
                    <thead>
                        <tr>
                            <th scope="col">{t.tag}</th>
                            <th scope="col">{t.percent_agreement}</th>
                            <th scope="col">{t.fleiss_kappa}</th>
                            <th scope="col">{c.reading}</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for agreement.per_tag.iter().map(|f| html! {
                            <tr>
                                <th scope="row">{self.tag_name(&f.tag)}</th>
                                <td>{percent(f.percent, t)}</td>
                                <td>{kappa(f.kappa, t)}</td>
                                <td>{reading(f.kappa)}</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{t.overall}</th>
                            <td>{percent(agreement.overall_percent, t)}</td>
                            <td>{kappa(agreement.overall_kappa, t)}</td>
                            <td>{reading(agreement.overall_kappa)}</td>
                        </tr>
                    </tfoot>
                </table>
                { for agreement.per_tag.iter().filter(|f| rare_tag_paradox(f.percent, f.kappa)).map(|f| html! {
                    <p class="rare-tag">{(c.rare_tag)(&self.tag_name(&f.tag))}</p>
                }) }
                <p class="storage-used">{c.bands_source}</p>
                <button type="button" onclick={ctx.link().callback(|_| ClassMsg::DownloadAgreement)}>{t.download_csv}<span class="visually-hidden">{t.of_agreement_figures}</span></button>
                if shown.len() >= 2 && !tags.is_empty() {
                    <h4 id="class-pairs">{t.cohen_pairs}</h4>
                    <label class="pair-tag">{t.tag}{" "}
                        <select onchange={ctx.link().callback(|e: Event| ClassMsg::PairTag(form::value(&e).parse().unwrap_or(0)))}>
                            { for options }
                        </select>
                    </label>
                    <table tabindex="0" class="class-table pair-table" aria-labelledby="class-pairs">
                        <thead>
                            <tr>
                                <td></td>
                                { for shown.iter().map(|&i| html! { <th scope="col">{student_name(i)}</th> }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for shown.iter().map(|&a| html! {
                                <tr>
                                    <th scope="row">{student_name(a)}</th>
                                    { for shown.iter().map(|&b| cell(a, b)) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            </section>
        }
    }

    /// The article's blocks as plain-text paragraphs with the shown students' marks drawn on them.
    pub(super) fn view_layers(&self, ctx: &Context<Self>) -> Html {
        let t = texts(ctx);
        let doc = &ctx.props().doc;
        let shown = self.view.shown(&self.visible);
        let names: Vec<String> = self.view.students().iter().map(|s| s.name.clone()).collect();
        let pieces = segments(doc, self.view.students(), &shown);
        let by_student = self.by_student;
        let piece = |p: &LayerSegment| -> Html {
            let text = doc.slice(p.start, p.end).to_string();
            if p.marks.is_empty() {
                return html! { {text} };
            }
            let title = p.title_in(shown.len(), &names, &self.tags, self.view.tags(), t);
            let students = p.students();
            let many = (students.len() > 1).then_some("many");
            if by_student {
                let k = students.first().copied().unwrap_or(0) % 8;
                html! { <mark class={classes!("layer-mark", "by-student", format!("student-{k}"), many)} title={title.clone()} aria-label={title} tabindex="-1">{text}</mark> }
            } else {
                let tag = p.main_tag(self.view.tags());
                let index =
                    tag.and_then(|t| ctx.props().tags.tags.iter().position(|x| x.id == t)).map(|i| i.to_string());
                html! { <mark class={classes!("layer-mark", "by-tag", many)} data-tag={index} title={title.clone()} aria-label={title} tabindex="-1">{text}</mark> }
            }
        };
        let legend = by_student.then(|| {
            html! {
                <ul class="layer-legend" aria-label={t.student_colours}>
                    { for shown.iter().map(|&i| html! {
                        <li><span class={classes!("layer-swatch", format!("student-{}", i % 8))} aria-hidden="true"></span>{names.get(i).cloned().unwrap_or_default()}</li>
                    }) }
                </ul>
            }
        });
        html! {
            <section class="class-block class-layers" aria-labelledby="class-layers">
                <h3 id="class-layers">{t.class_on_article}</h3>
                <div class="layer-colour" role="radiogroup" aria-label={t.colour_marks}>
                    <label><input type="radio" name="class-layer-colour" checked={!by_student}
                        onchange={ctx.link().callback(|_| ClassMsg::ColourByStudent(false))} />{t.colour_by_tag}</label>
                    <label><input type="radio" name="class-layer-colour" checked={by_student}
                        onchange={ctx.link().callback(|_| ClassMsg::ColourByStudent(true))} />{t.colour_by_student}</label>
                </div>
                { legend.unwrap_or_default() }
                <div class="layer-article" tabindex="0" aria-label={t.layer_article} role="region">
                    { for pieces.iter().map(|block| html! { <p class="layer-block">{ for block.iter().map(&piece) }</p> }) }
                </div>
            </section>
        }
    }

    pub(super) fn view_density(&self, t: &ClassViewTexts) -> Html {
        let strips = self.view.tags().iter().map(|tag| {
            let values = self.view.density(tag, BUCKETS, &self.visible);
            let name = self.tag_name(tag);
            let fill = fill_of(&self.tags, tag);
            let label = density_summary(&name, &values, t);
            let rects = values.iter().enumerate().filter(|(_, v)| **v > 0.0).map(|(i, v)| {
                let h = (v * STRIP_HEIGHT).max(1.0);
                html! {
                    <rect x={i.to_string()} y={format!("{:.2}", STRIP_HEIGHT - h)} width="1" height={format!("{h:.2}")} fill={fill.clone()} />
                }
            });
            html! {
                <div class="density-row">
                    <span class="density-name" aria-hidden="true">{name.clone()}</span>
                    <svg class="density-strip" role="img" aria-label={label} viewBox={format!("0 0 {BUCKETS} {STRIP_HEIGHT}")}
                        preserveAspectRatio="none">
                        <rect class="density-bg" x="0" y="0" width={BUCKETS.to_string()} height={STRIP_HEIGHT.to_string()} />
                        { for rects }
                    </svg>
                </div>
            }
        });
        html! {
            <section class="class-block" aria-labelledby="class-density">
                <h3 id="class-density">{t.density_heading}</h3>
                <p class="storage-used">{t.density_intro}</p>
                { for strips }
            </section>
        }
    }

    pub(super) fn passage_button(&self, ctx: &Context<Self>, start: usize, end: usize, text: String) -> Html {
        let on_open = ctx.props().on_open_passage.clone();
        let quote = excerpt(ctx.props().doc.slice(start, end), 90);
        html! {
            <li>
                <button type="button" class="passage-link" onclick={move |_| on_open.emit((start, end))}>
                    <span class="passage-summary">{text}</span>
                    <q class="passage-quote" dir="auto">{quote}</q>
                </button>
            </li>
        }
    }

    pub(super) fn view_passages(&self, ctx: &Context<Self>) -> Html {
        let t = texts(ctx);
        let passages = self.view.passages(&self.visible);
        let more = passages.len().saturating_sub(LIST_LIMIT);
        let items = passages
            .iter()
            .take(LIST_LIMIT)
            .map(|p| self.passage_button(ctx, p.start, p.end, p.summaries_in(&self.tags, t).join("; ")));
        html! {
            <section class="class-block" aria-labelledby="class-passages">
                <h3 id="class-passages">{(t.passages)(passages.len())}</h3>
                <p class="storage-used">{key::class_texts(ctx).passages_intro}</p>
                <ul class="passage-list">{ for items }</ul>
                if more > 0 { <p class="storage-used">{(t.more_not_listed)(more)}</p> }
            </section>
        }
    }

    pub(super) fn view_disagreements(&self, ctx: &Context<Self>) -> Html {
        let t = texts(ctx);
        let list = self.view.disagreements(&self.visible);
        let more = list.len().saturating_sub(LIST_LIMIT);
        let items = list.iter().take(LIST_LIMIT).map(|d| {
            let name = |i: usize| self.view.students().get(i).map(|s| s.name.clone());
            let who: Vec<String> = d.tagged_by.iter().filter_map(|&i| name(i)).collect();
            let others: Vec<String> = self
                .view
                .shown(&self.visible)
                .into_iter()
                .filter(|i| !d.tagged_by.contains(i))
                .filter_map(name)
                .collect();
            let text = (t.tagged_by)(&d.summary_in(&self.tag_name(&d.tag), t), &who.join(", "), &others.join(", "));
            self.passage_button(ctx, d.start, d.end, text)
        });
        html! {
            <section class="class-block" aria-labelledby="class-disagreements">
                <h3 id="class-disagreements">{(t.disagreements)(list.len())}</h3>
                <p class="storage-used">{key::class_texts(ctx).disagreements_intro}</p>
                <ul class="passage-list">{ for items }</ul>
                if more > 0 { <p class="storage-used">{(t.more_not_listed)(more)}</p> }
            </section>
        }
    }

    pub(super) fn view_consensus(&self, ctx: &Context<Self>) -> Html {
        let t = texts(ctx);
        let doc = ctx.props().doc.clone();
        let items = self.consensus(&doc);
        let kept = items.iter().filter(|i| self.dropped.binary_search(&i.annotation.id).is_err()).count();
        let max = self.shown().max(1);
        let rows = items.iter().map(|item| {
            let id = item.annotation.id;
            let dom_id = format!("consensus-{id}");
            let tag = item.annotation.tags.first().map(|t| self.tag_name(t)).unwrap_or_default();
            html! {
                <li key={dom_id.clone()}>
                    <input type="checkbox" id={dom_id.clone()} checked={self.dropped.binary_search(&id).is_err()}
                        onchange={ctx.link().callback(move |_| ClassMsg::ToggleKeep(id))} />
                    <label for={dom_id}>
                        <span class="consensus-tag">{tag}</span>{" "}
                        <q>{excerpt(&item.annotation.target.exact, 90)}</q>{" "}
                        <span class="consensus-count">{(t.of_students)(item.agreeing, item.students)}</span>
                    </label>
                </li>
            }
        });
        html! {
            <section class="class-block" aria-labelledby="class-consensus">
                <h3 id="class-consensus">{t.consensus}</h3>
                <label class="consensus-k">{t.at_least_before}
                    <input type="number" min="1" max={max.to_string()} value={self.k.to_string()}
                        oninput={ctx.link().callback(|e: InputEvent| ClassMsg::SetK(form::value(&e).parse().unwrap_or(1)))} />
                    {t.at_least_after}
                </label>
                <ul class="consensus-list" aria-label={t.consensus_passages}>{ for rows }</ul>
                <p class="storage-used">{(t.passages_kept)(kept, items.len())}</p>
                <button type="button" class="primary" disabled={kept == 0}
                    onclick={ctx.link().callback(|_| ClassMsg::ExportConsensus)}>{t.export_consensus}</button>
            </section>
        }
    }
}

/// A tag colour fit for an SVG `fill` attribute: `#rrggbb` only.
pub(super) fn fill_of(tags: &TagSet, tag: &TagId) -> String {
    let colour = tags.get(tag).map(|t| t.colour.as_str()).unwrap_or("");
    let ok = colour.len() == 7 && colour.starts_with('#') && colour[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if ok {
        colour.to_string()
    } else {
        "#808080".to_string()
    }
}

pub(super) fn percent(f: Figure, t: &ClassViewTexts) -> Html {
    // A no-break space: "%" never wraps onto a line of its own.
    figure(f, t, |v| format!("{:.1}\u{a0}%", v * 100.0))
}

pub(super) fn kappa(f: Figure, t: &ClassViewTexts) -> Html {
    figure(f, t, |v| format!("{v:.2}"))
}

/// A figure, or "—" with the reason (as a tooltip, shown on a tap by the stylesheet, and for screen readers).
pub(super) fn figure(f: Figure, t: &ClassViewTexts, show: impl Fn(f64) -> String) -> Html {
    match f {
        Figure::Value(v) => html! { <span class="figure">{show(v)}</span> },
        Figure::Undefined(why) => html! {
            <span class="figure undefined" title={why.message(t)} tabindex="-1">
                <span aria-hidden="true">{"—"}</span>
                <span class="visually-hidden">{(t.undefined)(why.message(t))}</span>
            </span>
        },
    }
}

/// Where most of a strip's marks are, in words.
pub(super) fn density_summary(name: &str, values: &[f64], t: &ClassViewTexts) -> String {
    let total: f64 = values.iter().sum();
    if total <= 0.0 {
        return (t.density_none)(name);
    }
    let quarter = values.len().div_ceil(4).max(1);
    let sums: Vec<f64> = values.chunks(quarter).map(|c| c.iter().sum()).collect();
    let best = sums.iter().enumerate().fold(0, |best, (i, s)| if *s > sums[best] { i } else { best });
    let which = t.quarters[best.min(3)];
    let share = sums[best] / total * 100.0;
    (t.density_most)(name, which, share)
}

/// A quote cut to about `max` characters.
pub(super) fn excerpt(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        text
    } else {
        format!("{}…", text.chars().take(max).collect::<String>().trim_end())
    }
}
