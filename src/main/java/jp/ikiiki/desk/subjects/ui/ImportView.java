package jp.ikiiki.desk.subjects.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.SubjectsProperties;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Imports the city's subject files (別紙2, 別紙3): choose the kind, upload CSV or XLSX, optionally dry-run or
 * accept the valid rows, then see what came of it — applied, a dry run, blocked by errors, the other kind's file,
 * or held for a floor manager's confirmation because it would end too many subjects —, every problem, the
 * システム更新結果報告書 and the history. The import runs in the background with the operator's identity; the
 * result arrives by server push.
 */
@Route(ImportView.ROUTE)
@PageTitle("対象者データ取込 | いきいきデスク")
@Menu(order = 20, title = "対象者データ取込")
@RolesAllowed(Roles.OPERATOR)
class ImportView extends VerticalLayout {

	static final String ROUTE = "imports";
	private static final String CHANNEL = "画面:対象者データ取込";

	private final SubjectImports imports;
	private final SubjectImportHistory history;
	private final TaskExecutor executor;
	private final long maxFileBytes;

	private final RadioButtonGroup<SubjectFileKind> kind = new RadioButtonGroup<>();
	private final Checkbox dryRun = new Checkbox();
	private final Checkbox acceptValid = new Checkbox();
	private final Button start = new Button();
	private final Upload upload;
	private final ProgressBar progress = new ProgressBar();
	private final Span uploaded = new Span();
	private final ImportResultPanel result;
	private final Grid<ImportProblem> problems = new Grid<>(ImportProblem.class, false);
	private final ImportHistoryPanel historyPanel;
	private final Tab problemsTab = new Tab();
	private final Tab historyTab = new Tab();
	private final TabSheet tabs = new TabSheet();

	private File file;
	private String fileName;

