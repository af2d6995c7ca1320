package jp.ikiiki.desk.subjects.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import jp.ikiiki.desk.subjects.SubjectImportSummary.State;
import jp.ikiiki.desk.subjects.SubjectImports;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Imports held by the mass-ending guard: a full file that would end too many subjects waits here, unapplied, for a
 * floor manager. The floor manager reads why, downloads the システム更新結果報告書 (its 終了 sheet lists everyone the
 * file ends) and either confirms — in a dialog that states the consequence and asks for the number of subjects to
 * be ended — or withdraws it. Operators see the same list and may withdraw their file.
 */
@Route(HeldImportsView.ROUTE)
@PageTitle("大量終了の確認 | いきいきデスク")
@Menu(order = 21, title = "大量終了の確認")
@RolesAllowed({ Roles.FLOOR_MANAGER, Roles.OPERATOR })
class HeldImportsView extends VerticalLayout {

	static final String ROUTE = "imports/held";
	private static final String CHANNEL = "画面:大量終了の確認";

	private final SubjectImports imports;
	private final SubjectImportHistory history;
	private final TaskExecutor executor;
	private final ProgressBar progress = new ProgressBar();
	private final Grid<SubjectImportSummary> grid = new Grid<>(SubjectImportSummary.class, false);
	private final Span count = new Span();
	private final VerticalLayout detail = new VerticalLayout();

