package jp.ikiiki.desk.groups.duplicates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;

/**
 * The towns' lists of registered groups (第5章2) for an operator: each town's current list with its import date, and
 * the import of a new one (CSV or XLSX; dry run first, the default) with every refused row, column and reason.
 */
@Route("groups/town-lists")
@PageTitle("府中町・海田町の団体一覧 | いきいきデスク")
@Menu(order = 122, title = "府中町・海田町の団体一覧")
@RolesAllowed(Roles.OPERATOR)
class TownListsView extends VerticalLayout {

	static final String CHANNEL = "画面:町の団体一覧取込";

	private final TownLists towns;
	private final Select<Town> town = new Select<>();
	private final Checkbox dryRun = new Checkbox();
	private final Span chosen = new Span();
	private final Button load = new Button();
	private final Span current = new Span();
	private final Span summary = new Span();
	private final Grid<TownListImport.Problem> problems = new Grid<>();
	private byte[] file;
	private String fileName;

	TownListsView(TownLists towns) {
		this.towns = towns;
		setSizeFull();
		add(new H2(getTranslation("groups.duplicates.towns.title")));
		var help = new Paragraph(getTranslation("groups.duplicates.towns.help"));
		help.getStyle().set("max-width", "70rem").set("margin", "0");
		current.setId("towns-current");
		add(help, current);
		town.setLabel(getTranslation("groups.duplicates.towns.town"));
		town.setId("towns-town");
		town.setItems(Town.values());
		town.setItemLabelGenerator(Town::japaneseName);
		town.setValue(Town.FUCHU);
		dryRun.setLabel(getTranslation("groups.duplicates.towns.dry-run"));
		dryRun.setValue(true);
		dryRun.setId("towns-dry-run");
		var upload = new Upload(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
			file = bytes;
			fileName = meta.fileName();
			chosen.setText(fileName);
			load.setEnabled(true);
		}))));
		upload.setId("towns-upload");
		upload.setAcceptedFileTypes(".csv", ".xlsx");
		upload.setMaxFiles(1);
		upload.setMaxFileSize(TownLists.MAX_XLSX_BYTES);
		upload.setUploadButton(new Button(getTranslation("groups.duplicates.towns.upload")));
		upload.setDropLabel(new Span(getTranslation("groups.duplicates.towns.drop")));
		load.setText(getTranslation("groups.duplicates.towns.load"));
		load.setId("towns-load");
		load.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		load.setEnabled(false);
		load.addClickListener(e -> run());
		var controls = new HorizontalLayout(town, upload, chosen, dryRun, load);
		controls.setAlignItems(FlexComponent.Alignment.BASELINE);
		controls.setWrap(true);
		add(controls);
		summary.setId("towns-summary");
		add(new H3(getTranslation("groups.duplicates.towns.problems")), summary);
		problems.setId("towns-problems");
		problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		problems.addColumn(TownListImport.Problem::row).setHeader(getTranslation("groups.duplicates.towns.row"))
				.setWidth("5rem").setFlexGrow(0);
		problems.addColumn(TownListImport.Problem::column).setHeader(getTranslation("groups.duplicates.towns.column"))
				.setWidth("9rem").setFlexGrow(0);
		problems.addColumn(TownListImport.Problem::value).setHeader(getTranslation("groups.duplicates.towns.value"))
				.setWidth("14rem").setFlexGrow(0);
		problems.addColumn(TownListImport.Problem::reason).setHeader(getTranslation("groups.duplicates.towns.reason"))
				.setTooltipGenerator(TownListImport.Problem::reason).setFlexGrow(1);
		problems.setSizeFull();
		add(problems);
		setFlexGrow(1, problems);
		showCurrent();
	}

	private void showCurrent() {
		var f = DateTimeFormatter.ofPattern("uuuu/MM/dd");
		Notices.attempt(towns::current).ifPresent(list -> current.setText(String.join("　", list.stream()
				.map(c -> c.importId() == null ? getTranslation("groups.duplicates.towns.none", c.town().japaneseName())
						: getTranslation("groups.duplicates.towns.current", c.town().japaneseName(), c.entries(),
								f.format(c.importedOn()), c.fileName()))
				.toList())));
	}

	private void run() {
		if (file == null) {
			Notices.error(getTranslation("groups.duplicates.towns.no-file"));
			return;
		}
		boolean dry = dryRun.getValue();
		Notices.attempt(() -> {
			try (InputStream in = new ByteArrayInputStream(file)) {
				return towns.load(town.getValue(), fileName, in, dry, CHANNEL);
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}).ifPresent(o -> {
			summary.setText(getTranslation("groups.duplicates.towns.summary",
					getTranslation(o.dryRun() ? "groups.duplicates.towns.summary-dry"
							: o.applied() ? "groups.duplicates.towns.summary-done" : "groups.duplicates.towns.summary-refused"),
					o.rows(), o.entries(), o.refused(), o.previousEntries()));
			problems.setItems(o.problems());
			if (o.applied()) {
				Notices.success(getTranslation("groups.duplicates.towns.done"));
				dryRun.setValue(true);
				showCurrent();
			} else if (o.refused() > 0) {
				Notices.error(getTranslation("groups.duplicates.towns.refused"));
			} else {
				Notices.info(getTranslation("groups.duplicates.towns.checked"));
			}
		});
	}
}
