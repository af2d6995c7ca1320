package jp.ikiiki.desk.subjects.ui;

import jp.ikiiki.desk.shared.JapanTime;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;
import jp.ikiiki.desk.subjects.ImportDownload;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Imports the city's subject files (別紙2, 別紙3): choose the kind, upload CSV or XLSX, optionally dry-run or
 * accept the valid rows, then see the counts, every problem, the システム更新結果報告書 and the history.
 * The import runs in the background with the operator's identity; the screen polls until it is done.
 */
@Route("imports")
@PageTitle("対象者データ取込 | いきいきデスク")
@Menu(order = 20, title = "対象者データ取込")
@RolesAllowed("OPERATOR")
class ImportView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss")
			.withZone(JapanTime.ZONE);
	private static final String CHANNEL = "画面:対象者データ取込";

	private final SubjectImports imports;
	private final SubjectImportHistory history;
	private final TaskExecutor executor;

	private final RadioButtonGroup<SubjectFileKind> kind = new RadioButtonGroup<>("ファイルの種類");
	private final Checkbox dryRun = new Checkbox("試行（変更しない）");
	private final Checkbox acceptValid = new Checkbox("正常な行のみ取り込む");
	private final Button start = new Button("取込実行");
	private Upload upload;
	private final ProgressBar progress = new ProgressBar();
	private final Span uploaded = new Span("ファイルが選ばれていません");
	private final Span result = new Span();
	private final HorizontalLayout downloads = new HorizontalLayout();
	private final Grid<ImportProblem> problems = new Grid<>(ImportProblem.class, false);
	private final Grid<SubjectImportSummary> historyGrid = new Grid<>(SubjectImportSummary.class, false);

	private File file;
	private String fileName;

	ImportView(SubjectImports imports, SubjectImportHistory history, TaskExecutor executor) {
		this.imports = imports;
		this.history = history;
		this.executor = executor;
		setSizeFull();
		add(new H2("対象者データ取込"));

		kind.setItems(SubjectFileKind.values());
		kind.setItemLabelGenerator(k -> k.title() + (k == SubjectFileKind.INDEX ? "（別紙2・33列）" : "（別紙3・54列または84列）"));
		kind.setValue(SubjectFileKind.INDEX);
		kind.setId("import-kind");

		upload = new Upload(UploadHandler.toTempFile((metadata, tmp) -> {
			discardFile();
			file = tmp;
			fileName = metadata.fileName();
			uploaded.setText("選択中: " + fileName);
			start.setEnabled(true);
		}));
		upload.setMaxFiles(1);
		upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		upload.setDropLabel(new Span("CSV（UTF-8・Windows-31J）または XLSX をここにドロップ"));
		upload.setUploadButton(new Button("ファイルを選択…"));
		upload.setId("import-upload");

		dryRun.setId("import-dry-run");
		acceptValid.setId("import-accept-valid");
		start.setId("import-start");
		start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		start.setEnabled(false);
		start.addClickListener(e -> run());
		progress.setIndeterminate(true);
		progress.setVisible(false);
		progress.setWidth("20em");

		var options = new HorizontalLayout(dryRun, acceptValid, start);
		options.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		result.setId("import-result");
		add(kind, upload, uploaded, options, progress, result, downloads);

		problems.setId("import-problems");
		problems.addColumn(ImportProblem::row).setHeader("行").setAutoWidth(true).setFlexGrow(0);
		problems.addColumn(ImportProblem::column).setHeader("項目").setAutoWidth(true);
		problems.addColumn(ImportProblem::value).setHeader("値").setAutoWidth(true);
		problems.addColumn(ImportProblem::reason).setHeader("理由").setFlexGrow(1);
		problems.addColumn(p -> switch (p.severity()) {
			case ERROR -> "不備";
			case GAIJI -> "外字確認";
			case NOTICE -> "注意";
		}).setHeader("種別").setAutoWidth(true).setFlexGrow(0);
		problems.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
		problems.setHeight("18em");
		add(new H3("不備・外字確認"), problems);

		historyGrid.setId("import-history");
		historyGrid.addColumn(SubjectImportSummary::id).setHeader("取込ID").setAutoWidth(true).setFlexGrow(0);
		historyGrid.addColumn(s -> TIME.format(s.startedAt())).setHeader("日時").setAutoWidth(true);
		historyGrid.addColumn(s -> s.kind().title()).setHeader("種類").setAutoWidth(true);
		historyGrid.addColumn(SubjectImportSummary::fileName).setHeader("ファイル名").setAutoWidth(true);
		historyGrid.addColumn(s -> s.status().label()).setHeader("結果").setAutoWidth(true);
		historyGrid.addColumn(SubjectImportSummary::rows).setHeader("行数").setAutoWidth(true);
		historyGrid.addColumn(SubjectImportSummary::added).setHeader("追加").setAutoWidth(true);
		historyGrid.addColumn(SubjectImportSummary::changed).setHeader("変更").setAutoWidth(true);
		historyGrid.addColumn(SubjectImportSummary::ended).setHeader("終了").setAutoWidth(true);
		historyGrid.addColumn(SubjectImportSummary::rejected).setHeader("不備").setAutoWidth(true);
		historyGrid.addColumn(SubjectImportSummary::flagged).setHeader("外字").setAutoWidth(true);
		historyGrid.addColumn(SubjectImportSummary::importedBy).setHeader("取込者").setAutoWidth(true);
		historyGrid.setItems(q -> history.list(q.getOffset(), q.getLimit()).stream());
		historyGrid.asSingleSelect().addValueChangeListener(e -> {
			if (e.getValue() != null) {
				show(e.getValue());
			}
		});
		historyGrid.setHeight("16em");
		add(new H3("取込履歴（行を選ぶと不備と報告書を表示）"), historyGrid);
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
		result.setText("取込中…");
		ui.setPollInterval(500);
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
			ui.access(() -> {
				ui.setPollInterval(-1);
				progress.setVisible(false);
				uploaded.setText("ファイルが選ばれていません");
				upload.clearFileList(); // the file went into this import; the next one is chosen afresh
				if (done != null) {
					historyGrid.getDataProvider().refreshAll();
					history.find(done.importId()).ifPresent(this::show);
				} else {
					result.setText("取込が異常終了しました。対象者データは変更されていません。");
					Notification.show("取込が異常終了しました（" + error.getClass().getSimpleName() + "）", 8000,
							Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
				}
			});
		};
		executor.execute(new DelegatingSecurityContextRunnable(job, SecurityContextHolder.getContext()));
	}

	/** Shows the counts, problems and downloads of one import. */
	private void show(SubjectImportSummary s) {
		result.setText("取込ID " + s.id() + "（" + s.kind().title() + "・" + s.fileName() + "）: " + s.status().label()
				+ " — 行数 " + s.rows() + "、追加 " + s.added() + "、変更 " + s.changed() + "、終了 " + s.ended() + "、不備 "
				+ s.rejected() + "、外字確認 " + s.flagged());
		long id = s.id();
		problems.setItems(q -> history.problems(id, q.getOffset(), q.getLimit()).stream());
		downloads.removeAll();
		if (s.hasReport()) {
			downloads.add(link("システム更新結果報告書（XLSX）", id, i -> history.report(i, CHANNEL)));
		}
		if (s.problemCount() > 0) {
			downloads.add(link("不備一覧（CSV）", id, i -> history.problemsCsv(i, CHANNEL)),
					link("不備一覧（XLSX）", id, i -> history.problemsXlsx(i, CHANNEL)));
		}
	}

	/** A download link; the file is produced (and the download audited) only when it is clicked. */
	private static Anchor link(String text, long id, Function<Long, Optional<ImportDownload>> source) {
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> source.apply(id)
				.map(d -> new DownloadResponse(new ByteArrayInputStream(d.content()), d.fileName(), d.contentType(),
						d.content().length))
				.orElseGet(() -> DownloadResponse.error(HttpStatusCode.NOT_FOUND)));
		return new Anchor(handler, AttachmentType.DOWNLOAD, text);
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
		historyGrid.getDataProvider().refreshAll();
	}

	@Override
	protected void onDetach(DetachEvent event) {
		discardFile();
		super.onDetach(event);
	}
}
