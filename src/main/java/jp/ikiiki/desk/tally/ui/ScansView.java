package jp.ikiiki.desk.tally.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
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
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletScans;
import jp.ikiiki.desk.tally.BookletScans.QueuedScan;
import jp.ikiiki.desk.tally.BookletScans.ScanImport;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Scanned booklets (第10章1): upload PDFs or import the scanner's folder, see what was linked, queued or refused, and
 * assign the queued files by the number read from the page shown beside the form (Enter assigns).
 */
@Route("booklets/scans")
@PageTitle("手帳スキャン | いきいきデスク")
@Menu(order = 51, title = "手帳スキャン")
@RolesAllowed(Roles.OPERATOR)
class ScansView extends VerticalLayout {

	static final String CHANNEL = "画面:手帳スキャン";

	private final BookletScans scans;
	private final BusinessYears years;
	private final TaskExecutor executor;
	private final Select<BusinessYear> yearFilter = new Select<>();
	private final List<File> uploaded = new ArrayList<>();
	private final List<String> uploadedNames = new ArrayList<>();
	private final Span uploadedText = new Span();
	private final Button importUploads = new Button();
	private final Button importInbox = new Button();
	private final ProgressBar progress = new ProgressBar();
	private final Span summary = new Span();
	private final Grid<Row> results = new Grid<>(Row.class, false);
	private final Grid<QueuedScan> queue = new Grid<>(QueuedScan.class, false);
	private final PageViewer pages = new PageViewer("tally-queue");
	private final VerticalLayout assign = new VerticalLayout();

	/** One file's result as the grid shows it. */
	record Row(String file, String result, String detail) {
	}

	ScansView(BookletScans scans, BusinessYears years, TaskExecutor executor) {
		this.scans = scans;
		this.years = years;
		this.executor = executor;
		setSizeFull();
		var title = new H2(getTranslation("tally.scans.title"));
		title.getStyle().set("margin", "0");
		add(title);

		yearFilter.setLabel(getTranslation("tally.scans.year"));
		yearFilter.setId("tally-scans-year");
		yearFilter.setItems(years.open());
		yearFilter.setItemLabelGenerator(y -> y == null ? getTranslation("tally.scans.year.any") : YearLabels.of(y));
		yearFilter.setEmptySelectionAllowed(true);
		yearFilter.setEmptySelectionCaption(getTranslation("tally.scans.year.any"));
		yearFilter.setWidth("20em");

		var upload = new Upload(UploadHandler.toTempFile((metadata, tmp) -> {
			uploaded.add(tmp);
			uploadedNames.add(metadata.fileName());
			uploadedText.setText(getTranslation("tally.scans.uploaded", uploaded.size()));
			importUploads.setEnabled(true);
		}));
		upload.setId("tally-scans-upload");
		upload.setAcceptedFileTypes(".pdf", "application/pdf");
		upload.setMaxFiles(200);
		upload.setDropLabel(new Span(getTranslation("tally.scans.drop")));
		upload.setUploadButton(new Button(getTranslation("tally.scans.choose")));
		upload.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)");
		uploadedText.setId("tally-scans-uploaded");
		importUploads.setText(getTranslation("tally.scans.import"));
		importUploads.setId("tally-scans-import");
		importUploads.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		importUploads.setEnabled(false);
		importUploads.addClickListener(e -> runUploads());
		importInbox.setId("tally-scans-inbox");
		importInbox.addClickListener(e -> runInbox());
		progress.setVisible(false);
		progress.setWidth("10em");
		summary.setId("tally-scans-summary");
		var bar = new HorizontalLayout(upload, uploadedText, yearFilter, importUploads, importInbox, progress, summary);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		bar.setWrap(true);
		bar.setWidthFull();
		add(bar);

		results.setId("tally-scans-results");
		results.addThemeVariants(GridVariant.LUMO_COMPACT);
		results.addColumn(Row::file).setHeader(getTranslation("tally.scans.col.file")).setWidth("16em").setFlexGrow(0);
		results.addColumn(Row::result).setHeader(getTranslation("tally.scans.col.result")).setWidth("7em").setFlexGrow(0);
		results.addColumn(Row::detail).setHeader(getTranslation("tally.scans.col.detail")).setFlexGrow(1);
		results.setHeight("8em");
		results.setVisible(false);
		add(results);

