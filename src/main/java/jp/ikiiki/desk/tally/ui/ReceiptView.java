package jp.ikiiki.desk.tally.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.BookletReceipts.Bundle;
import jp.ikiiki.desk.tally.BookletReceipts.ScanLine;
import jp.ikiiki.desk.tally.BookletSummary;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;

/**
 * The receipt desk (手帳受付, 別紙3 col 50) for a barcode scanner that types the 申請書管理番号 and Enter. The city's
 * receipt date and the year are set once per bundle; then every scan is answered at once in a large coloured box
 * (received / unknown number / already received / refused with the reason) without sound and without the mouse,
 * and the scan field is ready for the next. F8 marks the next booklet as an additional one (追加手帳). Every refused
 * scan is listed with its reason.
 */
@Route("booklets/receipt")
@PageTitle("手帳受付 | いきいきデスク")
@Menu(order = 50, title = "手帳受付")
@RolesAllowed(Roles.OPERATOR)
class ReceiptView extends VerticalLayout {

	static final String CHANNEL = "画面:手帳受付";
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm:ss").withZone(JapanTime.ZONE);

	private final BookletReceipts receipts;
	private final DatePicker receivedOn = new DatePicker();
	private final Select<BusinessYear> year = new Select<>();
	private final Button open = new Button();
	private final Button close = new Button();
	private final Span bundleText = new Span();
	private final TextField scan = new TextField();
	private final Checkbox additional = new Checkbox();
	private final Div result = new Div();
	private final Span counts = new Span();
	private final Grid<ScanLine> lines = new Grid<>(ScanLine.class, false);
	private final Grid<ScanLine> refusals = new Grid<>(ScanLine.class, false);
	private Bundle bundle;

	ReceiptView(BookletReceipts receipts, BusinessYears years) {
		this.receipts = receipts;
		setSizeFull();
		add(new H2(getTranslation("tally.receipt.title")));

		receivedOn.setLabel(getTranslation("tally.receipt.received-on"));
		receivedOn.setId("tally-receipt-date");
		receivedOn.setI18n(DatePickers.japanese());
		receivedOn.setMax(years.today());
		// The calendar would take the keyboard on focus: the date is typed (2026/6/10) and Tab moves on.
		receivedOn.setAutoOpen(false);
		year.setLabel(getTranslation("tally.receipt.year"));
		year.setId("tally-receipt-year");
		year.setItems(years.open());
		year.setItemLabelGenerator(YearLabels::of);
		year.setPlaceholder(getTranslation("tally.receipt.year.choose"));
		year.setWidth("22em");
		open.setText(getTranslation("tally.receipt.open"));
		open.setId("tally-receipt-open");
		open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		open.addClickListener(e -> openBundle());
		close.setText(getTranslation("tally.receipt.close"));
		close.setId("tally-receipt-close");
		close.addClickListener(e -> closeBundle());
		bundleText.setId("tally-receipt-bundle");
		bundleText.getStyle().set("font-weight", "bold");
		var bundleBar = new HorizontalLayout(receivedOn, year, open, bundleText, close);
		bundleBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		add(bundleBar);

		scan.setLabel(getTranslation("tally.receipt.scan"));
		scan.setId("tally-receipt-scan");
		scan.setWidth("24em");
		scan.setMaxLength(80);
		scan.getStyle().set("font-size", "var(--lumo-font-size-xl)");
		scan.setHelperText(getTranslation("tally.receipt.scan.help"));
		scan.addKeyDownListener(Key.ENTER, e -> receive());
		additional.setLabel(getTranslation("tally.receipt.additional"));
		additional.setId("tally-receipt-additional");
		Shortcuts.addShortcutListener(this, () -> additional.setValue(!additional.getValue()), Key.F8);
		var scanBar = new HorizontalLayout(scan, additional, counts);
		scanBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		counts.setId("tally-receipt-counts");
		add(scanBar);

		result.setId("tally-receipt-result");
		result.setWidthFull();
		result.getElement().setAttribute("role", "status");
		result.getElement().setAttribute("aria-live", "assertive");
		result.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "bold")
				.set("padding", "var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-l)")
				.set("min-height", "2.5em");
		add(result);

		lines.setId("tally-receipt-lines");
		lines.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		lines.addColumn(l -> TIME.format(l.at())).setHeader(getTranslation("tally.receipt.col.time")).setWidth("6em").setFlexGrow(0);
		lines.addColumn(ScanLine::scanned).setHeader(getTranslation("tally.receipt.col.number")).setWidth("11em").setFlexGrow(0);
		lines.addColumn(l -> l.kind().label()).setHeader(getTranslation("tally.receipt.col.kind")).setWidth("6em").setFlexGrow(0);
		lines.addColumn(l -> l.accepted() ? getTranslation("tally.receipt.accepted") : l.reason())
				.setHeader(getTranslation("tally.receipt.col.result")).setFlexGrow(1);
		lines.setPartNameGenerator(l -> l.accepted() ? null : "refused");
		lines.setHeight("14em");
		add(lines);

