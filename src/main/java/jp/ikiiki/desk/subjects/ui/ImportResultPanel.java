package jp.ikiiki.desk.subjects.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Supplier;
import jp.ikiiki.desk.subjects.ImportDownload;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import jp.ikiiki.desk.subjects.SubjectImportSummary.State;

/**
 * What came of an import, said first and plainly: a held file (the mass-ending guard, with its reasons and the number
 * a floor manager must confirm) or a dry run that would be held comes first as a banner; then one status line per
 * kind of result — applied, dry run, blocked by errors (with the first reason), the other kind's file (naming it),
 * withdrawn, superseded, failed —, the counts and the downloads.
 */
class ImportResultPanel extends Composite<VerticalLayout> {

	private final SubjectImportHistory history;
	private final String channel;
	private final Div hold = new Div();
	private final Span status = new Span();
	private final Span counts = new Span();
	private final HorizontalLayout downloads = new HorizontalLayout();

	ImportResultPanel(SubjectImportHistory history, String channel) {
		this.history = history;
		this.channel = channel;
		VerticalLayout root = getContent();
		root.setId("import-result");
		root.setPadding(false);
		root.setSpacing(false);
		hold.setId("import-hold");
		hold.setVisible(false);
		hold.getStyle().set("border-left", "4px solid var(--lumo-warning-color, #e8a200)")
				.set("background", "var(--lumo-warning-color-10pct, #fff4d6)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
				.set("margin", "var(--lumo-space-xs) 0").set("width", "100%").set("box-sizing", "border-box");
		status.setId("import-status");
		status.getStyle().set("font-weight", "600").set("white-space", "normal").set("max-width", "100%")
				.set("line-height", "var(--lumo-line-height-s)").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)");
		counts.setId("import-counts");
		counts.getStyle().set("font-size", "var(--lumo-font-size-s)");
		downloads.setId("import-downloads");
		downloads.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		var line = new HorizontalLayout(status, downloads);
		line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		line.setWidthFull();
		line.getStyle().set("flex-wrap", "wrap").set("row-gap", "var(--lumo-space-xs)");
		root.add(hold, line, counts);
	}

	/** While an import runs. */
	void running(String text) {
		clear();
		status.setText(text);
		status.getElement().setAttribute("data-status", State.RUNNING.name());
		status.getElement().getThemeList().clear();
	}

	/** An import refused at once (busy, or a file beyond a limit). */
	void refused(String reason) {
		clear();
		status.setText(reason);
		status.getElement().setAttribute("data-status", "REFUSED");
		theme("badge error");
	}

	/**
	 * One import of the history.
	 *
	 * @param problems the problems just returned with the outcome, or null to look up the first one if needed
	 */
	void show(SubjectImportSummary s, List<ImportProblem> problems) {
		clear();
		if (s.hold() != null && (s.status() == State.HELD || s.status() == State.DRY_RUN)) {
			showHold(s);
		}
		status.getElement().setAttribute("data-status", s.status().name());
		status.setText(statusText(s, problems));
		theme(switch (s.status()) {
			case APPLIED -> "badge success";
			case DRY_RUN, RUNNING -> "badge contrast";
			case HELD -> "badge";
			default -> "badge error";
		});
		counts.setText(getTranslation("subjects.import.counts", String.valueOf(s.id()), s.kind().title(), s.fileName(),
				s.rows(), s.added(), s.changed(), s.ended(), s.rejected(), s.flagged()));
		long id = s.id();
		if (s.hasReport()) {
			downloads.add(link(getTranslation("subjects.import.report"), () -> history.report(id, channel).orElse(null)));
		}
		if (s.problemCount() > 0) {
			downloads.add(link(getTranslation("subjects.import.problems-csv"), () -> history.problemsCsv(id, channel).orElse(null)),
					link(getTranslation("subjects.import.problems-xlsx"), () -> history.problemsXlsx(id, channel).orElse(null)));
		}
	}

	private void showHold(SubjectImportSummary s) {
		boolean held = s.status() == State.HELD;
		var title = new Span(getTranslation(held ? "subjects.import.hold.title" : "subjects.import.hold.dry-run-title"));
		title.getStyle().set("font-weight", "700");
		var reasons = new UnorderedList();
		s.hold().reasons().forEach(r -> reasons.add(new ListItem(r)));
		reasons.getStyle().set("margin", "var(--lumo-space-xs) 0");
		var needs = new Span(getTranslation("subjects.import.hold.needs", s.hold().ended()));
		hold.add(title, reasons, needs);
		if (held) {
			var link = new RouterLink(getTranslation("subjects.import.hold.link"), HeldImportsView.class);
			link.setId("import-held-link");
			link.getStyle().set("margin-left", "var(--lumo-space-m)");
			hold.add(link);
		}
		hold.setVisible(true);
	}

	private String statusText(SubjectImportSummary s, List<ImportProblem> problems) {
		return switch (s.status()) {
			case BLOCKED -> s.rejected() > 0 && !s.acceptValid() && firstFatal(s, problems) == null
					? getTranslation("subjects.import.result.BLOCKED-rows", s.rejected())
					: getTranslation("subjects.import.result.BLOCKED", reasonOf(firstFatal(s, problems)));
			case WRONG_KIND -> getTranslation("subjects.import.result.WRONG_KIND", reasonOf(firstFatal(s, problems)));
			case FAILED -> getTranslation("subjects.import.result.FAILED") + failureReason(s, problems);
			case APPLIED -> getTranslation("subjects.import.result.APPLIED");
			case DRY_RUN -> getTranslation("subjects.import.result.DRY_RUN");
			case HELD -> getTranslation("subjects.import.result.HELD");
			case WITHDRAWN -> getTranslation("subjects.import.result.WITHDRAWN");
			case SUPERSEDED -> getTranslation("subjects.import.result.SUPERSEDED");
			case RUNNING -> getTranslation("subjects.import.result.RUNNING");
		};
	}

	private String failureReason(SubjectImportSummary s, List<ImportProblem> problems) {
		ImportProblem p = firstFatal(s, problems);
		return p == null ? "" : "（" + p.reason() + "）";
	}

	/** The problem that stopped the whole file: the first error on row 1 without a column, if any. */
	private ImportProblem firstFatal(SubjectImportSummary s, List<ImportProblem> problems) {
		List<ImportProblem> list = problems != null ? problems : history.problems(s.id(), 0, 50);
		return list.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR && p.column() == null)
				.findFirst()
				.orElseGet(() -> list.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR && p.row() == 1)
						.findFirst().orElse(null));
	}

	private static String reasonOf(ImportProblem p) {
		return p == null ? "" : p.reason();
	}

	private void clear() {
		hold.removeAll();
		hold.setVisible(false);
		status.setText("");
		counts.setText("");
		downloads.removeAll();
	}

	private void theme(String theme) {
		status.getElement().getThemeList().clear();
		for (String t : theme.split(" ")) {
			status.getElement().getThemeList().add(t);
		}
	}

	/** A download link; the file is produced (and the download audited) only when it is clicked. */
	static Anchor link(String text, Supplier<ImportDownload> source) {
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
			ImportDownload d = source.get();
			return d == null ? DownloadResponse.error(HttpStatusCode.NOT_FOUND)
					: new DownloadResponse(new ByteArrayInputStream(d.content()), d.fileName(), d.contentType(),
							d.content().length);
		});
		return new Anchor(handler, AttachmentType.DOWNLOAD, text);
	}
}
