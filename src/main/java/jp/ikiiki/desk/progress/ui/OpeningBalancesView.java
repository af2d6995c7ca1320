package jp.ikiiki.desk.progress.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.progress.OpeningBalances;
import jp.ikiiki.desk.progress.ProgressList;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.subjects.SubjectsProperties;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;

/**
 * The opening-balance import (第9章1(1)) for an operator: a business year, the predecessor's 別紙3 file, a dry run
 * first (the default), then the load; every refused row with its column and reason. Also the year's
 * 対象者別進捗状況一覧 (第9章1(2)) to download and compare.
 */
@Route("progress/opening-balances")
@PageTitle("引継ぎデータ取込 | いきいきデスク")
@Menu(order = 95, title = "引継ぎデータ取込")
@RolesAllowed(Roles.OPERATOR)
class OpeningBalancesView extends VerticalLayout {

	static final String CHANNEL = "画面:引継ぎデータ取込";

	private final OpeningBalances openings;
	private final ProgressList list;
	private final long maxFileBytes;
	private final Select<BusinessYear> year = new Select<>();
	private final Checkbox dryRun = new Checkbox();
	private final Upload upload;
	private final Span chosen = new Span();
	private final Button load = new Button();
	private final Span summary = new Span();
	private final Grid<OpeningBalances.Problem> problems = new Grid<>(OpeningBalances.Problem.class, false);
	private Path file;
	private String fileName;

	OpeningBalancesView(OpeningBalances openings, ProgressList list, BusinessYears years,
			SubjectsProperties subjects) {
		this.openings = openings;
		this.list = list;
		this.maxFileBytes = subjects.importing().maxFileSize().toBytes();
		setSizeFull();
		add(new H2(getTranslation("progress.opening.title")));
		var help = new Paragraph(getTranslation("progress.opening.help"));
		help.getStyle().set("max-width", "70rem").set("margin", "0");
		add(help);

		year.setLabel(getTranslation("progress.opening.year"));
		year.setId("opening-year");
		year.setItems(years.open());
		year.setItemLabelGenerator(BusinessYear::labelWithStanding);
		years.open().stream().findFirst().ifPresent(year::setValue);

		dryRun.setLabel(getTranslation("progress.opening.dry-run"));
		dryRun.setId("opening-dry-run");
		dryRun.setValue(true);

		upload = new Upload(boundedUpload());
		upload.setId("opening-upload");
		upload.setAcceptedFileTypes(".csv", "text/csv");
		upload.setMaxFiles(1);
		upload.setUploadButton(new Button(getTranslation("progress.opening.upload")));
		chosen.setId("opening-file");

		load.setText(getTranslation("progress.opening.load"));
		load.setId("opening-load");
		load.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		load.setEnabled(false);
		load.addClickListener(e -> run());

		var controls = new HorizontalLayout(year, upload, chosen, dryRun, load);
		controls.setAlignItems(FlexComponent.Alignment.BASELINE);
		controls.setWrap(true);
		add(controls);

		var downloads = new HorizontalLayout(new Span(getTranslation("progress.opening.download")),
				download(ProgressList.Format.XLSX, getTranslation("progress.opening.download-xlsx")),
				download(ProgressList.Format.CSV, getTranslation("progress.opening.download-csv")));
		downloads.setAlignItems(FlexComponent.Alignment.BASELINE);
		add(downloads);

		summary.setId("opening-summary");
		summary.getStyle().set("font-weight", "600");
		add(new H3(getTranslation("progress.opening.problems")), summary);
		problems.setId("opening-problems");
		problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		problems.addColumn(OpeningBalances.Problem::row).setHeader(getTranslation("progress.opening.column.row"))
				.setWidth("5rem").setFlexGrow(0);
		problems.addColumn(OpeningBalances.Problem::column).setHeader(getTranslation("progress.opening.column.column"))
				.setWidth("14rem").setFlexGrow(0);
		problems.addColumn(OpeningBalances.Problem::value).setHeader(getTranslation("progress.opening.column.value"))
				.setWidth("14rem").setFlexGrow(0);
		problems.addColumn(OpeningBalances.Problem::reason).setHeader(getTranslation("progress.opening.column.reason"))
				.setTooltipGenerator(OpeningBalances.Problem::reason)
				.setFlexGrow(1);
		problems.setSizeFull();
		add(problems);
		setFlexGrow(1, problems);
		addDetachListener(e -> discard());
	}

	private void run() {
		if (file == null || year.getValue() == null) {
			Notices.error(getTranslation("progress.opening.no-file"));
			return;
		}
		boolean dry = dryRun.getValue();
		Notices.attempt(() -> {
			try (InputStream in = Files.newInputStream(file)) {
				return openings.load(year.getValue().year(), fileName, in, dry, CHANNEL);
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}).ifPresent(outcome -> {
			summary.setText(getTranslation("progress.opening.summary",
					getTranslation(outcome.dryRun() ? "progress.opening.summary-dry" : "progress.opening.summary-done"),
					outcome.rows(), outcome.inserted(), outcome.updated(), outcome.unchanged(), outcome.refused()));
			problems.setItems(outcome.problems());
			if (outcome.dryRun()) {
				Notices.info(getTranslation("progress.opening.checked"));
			} else {
				Notices.success(getTranslation("progress.opening.done"));
				dryRun.setValue(true);
			}
		});
	}

	private Anchor download(ProgressList.Format format, String label) {
		DownloadHandler handler = event -> {
			int y = year.getValue() == null ? 0 : year.getValue().year();
			event.setFileName(ProgressList.fileName(y, format));
			event.setContentType(format.mediaType());
			try {
				list.write(y, format, event.getOutputStream(), CHANNEL);
			} catch (DomainException refusal) {
				event.getUI().access(() -> Notices.error(refusal));
				event.getResponse().setStatus(422);
			}
		};
		var anchor = new Anchor(handler, label);
		anchor.getElement().setAttribute("download", true);
		anchor.setId("progress-list-" + format.name().toLowerCase(Locale.ROOT));
		return anchor;
	}

	/** Streams the upload to a temporary file, refused beyond the subjects import's size limit. */
	private UploadHandler boundedUpload() {
		return event -> {
			Path tmp = Files.createTempFile("ikiiki-opening", ".csv");
			boolean kept = false;
			try (InputStream in = event.getInputStream(); var out = Files.newOutputStream(tmp)) {
				byte[] buffer = new byte[1 << 16];
				long total = 0;
				int n;
				while ((n = in.read(buffer)) >= 0) {
					total += n;
					if (total > maxFileBytes) {
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
			event.getUI().access(() -> {
				discard();
				file = tmp;
				fileName = name;
				chosen.setText(name);
				load.setEnabled(true);
				upload.clearFileList();
			});
		};
	}

	private void discard() {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			} catch (IOException e) {
				// a temporary file; the OS cleans the directory
			}
			file = null;
		}
	}
}
