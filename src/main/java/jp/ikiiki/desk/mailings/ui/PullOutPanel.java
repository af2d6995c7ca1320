package jp.ikiiki.desk.mailings.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.PullOut;
import jp.ikiiki.desk.mailings.PullOutImport;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.shared.DomainException;

/**
 * Pull-outs (引抜, 第4章1(3)(4)) across every open batch: a number typed or scanned (Enter pulls and clears for the
 * next scan), or the city's list as CSV/XLSX (all rows or none). Each item found is shown with its batch, bundle and
 * position so that it is taken out of the right box at once; the items pulled here are listed, newest first.
 */
class PullOutPanel extends VerticalLayout {

	private final Mailings mailings;
	private final String channel;
	private final Runnable changed;
	private final Span result = new Span();
	private final List<PullOut> pulledHere = new ArrayList<>();
	private final Grid<PullOut> grid = new Grid<>(PullOut.class, false);
	private final Span count = new Span();

	PullOutPanel(Mailings mailings, String channel, Runnable changed) {
		this.mailings = mailings;
		this.channel = channel;
		this.changed = changed;
		setPadding(false);
		setSizeFull();
		TextField number = new TextField(getTranslation("mailings.pull.number"));
		number.setId("pull-number");
		number.setWidth("26em");
		TextField reason = new TextField(getTranslation("mailings.pull.reason"));
		reason.setId("pull-reason");
		reason.setWidth("16em");
		Runnable pull = () -> {
			try {
				var found = mailings.pullOut(number.getValue(), reason.getValue(), channel);
				pulledHere.addAll(0, found);
				grid.setItems(pulledHere);
				count.setText(getTranslation("mailings.pull.count", pulledHere.size()));
				PullOut p = found.get(0);
				result.setText(getTranslation(p.already() ? "mailings.pull.already" : "mailings.pull.done", p.batchId(),
						p.batchTitle(), p.bundleNo(), p.bundleSeq())
						+ (found.size() > 1 ? getTranslation("mailings.pull.more", found.size() - 1) : ""));
				number.clear();
				number.focus();
				changed.run();
			} catch (DomainException ex) {
				result.setText(ex.reason());
				Notices.error(ex.reason());
			}
		};
		number.addKeyPressListener(Key.ENTER, e -> pull.run());
		Button go = new Button(getTranslation("mailings.pull.go"), e -> pull.run());
		go.setId("pull-go");
		result.setId("pull-result");
		result.getStyle().set("font-weight", "bold");

		Upload upload = new Upload(UploadHandler.toTempFile((metadata, tmp) -> {
			try (InputStream in = Files.newInputStream(tmp.toPath())) {
				PullOutImport outcome = mailings.importPullOuts(metadata.fileName(), in, channel);
				getUI().ifPresent(ui -> ui.access(() -> imported(outcome)));
			} finally {
				Files.deleteIfExists(tmp.toPath());
			}
		}));
		upload.setId("pull-upload");
		upload.setMaxFiles(1);
		upload.setAcceptedFileTypes(".csv", ".xlsx");
		upload.setUploadButton(new Button(getTranslation("mailings.pull.upload")));
		upload.setDropLabel(new Span(getTranslation("mailings.pull.drop")));

		grid.setId("pull-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(PullOut::number).setHeader(getTranslation("mailings.pull.col.number")).setSortable(true)
				.setWidth("10rem").setFlexGrow(0);
		grid.addColumn(p -> p.batchId() + " " + p.batchTitle()).setHeader(getTranslation("mailings.pull.col.batch"))
				.setSortable(true).setWidth("12rem").setFlexGrow(1);
		grid.addColumn(PullOut::bundleNo).setHeader(getTranslation("mailings.pull.col.bundle")).setSortable(true)
				.setTextAlign(ColumnTextAlign.END).setWidth("4rem").setFlexGrow(0);
		grid.addColumn(PullOut::bundleSeq).setHeader(getTranslation("mailings.pull.col.bundle-seq")).setSortable(true)
				.setTextAlign(ColumnTextAlign.END).setWidth("5rem").setFlexGrow(0);
		grid.addColumn(PullOut::subjectId).setHeader(getTranslation("mailings.pull.col.subject")).setSortable(true)
				.setWidth("8.5rem").setFlexGrow(0);
		grid.addColumn(PullOut::reason).setHeader(getTranslation("mailings.pull.col.reason")).setWidth("10rem").setFlexGrow(1);
		grid.setEmptyStateText(getTranslation("mailings.pull.empty"));
		grid.setSizeFull();
		count.setId("pull-count");
		count.setText(getTranslation("mailings.pull.count", 0));

		var row = new HorizontalLayout(number, reason, go);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		add(row, upload, result, count, grid);
		setFlexGrow(1, grid);
	}

	private void imported(PullOutImport outcome) {
		if (outcome.errors().isEmpty()) {
			pulledHere.addAll(0, outcome.pulled());
			grid.setItems(pulledHere);
			count.setText(getTranslation("mailings.pull.count", pulledHere.size()));
			result.setText(getTranslation("mailings.pull.imported", outcome.pulled().size()));
			changed.run();
		} else {
			result.setText(getTranslation("mailings.pull.rejected", String.join(" / ", outcome.errors())));
			Notices.error(getTranslation("mailings.pull.rejected-short", outcome.errors().size()));
		}
	}
}