		queue.setId("tally-queue-grid");
		queue.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
		queue.addColumn(QueuedScan::originalName).setHeader(getTranslation("tally.scans.queue")).setFlexGrow(1);
		queue.addColumn(QueuedScan::reason).setHeader(getTranslation("tally.scans.col.reason")).setFlexGrow(2);
		queue.setWidth("19em");
		queue.getStyle().set("flex-shrink", "0");
		queue.setHeightFull();
		queue.addSelectionListener(e -> showQueued(e.getFirstSelectedItem().orElse(null)));
		assign.setPadding(false);
		assign.setWidth("16em");
		assign.getStyle().set("flex-shrink", "0");
		pages.getStyle().set("flex", "1 1 auto").set("min-width", "0");
		var body = new HorizontalLayout(queue, pages, assign);
		body.setSizeFull();
		// A flex child may otherwise grow to its content (the page image) and push below the screen.
		body.getStyle().set("min-height", "0");
		add(body);
		expand(body);
		refreshQueue();
	}

	@Override
	protected void onAttach(AttachEvent attachEvent) {
		super.onAttach(attachEvent);
		refreshInbox();
	}

	@Override
	protected void onDetach(DetachEvent detachEvent) {
		discardUploads();
		super.onDetach(detachEvent);
	}

	private void refreshInbox() {
		int waiting = scans.inboxCount();
		importInbox.setText(getTranslation("tally.scans.inbox", waiting));
		importInbox.setEnabled(waiting > 0);
	}

	private Integer year() {
		return yearFilter.getValue() == null ? null : yearFilter.getValue().year();
	}

	private void runUploads() {
		var files = new ArrayList<>(uploaded);
		var names = new ArrayList<>(uploadedNames);
		uploaded.clear();
		uploadedNames.clear();
		uploadedText.setText("");
		importUploads.setEnabled(false);
		var uploads = new ArrayList<BookletScans.Upload>();
		for (int i = 0; i < files.size(); i++) {
			File f = files.get(i);
			String name = names.get(i);
			uploads.add(new BookletScans.Upload() {
				@Override
				public String name() {
					return name;
				}

				@Override
				public InputStream open() throws IOException {
					return Files.newInputStream(f.toPath());
				}
			});
		}
		Integer year = year();
		background(files.size(), progress -> scans.importFiles(uploads, year, CHANNEL), () -> files.forEach(ScansView::delete));
	}

	private void runInbox() {
		Integer year = year();
		int count = scans.inboxCount();
		background(count, progress -> scans.importInbox(year, progress, CHANNEL), () -> {
		});
	}

	private interface Job {
		ScanImport run(java.util.function.IntConsumer progress);
	}

	/** Runs an import off the request thread with the operator's identity; the screen follows by push. */
	private void background(int total, Job job, Runnable cleanup) {
		UI ui = UI.getCurrent();
		progress.setVisible(true);
		progress.setIndeterminate(total == 0);
		progress.setMin(0);
		progress.setMax(Math.max(1, total));
		progress.setValue(0);
		importInbox.setEnabled(false);
		summary.setText(getTranslation("tally.scans.running"));
		Runnable work = () -> {
			try {
				ScanImport result = job.run(n -> ui.access(() -> progress.setValue(n)));
				ui.access(() -> showResult(result));
			} catch (DomainException e) {
				ui.access(() -> {
					Notices.error(e);
					finish();
				});
			} catch (RuntimeException e) {
				ui.access(() -> {
					Notices.error(e);
					finish();
				});
			} finally {
				cleanup.run();
			}
		};
		executor.execute(new DelegatingSecurityContextRunnable(work, SecurityContextHolder.getContext()));
	}

	private void finish() {
		progress.setVisible(false);
		refreshInbox();
		refreshQueue();
	}

	private void showResult(ScanImport result) {
		var rows = new ArrayList<Row>();
		result.linked().forEach(l -> rows.add(new Row(l.file(), getTranslation("tally.scans.linked"),
				getTranslation("tally.scans.linked.detail", l.managementNumber(), l.storedAs()))));
		result.unreadable().forEach(u -> rows.add(new Row(u.file(),
				u.queued() ? getTranslation("tally.scans.queued") : getTranslation("tally.scans.refused"), u.reason())));
		results.setItems(rows);
		results.setVisible(true);
		long queued = result.unreadable().stream().filter(BookletScans.NotLinked::queued).count();
		summary.setText(getTranslation("tally.scans.summary", result.linked().size(), queued,
				result.unreadable().size() - queued));
		finish();
	}

	private void refreshQueue() {
		List<QueuedScan> items = scans.queue();
		queue.setItems(items);
		showQueued(null);
	}

	private void showQueued(QueuedScan q) {
		assign.removeAll();
		if (q == null) {
			pages.show(0, null, getTranslation("tally.scans.queue.choose"));
			return;
		}
		pages.show(q.pages(), page -> scans.queuedPage(q.id(), page), getTranslation("tally.page.none"));
		var number = new TextField(getTranslation("tally.scans.assign.number"));
		number.setId("tally-queue-number");
		number.setWidthFull();
		number.setValue(q.decoded() == null ? "" : q.decoded());
		var year = new Select<BusinessYear>();
		year.setLabel(getTranslation("tally.receipt.year"));
		year.setId("tally-queue-year");
		year.setItems(years.open());
		year.setItemLabelGenerator(YearLabels::of);
		year.setValue(yearFilter.getValue());
		year.setWidthFull();
		var additional = new Checkbox(getTranslation("tally.scans.assign.additional"));
		additional.setId("tally-queue-additional");
		var ok = new Button(getTranslation("tally.scans.assign"));
		ok.setId("tally-queue-assign");
		ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Runnable doAssign = () -> {
			if (year.getValue() == null) {
				Notices.error(getTranslation("tally.scans.assign.year"));
				year.focus();
				return;
			}
			Notices.attempt(() -> scans.assign(q.id(), number.getValue(), year.getValue().year(),
					BookletKind.of(additional.getValue()), CHANNEL)).ifPresent(b -> {
						Notices.success(getTranslation("tally.scans.assigned", b.managementNumber(), b.scanFile()));
						refreshQueue();
					});
		};
		ok.addClickListener(e -> doAssign.run());
		number.addKeyDownListener(com.vaadin.flow.component.Key.ENTER, e -> doAssign.run());
		var discard = new Button(getTranslation("tally.scans.discard"), e -> confirmDiscard(q));
		discard.setId("tally-queue-discard");
		discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
		var reason = new Span(q.reason());
		reason.getStyle().set("color", "var(--lumo-error-text-color)");
		assign.add(new Span(getTranslation("tally.scans.queue.file", q.originalName())), reason, number, year, additional, ok,
				discard);
		number.focus();
	}

	private void confirmDiscard(QueuedScan q) {
		var dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("tally.scans.discard.title", q.originalName()));
		var reason = new TextField(getTranslation("tally.scans.discard.reason"));
		reason.setWidthFull();
		reason.setId("tally-queue-discard-reason");
		var ok = new Button(getTranslation("tally.scans.discard"), e -> {
			if (Notices.attempt(() -> scans.discard(q.id(), reason.getValue()), getTranslation("tally.scans.discarded"))) {
				dialog.close();
				refreshQueue();
			}
		});
		ok.addThemeVariants(ButtonVariant.LUMO_ERROR);
		var cancel = new Button(getTranslation("tally.cancel"), e -> dialog.close());
		dialog.add(reason);
		dialog.getFooter().add(cancel, ok);
		dialog.open();
		reason.focus();
	}

	private void discardUploads() {
		uploaded.forEach(ScansView::delete);
		uploaded.clear();
		uploadedNames.clear();
	}

	private static void delete(File f) {
		try {
			Files.deleteIfExists(f.toPath());
		} catch (IOException ignored) {
			// a temporary upload; the OS cleans its temp directory otherwise
		}
	}
}
