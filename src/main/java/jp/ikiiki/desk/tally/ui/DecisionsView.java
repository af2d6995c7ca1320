package jp.ikiiki.desk.tally.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.platform.ui.EnterMovesOn;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletKeying.Dispute;
import jp.ikiiki.desk.tally.BookletKeying.DisputedField;
import jp.ikiiki.desk.tally.BookletScans;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.StampField;
import jp.ikiiki.desk.tally.TallyProperties;

/**
 * The floor manager's decision on fields the two keyings still disagree on (第7章1(4)): both values beside the
 * scanned page; the decided value is typed (Enter moves on, the last Enter reaches 「判定を確定」). The booklet is then
 * verified and counts towards its year.
 */
@Route("booklets/decisions")
@PageTitle("手帳の判定 | いきいきデスク")
@Menu(order = 54, title = "手帳の判定")
@RolesAllowed(Roles.FLOOR_MANAGER)
class DecisionsView extends VerticalLayout {

	static final String CHANNEL = "画面:手帳の判定";

	private final BookletKeying keying;
	private final BookletScans scans;
	private final TallyProperties properties;
	private final Grid<Dispute> grid = new Grid<>(Dispute.class, false);
	private final PageViewer pages = new PageViewer("tally-decision");
	private final VerticalLayout panel = new VerticalLayout();
	private final Map<StampField, TextField> values = new EnumMap<>(StampField.class);

	DecisionsView(BookletKeying keying, BookletScans scans, TallyProperties properties) {
		this.keying = keying;
		this.scans = scans;
		this.properties = properties;
		setSizeFull();
		add(new H2(getTranslation("tally.decision.title")));
		grid.setId("tally-decision-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT);
		grid.addColumn(d -> d.booklet().id()).setHeader(getTranslation("tally.decision.col.booklet")).setWidth("5em").setFlexGrow(0);
		grid.addColumn(d -> d.booklet().managementNumber()).setHeader(getTranslation("tally.receipt.col.number")).setWidth("10em").setFlexGrow(0);
		grid.addColumn(d -> BusinessYear.labelOf(d.booklet().businessYear()) + " " + d.booklet().kind().label())
				.setHeader(getTranslation("tally.receipt.col.year")).setWidth("12em").setFlexGrow(0);
		grid.addColumn(d -> JapaneseDates.toWestern(d.booklet().receivedOn())).setHeader(getTranslation("tally.receipt.col.received-on"))
				.setWidth("8em").setFlexGrow(0);
		grid.addColumn(d -> d.fields().size()).setHeader(getTranslation("tally.decision.col.fields")).setWidth("6em").setFlexGrow(0);
		grid.addColumn(d -> d.enteredBy() + " / " + d.verifiedBy()).setHeader(getTranslation("tally.decision.col.keyers")).setFlexGrow(1);
		grid.setHeight("10em");
		grid.addSelectionListener(e -> show(e.getFirstSelectedItem().orElse(null)));
		panel.setPadding(false);
		panel.setWidth("32em");
		panel.getStyle().set("flex-shrink", "0");
		pages.getStyle().set("flex", "1 1 auto").set("min-width", "0");
		var body = new HorizontalLayout(pages, panel);
		body.setSizeFull();
		// A flex child may otherwise grow to its content (the page image) and push below the screen.
		body.getStyle().set("min-height", "0");
		add(grid, body);
		expand(body);
		refresh();
	}

	private void refresh() {
		List<Dispute> disputes = keying.disputes();
		grid.setItems(disputes);
		if (disputes.isEmpty()) {
			show(null);
		} else {
			grid.select(disputes.get(0));
		}
	}

	private void show(Dispute d) {
		panel.removeAll();
		values.clear();
		if (d == null) {
			pages.show(0, null, getTranslation("tally.decision.none"));
			var none = new Span(getTranslation("tally.decision.none"));
			none.setId("tally-decision-none");
			panel.add(none);
			return;
		}
		long id = d.booklet().id();
		pages.show(d.pages(), page -> scans.bookletPage(id, page, CHANNEL), getTranslation("tally.page.not-scanned"));
		panel.add(new H3(getTranslation("tally.decision.booklet", id, d.booklet().managementNumber())));
		var confirm = new Button(getTranslation("tally.decision.confirm"));
		confirm.setId("tally-decision-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		var note = new TextField(getTranslation("tally.decision.note"));
		note.setId("tally-decision-note");
		note.setWidthFull();
		List<TextField> order = new ArrayList<>();
		for (DisputedField f : d.fields()) {
			var value = new TextField();
			String fid = FieldLabels.id("tally-decision", f.field());
			value.setId(fid);
			value.addThemeVariants(TextFieldVariant.LUMO_SMALL, TextFieldVariant.LUMO_ALIGN_RIGHT);
			value.setAllowedCharPattern("[0-9]");
			value.setMaxLength(4);
			value.setWidth("5.5em");
			String label = FieldLabels.of(this, f.field(), properties);
			value.setAriaLabel(label);
			var name = new Span(label);
			name.setWidth("10em");
			var both = new Span(getTranslation("tally.decision.values", f.entryValue(), f.firstVerifyValue(), f.verifyValue()));
			both.setId(fid + "-values");
			both.getStyle().set("font-size", "var(--lumo-font-size-s)");
			var row = new HorizontalLayout(name, both, value);
			row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
			panel.add(row);
			values.put(f.field(), value);
			order.add(value);
		}
		order.add(note);
		EnterMovesOn.chain(order, "tally-decision-confirm");
		panel.add(note, confirm);
		confirm.addClickListener(e -> decide(d, note.getValue()));
		order.get(0).focus();
	}

	private void decide(Dispute d, String note) {
		Map<StampField, Integer> decided = new EnumMap<>(StampField.class);
		for (var entry : values.entrySet()) {
			String text = entry.getValue().getValue();
			if (text == null || text.isBlank()) {
				Notices.error(getTranslation("tally.decision.missing"));
				entry.getValue().focus();
				return;
			}
			try {
				decided.put(entry.getKey(), Integer.parseInt(text.strip()));
			} catch (NumberFormatException e) {
				Notices.error(getTranslation("tally.key.digits"));
				entry.getValue().focus();
				return;
			}
		}
		Notices.attempt(() -> keying.decide(d.booklet().id(), decided, note)).ifPresent(b -> {
			Notices.success(getTranslation("tally.decision.done", b.id()));
			refresh();
		});
	}
}