	HeldImportsView(SubjectImports imports, SubjectImportHistory history, TaskExecutor executor) {
		this.imports = imports;
		this.history = history;
		this.executor = executor;
		progress.setIndeterminate(true);
		progress.setVisible(false);
		progress.setId("held-progress");
		setSizeFull();
		add(new H2(getTranslation("subjects.held.title")));
		var intro = new Paragraph(getTranslation("subjects.held.intro"));
		intro.getStyle().set("margin", "0");
		count.setId("held-count");
		add(intro, count);

		grid.setId("held-imports");
		grid.addColumn(s -> String.valueOf(s.id())).setHeader(getTranslation("subjects.import.history.id")).setWidth("3.5rem")
				.setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
		grid.addColumn(s -> JapaneseDates.toWesternDateTime(s.startedAt())).setHeader(getTranslation("subjects.held.started"))
				.setWidth("8rem").setFlexGrow(0).setSortable(true).setComparator(SubjectImportSummary::startedAt);
		grid.addColumn(s -> s.kind().annex()).setHeader(getTranslation("subjects.held.kind")).setWidth("5rem").setFlexGrow(0)
				.setSortable(true).setTooltipGenerator(s -> s.kind().title());
		grid.addColumn(SubjectImportSummary::fileName).setHeader(getTranslation("subjects.held.file")).setFlexGrow(1)
				.setSortable(true).setTooltipGenerator(SubjectImportSummary::fileName);
		grid.addColumn(SubjectImportSummary::importedBy).setHeader(getTranslation("subjects.held.user")).setWidth("7rem")
				.setFlexGrow(0).setSortable(true);
		grid.addColumn(s -> String.format("%,d", s.ended())).setHeader(getTranslation("subjects.held.ended")).setWidth("7.5rem")
				.setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setSortable(true).setComparator(SubjectImportSummary::ended);
		grid.addColumn(s -> s.hold() == null ? "" : String.format("%,d", s.hold().active()))
				.setHeader(getTranslation("subjects.held.active")).setWidth("7.5rem").setFlexGrow(0)
				.setTextAlign(ColumnTextAlign.END);
		grid.addColumn(s -> s.hold() == null ? "" : String.format("%,d", s.hold().validRows()))
				.setHeader(getTranslation("subjects.held.valid")).setWidth("7.5rem").setFlexGrow(0)
				.setTextAlign(ColumnTextAlign.END);
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.setEmptyStateText(getTranslation("subjects.held.empty"));
		grid.setHeight("12rem");
		grid.getStyle().set("--lumo-font-size-m", "var(--lumo-font-size-s)");
		grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue()));
		detail.setId("held-detail");
		detail.setPadding(false);
		add(grid, progress, detail);
	}

	@Override
	protected void onAttach(AttachEvent event) {
		super.onAttach(event);
		refresh();
	}

	private void refresh() {
		List<SubjectImportSummary> held = history.pending().stream().filter(s -> s.status() == State.HELD).toList();
		grid.setItems(held);
		count.setText(getTranslation("subjects.held.count", held.size()));
		showDetail(held.size() == 1 ? held.get(0) : null);
		if (held.size() == 1) {
			grid.select(held.get(0));
		}
	}

	private void showDetail(SubjectImportSummary s) {
		detail.removeAll();
		if (s == null) {
			return;
		}
		detail.add(new H3(getTranslation("subjects.held.detail-title", String.valueOf(s.id()), s.kind().title(), s.fileName(),
				s.importedBy(), JapaneseDates.toWesternDateTime(s.startedAt()))));
		if (s.hold() != null) {
			var reasons = new UnorderedList();
			s.hold().reasons().forEach(r -> reasons.add(new ListItem(r)));
			reasons.setId("held-reasons");
			detail.add(reasons);
		}
		detail.add(new Span(getTranslation("subjects.held.counts", s.added(), s.changed(), s.ended(), s.rejected(),
				s.flagged())));
		var report = ImportResultPanel.link(getTranslation("subjects.import.report"),
				() -> history.report(s.id(), CHANNEL).orElse(null));
		report.setId("held-report");
		var actions = new HorizontalLayout();
		actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		if (CurrentUser.hasRole(Roles.FLOOR_MANAGER)) {
			var confirm = new Button(getTranslation("subjects.held.confirm"), e -> confirmDialog(s).open());
			confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
			confirm.setId("held-confirm");
			actions.add(confirm);
		} else {
			actions.add(new Span(getTranslation("subjects.held.operator-note")));
		}
		var withdraw = new Button(getTranslation("subjects.held.withdraw"), e -> withdrawDialog(s).open());
		withdraw.setId("held-withdraw");
		actions.add(withdraw, report);
		detail.add(actions);
	}

	/**
	 * The confirmation states the consequence — how many of how many subjects end, and what ending means — and asks
	 * for the number, so that nobody applies a mass ending by one careless click.
	 */
	private ConfirmDialog confirmDialog(SubjectImportSummary s) {
		var dialog = new ConfirmDialog();
		dialog.setId("held-confirm-dialog");
		dialog.setHeader(getTranslation("subjects.held.dialog.title"));
		int active = s.hold() == null ? 0 : s.hold().active();
		String share = active == 0 ? "" : String.format("%.1f%%", 100.0 * s.ended() / active);
		var consequence = new Paragraph(getTranslation("subjects.held.dialog.consequence", s.kind().title(), active,
				s.ended(), share));
		consequence.setId("held-consequence");
		var file = new Paragraph(getTranslation("subjects.held.dialog.file", s.fileName(), s.importedBy(),
				JapaneseDates.toWesternDateTime(s.startedAt())));
		var number = new IntegerField(getTranslation("subjects.held.dialog.number"));
		number.setId("held-confirm-number");
		number.setHelperText(getTranslation("subjects.held.dialog.type", s.ended()));
		number.setValueChangeMode(ValueChangeMode.EAGER);
		number.setWidthFull();
		var body = new Div(consequence, file, number);
		dialog.setText(body);
		var go = new Button(getTranslation("subjects.held.dialog.confirm", s.ended()));
		go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
		go.setId("held-confirm-go");
		go.setEnabled(false);
		number.addValueChangeListener(e -> go.setEnabled(e.getValue() != null && e.getValue() == s.ended()));
		go.addClickListener(e -> {
			dialog.close();
			confirmInBackground(s, number.getValue());
		});
		dialog.setConfirmButton(go);
		dialog.setCancelable(true);
		dialog.setCancelText(getTranslation("subjects.held.dialog.cancel"));
		return dialog;
	}

	/**
	 * The confirmation imports the stored file again (half a minute for a full 別紙3 file): it runs in the background
	 * as the floor manager, the screen shows progress and gets the result by server push.
	 */
	private void confirmInBackground(SubjectImportSummary s, int ended) {
		UI ui = UI.getCurrent();
		progress.setVisible(true);
		detail.setEnabled(false);
		Runnable job = () -> {
			ImportOutcome outcome = null;
			RuntimeException failure = null;
			try {
				outcome = imports.confirm(s.id(), ended, CHANNEL);
			} catch (RuntimeException e) {
				failure = e;
			}
			ImportOutcome done = outcome;
			RuntimeException error = failure;
			ui.access(() -> {
				progress.setVisible(false);
				detail.setEnabled(true);
				if (done != null) {
					Notices.success(getTranslation("subjects.held.confirmed", String.valueOf(done.importId()), done.ended()));
				} else {
					Notices.error(error);
				}
				refresh();
			});
		};
		executor.execute(new DelegatingSecurityContextRunnable(job));
	}

	private ConfirmDialog withdrawDialog(SubjectImportSummary s) {
		var dialog = new ConfirmDialog();
		dialog.setId("held-withdraw-dialog");
		dialog.setHeader(getTranslation("subjects.held.withdraw-dialog.title"));
		dialog.setText(getTranslation("subjects.held.withdraw-dialog.text", String.valueOf(s.id()), s.fileName()));
		dialog.setConfirmText(getTranslation("subjects.held.withdraw-dialog.confirm"));
		dialog.setConfirmButtonTheme("error primary");
		dialog.setCancelable(true);
		dialog.setCancelText(getTranslation("subjects.held.dialog.cancel"));
		dialog.addConfirmListener(e -> {
			if (Notices.attempt(() -> imports.withdraw(s.id(), CHANNEL),
					getTranslation("subjects.held.withdrawn", String.valueOf(s.id())))) {
				refresh();
			}
		});
		return dialog;
	}
}
