package jp.ikiiki.desk.groups.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.ikiiki.desk.groups.GroupStamps;
import jp.ikiiki.desk.groups.Stamp;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.shared.DomainException;

/**
 * Packing the stamps (第5章2): the envelope's label is scanned (a barcode scanner types the number and Enter); the
 * stamp is recorded as packed, or the scan is refused with the reason (packed already, posted by the city, not
 * issued, not a stamp label). The field keeps the focus for the next envelope; the latest scans are listed on top.
 */
@Route("groups/stamps/scan")
@PageTitle("スタンプ梱包 | いきいきデスク")
@Menu(order = 74, title = "スタンプ梱包")
@RolesAllowed(Roles.OPERATOR)
class StampScanView extends VerticalLayout {

	private static final int SHOWN = 12;
	private static final String CHANNEL = "スタンプ梱包画面";

	private final GroupStamps stamps;
	private final TextField scan = new TextField();
	private final Span remaining = new Span();
	private final Div log = new Div();
	private final Button mailing = new Button();
	private final Span toMail = new Span();

	StampScanView(GroupStamps stamps) {
		this.stamps = stamps;
		mailing.setText(getTranslation("groups.mailing.create"));
		setPadding(true);
		var heading = new H2(getTranslation("groups.scan.title"));
		heading.getStyle().set("margin", "0");
		var help = new Span(getTranslation("groups.scan.help"));
		help.getStyle().set("color", "var(--lumo-secondary-text-color)");
		scan.setId("groups-scan");
		scan.setLabel(getTranslation("groups.scan.label"));
		scan.setMaxLength(40);
		scan.setWidth("20em");
		scan.getElement().setAttribute("autocomplete", "off");
		scan.getElement().addEventListener("keydown", e -> scanned(e.getEventData().getString("element.value")))
				.setFilter("event.key === 'Enter'").addEventData("element.value");
		remaining.setId("groups-scan-remaining");
		log.setId("groups-scan-log");
		log.setWidthFull();
		// The centre's stamp mailing (第5章1, 2): mid and late month, when the operator chooses.
		mailing.setId("groups-stamp-mailing");
		mailing.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		mailing.addClickListener(e -> Notices.attempt(() -> stamps.startMailing(CHANNEL)).ifPresent(id -> {
			refreshRemaining();
			String done = getTranslation("groups.mailing.created", id);
			// The batch's page: print, pull out and dispatch as every mailing (a notice closes on navigation: after it).
			getUI().ifPresent(ui -> ui.navigate("mailings/batch/" + id));
			Notices.success(done);
		}));
		toMail.setId("groups-stamp-to-mail");
		var mailingHelp = new Span(getTranslation("groups.mailing.help"));
		mailingHelp.getStyle().set("color", "var(--lumo-secondary-text-color)");
		var mailingRow = new HorizontalLayout(mailing, toMail);
		mailingRow.setAlignItems(Alignment.BASELINE);
		add(heading, help, scan, remaining, log, new H3(getTranslation("groups.mailing.title")), mailingHelp, mailingRow);
		refreshRemaining();
	}

	@Override
	protected void onAttach(AttachEvent attachEvent) {
		super.onAttach(attachEvent);
		scan.focus();
	}

	private void scanned(String raw) {
		scan.setValue("");
		String shown = raw == null ? "" : raw.strip();
		if (shown.length() > 20) {
			shown = shown.substring(0, 20) + "…";
		}
		try {
			Stamp s = stamps.pack(raw);
			line(getTranslation("groups.scan.packed", s.label(), s.groupId()), true);
			refreshRemaining();
		} catch (DomainException e) {
			line(getTranslation("groups.scan.refused", shown, e.reason()), false);
		}
		scan.focus();
	}

	private void line(String text, boolean ok) {
		var row = new Div(new Span(text));
		row.getElement().setAttribute("data-ok", String.valueOf(ok));
		row.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("margin-bottom", "2px")
				.set("border-radius", "var(--lumo-border-radius-s)").set("font-weight", ok ? "normal" : "bold")
				.set("background", ok ? "var(--lumo-success-color-10pct)" : "var(--lumo-error-color-10pct)")
				.set("color", ok ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
		log.addComponentAsFirst(row);
		while (log.getComponentCount() > SHOWN) {
			log.remove(log.getComponentAt(SHOWN));
		}
	}

	private void refreshRemaining() {
		remaining.setText(getTranslation("groups.scan.remaining", stamps.toPack().size()));
		int waiting = stamps.toMail();
		toMail.setText(getTranslation("groups.mailing.to-mail", waiting));
		mailing.setEnabled(waiting > 0);
	}
}