	ImportView(SubjectImports imports, SubjectImportHistory history, TaskExecutor executor, SubjectsProperties properties) {
		this.imports = imports;
		this.history = history;
		this.executor = executor;
		this.maxFileBytes = properties.importing().maxFileSize().toBytes();
		this.result = new ImportResultPanel(history, CHANNEL);
		setSizeFull();
		setSpacing(false);
		getStyle().set("padding-top", "var(--lumo-space-s)");
		var title = new H2(getTranslation("subjects.import.title"));
		title.getStyle().set("margin", "0").set("white-space", "nowrap").set("font-size", "var(--lumo-font-size-xl)");

		kind.setAriaLabel(getTranslation("subjects.import.kind"));
		kind.setItems(SubjectFileKind.values());
		kind.setItemLabelGenerator(k -> getTranslation(k == SubjectFileKind.INDEX ? "subjects.import.kind-index"
				: "subjects.import.kind-progress", k.title()));
		kind.setValue(SubjectFileKind.INDEX);
		kind.setId("import-kind");
		var kindLabel = new Span(getTranslation("subjects.import.kind"));
		kindLabel.getStyle().set("color", "var(--lumo-secondary-text-color)").set("white-space", "nowrap");
		var head = new HorizontalLayout(title, kindLabel, kind);
		head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		head.setWidthFull();
		head.getStyle().set("flex-wrap", "wrap");
		kindLabel.getStyle().set("margin-left", "auto");

		upload = new Upload(boundedUpload());
		upload.setMaxFiles(1);
		upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxFileBytes));
		upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		upload.setDropLabel(new Span(getTranslation("subjects.import.drop")));
		upload.setUploadButton(new Button(getTranslation("subjects.import.choose")));
		upload.addFileRejectedListener(e -> Notices.error(e.getErrorMessage().contains("Big")
				? getTranslation("subjects.import.too-large", maxFileBytes / (1024 * 1024))
				: getTranslation("subjects.import.wrong-type")));
		upload.setId("import-upload");
		upload.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)");
		uploaded.setText(getTranslation("subjects.import.no-file"));
		uploaded.setId("import-selected");
		uploaded.setTitle(getTranslation("subjects.import.limit", maxFileBytes / (1024 * 1024)));
		uploaded.getStyle().set("font-size", "var(--lumo-font-size-s)");

		dryRun.setLabel(getTranslation("subjects.import.dry-run"));
		dryRun.setId("import-dry-run");
		acceptValid.setLabel(getTranslation("subjects.import.accept-valid"));
		acceptValid.setId("import-accept-valid");
		start.setText(getTranslation("subjects.import.start"));
		start.setId("import-start");
		start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		start.setEnabled(false);
		start.addClickListener(e -> run());
		progress.setIndeterminate(true);
		progress.setVisible(false);
		progress.setWidth("8rem");

		var options = new HorizontalLayout(dryRun, acceptValid, start, progress);
		options.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		options.getStyle().set("white-space", "nowrap").set("flex-shrink", "0");
		var form = new HorizontalLayout(upload, uploaded, options);
		form.setWidthFull();
		form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		form.setFlexGrow(1, uploaded);
		add(head, form, result);

		configureProblems();
		historyPanel = new ImportHistoryPanel(history, CHANNEL, s -> {
			show(s);
			tabs.setSelectedTab(problemsTab);
		});
		tabs.add(problemsTab, problems);
		tabs.add(historyTab, historyPanel);
		tabs.setSizeFull();
		tabs.getStyle().set("min-height", "24em");
		tabs.setId("import-tabs");
		add(tabs);
		setFlexGrow(1, tabs);
		problemsTab.setLabel(getTranslation("subjects.import.tab.problems", 0));
	}

	private void configureProblems() {
		problems.setId("import-problems");
		problems.addColumn(ImportProblem::row).setHeader(getTranslation("subjects.import.problems.row")).setWidth("4.5rem")
				.setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
		problems.addColumn(ImportProblem::column).setHeader(getTranslation("subjects.import.problems.column"))
				.setWidth("10rem").setFlexGrow(0);
		problems.addColumn(ImportProblem::value).setHeader(getTranslation("subjects.import.problems.value"))
				.setWidth("12rem").setFlexGrow(0).setTooltipGenerator(ImportProblem::value);
		problems.addColumn(ImportProblem::reason).setHeader(getTranslation("subjects.import.problems.reason")).setFlexGrow(1)
				.setTooltipGenerator(ImportProblem::reason);
		problems.addColumn(p -> switch (p.severity()) {
			case ERROR -> getTranslation("subjects.severity.ERROR");
			case GAIJI -> getTranslation("subjects.severity.GAIJI");
			case NOTICE -> getTranslation("subjects.severity.NOTICE");
		})
				.setHeader(getTranslation("subjects.import.problems.severity")).setWidth("5.5rem").setFlexGrow(0);
		problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		ImportHistoryPanel.dense(problems);
		// One line per problem, so that many fit; a click shows the whole value and reason.
		problems.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(p -> {
			var detail = new Div(new Span(getTranslation("subjects.import.problems.value") + ": " + (p.value() == null ? "" : p.value())),
					new com.vaadin.flow.component.html.Paragraph(p.reason()));
			detail.getStyle().set("padding", "0 var(--lumo-space-m)").set("white-space", "normal");
			return detail;
		}));
		problems.setEmptyStateText(getTranslation("subjects.import.problems.empty"));
		problems.setSizeFull();
	}


	private void run() {
		if (file == null || kind.getValue() == null) {
			return;
		}
		UI ui = UI.getCurrent();
		File input = file;
		String name = fileName;
		file = null;
		SubjectFileKind selected = kind.getValue();
		ImportOptions opts = new ImportOptions(dryRun.getValue(), acceptValid.getValue());
		start.setEnabled(false);
		progress.setVisible(true);
		result.running(getTranslation("subjects.import.running", name));
		Runnable job = () -> {
			ImportOutcome outcome = null;
			RuntimeException failure = null;
			try (InputStream in = Files.newInputStream(input.toPath())) {
				outcome = imports.importFile(selected, name, in, opts, CHANNEL);
			} catch (IOException e) {
				failure = new java.io.UncheckedIOException(e);
			} catch (RuntimeException e) {
				failure = e;
			} finally {
				delete(input);
			}
			ImportOutcome done = outcome;
			RuntimeException error = failure;
			ui.access(() -> finished(done, error));
		};
		// The import runs as the operator who started it (the security context is carried over).
		executor.execute(new DelegatingSecurityContextRunnable(job));
	}

	private void finished(ImportOutcome outcome, RuntimeException error) {
		progress.setVisible(false);
		uploaded.setText(getTranslation("subjects.import.no-file"));
		historyPanel.refresh();
		refreshHistoryCount();
		if (outcome != null) {
			history.find(outcome.importId()).ifPresent(s -> show(s, outcome));
			return;
		}
		if (error instanceof DomainException refusal) {
			// Refused at once: an import of the kind is running, or the file is beyond a limit (recorded as failed).
			result.refused(refusal.reason());
			Object id = refusal.properties().get("importId");
			if (id instanceof Long importId && importId > 0) {
				history.find(importId).ifPresent(s -> problemsFor(s));
			}
			Notices.error(refusal);
		} else {
			result.refused(getTranslation("subjects.import.failed"));
			Notices.error(error);
		}
	}

	/** Shows an import of the history. */
	private void show(SubjectImportSummary s) {
		show(s, null);
	}

	/** Shows the result, problems and downloads of one import (with the outcome just returned, if any). */
	private void show(SubjectImportSummary s, ImportOutcome outcome) {
		result.show(s, outcome == null ? null : outcome.problems());
		problemsFor(s);
	}

	private void problemsFor(SubjectImportSummary s) {
		long id = s.id();
		problems.setItems(q -> history.problems(id, q.getOffset(), q.getLimit()).stream());
		problems.setEmptyStateText(getTranslation("subjects.import.problems.none"));
		problemsTab.setLabel(getTranslation("subjects.import.tab.problems", s.problemCount()));
	}

	private void refreshHistoryCount() {
		historyTab.setLabel(getTranslation("subjects.import.tab.history", history.count()));
	}

	/**
	 * Streams an upload to a temporary file and refuses it the moment it passes the import's size limit (the
	 * browser's own check is only a courtesy: a hand-made request is stopped here, before the disk fills).
	 */
	private UploadHandler boundedUpload() {
		return event -> {
			Path tmp = Files.createTempFile("ikiiki-upload", ".bin");
			boolean kept = false;
			try (InputStream in = event.getInputStream(); var out = Files.newOutputStream(tmp)) {
				byte[] buffer = new byte[1 << 16];
				long total = 0;
				int n;
				while ((n = in.read(buffer)) >= 0) {
					total += n;
					if (total > maxFileBytes) {
						event.getUI().access(() -> Notices.error(getTranslation("subjects.import.too-large",
								maxFileBytes / (1024 * 1024))));
						throw new IOException("upload beyond " + maxFileBytes + " bytes refused");
					}
					out.write(buffer, 0, n);
				}
				kept = true;
			} finally {
				if (!kept) {
					Files.deleteIfExists(tmp);
				}
			}
			String name = event.getFileName();
			event.getUI().access(() -> chosen(tmp.toFile(), name));
		};
	}

	private void chosen(File tmp, String name) {
		discardFile();
		file = tmp;
		fileName = name;
		uploaded.setText(getTranslation("subjects.import.selected", fileName));
		start.setEnabled(true);
		// The file is ours now: clear the list (and the browser's file input) so that the same file, or another,
		// can be chosen again at once.
		clearUploadList();
	}

	private void clearUploadList() {
		upload.clearFileList();
		upload.getElement().executeJs("if (this.$ && this.$.fileInput) { this.$.fileInput.value = ''; }");
	}

	private void discardFile() {
		if (file != null) {
			delete(file);
			file = null;
		}
	}

	private static void delete(File f) {
		try {
			Files.deleteIfExists(f.toPath());
		} catch (IOException ignored) {
			// a temporary upload; the OS cleans its temp directory otherwise
		}
	}

	@Override
	protected void onAttach(AttachEvent event) {
		super.onAttach(event);
		historyPanel.refresh();
		refreshHistoryCount();
	}

	@Override
	protected void onDetach(DetachEvent event) {
		discardFile();
		super.onDetach(event);
	}
}