		refusals.setId("tally-receipt-refusals");
		refusals.addThemeVariants(GridVariant.LUMO_COMPACT);
		refusals.addColumn(l -> JapaneseDates.toWesternDateTime(l.at())).setHeader(getTranslation("tally.receipt.col.time"))
				.setWidth("10em").setFlexGrow(0);
		refusals.addColumn(ScanLine::scanned).setHeader(getTranslation("tally.receipt.col.number")).setWidth("11em").setFlexGrow(0);
		refusals.addColumn(l -> BusinessYear.labelOf(l.businessYear())).setHeader(getTranslation("tally.receipt.col.year"))
				.setWidth("9em").setFlexGrow(0);
		refusals.addColumn(l -> JapaneseDates.toWestern(l.receivedOn())).setHeader(getTranslation("tally.receipt.col.received-on"))
				.setWidth("8em").setFlexGrow(0);
		refusals.addColumn(ScanLine::reason).setHeader(getTranslation("tally.receipt.col.reason")).setFlexGrow(1);
		refusals.addColumn(ScanLine::by).setHeader(getTranslation("tally.receipt.col.by")).setWidth("7em").setFlexGrow(0);
		refusals.setHeight("14em");
		var all = new Details(getTranslation("tally.receipt.refusals"), refusals);
		all.setId("tally-receipt-refusals-details");
		all.setWidthFull();
		all.addOpenedChangeListener(e -> {
			if (e.isOpened()) {
				refusals.setItems(receipts.refusals(null, 500));
			}
		});
		add(all);

		showBundle();
		receivedOn.focus();
	}

	private void openBundle() {
		if (receivedOn.getValue() == null || year.getValue() == null) {
			Notices.error(getTranslation("tally.receipt.bundle.missing"));
			return;
		}
		Notices.attempt(() -> receipts.openBundle(receivedOn.getValue(), year.getValue().year())).ifPresent(b -> {
			bundle = b;
			showBundle();
			showResult(null, null);
			scan.focus();
		});
	}

	private void closeBundle() {
		bundle = null;
		showBundle();
		showResult(null, null);
		receivedOn.focus();
	}

	private void showBundle() {
		boolean active = bundle != null;
		receivedOn.setReadOnly(active);
		year.setReadOnly(active);
		open.setVisible(!active);
		close.setVisible(active);
		scan.setEnabled(active);
		additional.setEnabled(active);
		bundleText.setText(active ? getTranslation("tally.receipt.bundle", bundle.id(),
				JapaneseDates.toWestern(bundle.receivedOn()), BusinessYear.labelOf(bundle.businessYear())) : "");
		refreshLines();
	}

	private void receive() {
		if (bundle == null) {
			return;
		}
		String text = scan.getValue();
		scan.clear();
		scan.focus();
		if (text == null || text.isBlank()) {
			return;
		}
		BookletKind kind = BookletKind.of(additional.getValue());
		additional.setValue(false);
		try {
			BookletSummary b = receipts.receive(new BookletReceipts.Receipt(text, bundle.receivedOn(),
					bundle.businessYear(), kind, bundle.id()), CHANNEL);
			showResult(true, getTranslation("tally.receipt.ok", b.managementNumber(), BusinessYear.labelOf(b.businessYear()),
					b.kind().label()));
		} catch (DomainException e) {
			String kindText = e instanceof NotFoundException ? getTranslation("tally.receipt.unknown")
					: e instanceof StateConflictException ? getTranslation("tally.receipt.duplicate")
							: getTranslation("tally.receipt.refused");
			showResult(false, kindText + " " + ManagementNumberText.of(text) + " — " + e.reason());
		}
		refreshLines();
	}

	private void showResult(Boolean ok, String text) {
		result.setText(text == null ? getTranslation("tally.receipt.ready") : text);
		result.getElement().setAttribute("data-result", ok == null ? "none" : ok ? "ok" : "refused");
		String background = ok == null ? "var(--lumo-contrast-5pct)" : ok ? "var(--lumo-success-color)" : "var(--lumo-error-color)";
		String colour = ok == null ? "var(--lumo-secondary-text-color)" : "var(--lumo-base-color)";
		result.getStyle().set("background", background).set("color", colour);
	}

	private void refreshLines() {
		if (bundle == null) {
			lines.setItems(List.of());
			counts.setText("");
			return;
		}
		List<ScanLine> all = receipts.lines(bundle.id());
		lines.setItems(all);
		long accepted = all.stream().filter(ScanLine::accepted).count();
		counts.setText(getTranslation("tally.receipt.counts", accepted, all.size() - accepted));
	}

	/** The scanned text as shown back to the operator: normalised, never longer than a number can be. */
	private static final class ManagementNumberText {
		static String of(String text) {
			String s = jp.ikiiki.desk.subjects.ManagementNumber.normalize(text);
			return s.length() > 30 ? s.substring(0, 30) + "…" : s;
		}
	}
}
