package jp.ikiiki.desk.tally.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.keying.Outcome;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.platform.ui.EnterMovesOn;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.tally.BookletKeying.Sheet;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletScans;
import jp.ikiiki.desk.tally.BookletSummary;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.StampField;
import jp.ikiiki.desk.tally.TallyProperties;

/**
 * The keying screen of one pass (第7章1(4)), keyboard only: the booklet's scanned page on the left, its 18 fields on
 * the right. Enter saves the field on the server and moves on (the move happens in the browser at once, so typing
 * ahead never lands in the wrong field); Enter on the last field reaches 「完了」. In the verify pass each field is
 * compared as it is keyed: a difference pulls the verifier back to the field, cleared, to key it again; a second
 * difference marks it for the floor manager's decision. Nothing is kept only in the browser: a reload continues with
 * the booklet and values saved.
 */
abstract class KeyingScreen extends VerticalLayout {

	private final BookletKeying keying;
	private final BookletScans scans;
	private final Pass pass;
	private final String channel;
	private final TallyProperties properties;
	private final Span booklet = new Span();
	private final Span instructions = new Span();
	private final Button complete = new Button();
	private final Button skip = new Button();
	private final PageViewer pages;
	private final Map<StampField, TextField> fields = new EnumMap<>(StampField.class);
	private final Map<StampField, Span> marks = new EnumMap<>(StampField.class);
	private final Div form = new Div();
	private final Span nothing = new Span();
	private final Span message = new Span();
	private HorizontalLayout body;
	private Sheet sheet;

	KeyingScreen(BookletKeying keying, BookletScans scans, TallyProperties properties, Pass pass, String idPrefix,
			String titleKey, String channel) {
		this.keying = keying;
		this.scans = scans;
		this.pass = pass;
		this.channel = channel;
		this.properties = properties;
		this.pages = new PageViewer(idPrefix);
		setSizeFull();
		setPadding(true);

		var heading = new H2(getTranslation(titleKey));
		heading.getStyle().set("margin", "0");
		booklet.setId(idPrefix + "-booklet");
		booklet.getStyle().set("font-weight", "bold");
		complete.setText(getTranslation("tally.key.complete"));
		complete.setId(idPrefix + "-complete");
		complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		complete.addClickListener(e -> completePass());
		skip.setText(getTranslation("tally.key.reload"));
		skip.setId(idPrefix + "-reload");
		skip.setTabIndex(-1);
		skip.addClickListener(e -> loadNext());
		var header = new HorizontalLayout(heading, booklet, skip);
		header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		header.setWidthFull();
		header.expand(booklet);
		instructions.setText(pass == Pass.ENTRY ? getTranslation("tally.key.help.entry") : getTranslation("tally.key.help.verify"));
		instructions.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");

		form.setId(idPrefix + "-form");
		form.getStyle().set("display", "grid").set("grid-template-columns", "repeat(2, auto)")
				.set("grid-auto-flow", "column").set("grid-template-rows", "repeat(9, auto)")
				.set("column-gap", "var(--lumo-space-l)").set("row-gap", "var(--lumo-space-xs)");
		List<StampField> all = StampField.ALL;
		for (int i = 0; i < all.size(); i++) {
			StampField f = all.get(i);
			form.add(row(f, idPrefix, i + 1 < all.size() ? FieldLabels.id(idPrefix, all.get(i + 1)) : complete.getId().orElseThrow()));
		}
		message.setId(idPrefix + "-message");
		message.getElement().setAttribute("role", "alert");
		message.getStyle().set("font-weight", "bold").set("color", "var(--lumo-error-text-color)")
				.set("min-height", "1.5em");
		var right = new VerticalLayout(instructions, message, form, complete);
		right.setPadding(false);
		right.setSpacing(false);
		right.setWidth("34em");
		right.getStyle().set("flex-shrink", "0");
		nothing.setId(idPrefix + "-nothing");
		nothing.setText(getTranslation("tally.key.nothing"));
		nothing.setVisible(false);
		nothing.getStyle().set("font-size", "var(--lumo-font-size-l)").set("color", "var(--lumo-secondary-text-color)");
		pages.getStyle().set("flex", "1 1 auto").set("min-width", "0");
		body = new HorizontalLayout(pages, right);
		body.setSizeFull();
		// A flex child may otherwise grow to its content (the page image) and push below the screen.
		body.getStyle().set("min-height", "0");
		add(header, nothing, body);
		expand(body);
	}

	private HorizontalLayout row(StampField f, String idPrefix, String nextId) {
		var field = new TextField();
		String id = FieldLabels.id(idPrefix, f);
		field.setId(id);
		field.addThemeVariants(TextFieldVariant.LUMO_SMALL, TextFieldVariant.LUMO_ALIGN_RIGHT);
		field.setWidth("4.5em");
		field.setAllowedCharPattern("[0-9]");
		field.setMaxLength(4);
		field.getElement().setAttribute("inputmode", "numeric");
		field.getElement().setAttribute("autocomplete", "off");
		String label = labelOf(f);
		field.setAriaLabel(label);
		// The browser moves on at once; the server hears the value with the same key press.
		EnterMovesOn.to(field, nextId);
		field.getElement().addEventListener("keydown", e -> keyed(f, e.getEventData().getString("element.value")))
				.setFilter("event.key === 'Enter'").addEventData("element.value");
		var name = new Span(label);
		name.setWidth("8.5em");
		name.getStyle().set("font-size", "var(--lumo-font-size-s)");
		var mark = new Span();
		mark.setWidth("3.5em");
		mark.setId(id + "-mark");
		mark.getStyle().set("font-size", "var(--lumo-font-size-s)").set("font-weight", "bold");
		fields.put(f, field);
		marks.put(f, mark);
		var row = new HorizontalLayout(name, field, mark);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		row.setSpacing(false);
		return row;
	}

	private String labelOf(StampField f) {
		return FieldLabels.of(this, f, properties);
	}

	@Override
	protected void onAttach(AttachEvent attachEvent) {
		super.onAttach(attachEvent);
		loadNext();
	}

	private void loadNext() {
		Optional<Sheet> next;
		try {
			next = keying.next(pass);
		} catch (DomainException e) {
			Notices.error(e);
			next = Optional.empty();
		}
		show(next.orElse(null));
	}

	private void show(Sheet s) {
		this.sheet = s;
		boolean any = s != null;
		nothing.setVisible(!any);
		body.setVisible(any);
		if (!any) {
			booklet.setText("");
			pages.show(0, null, getTranslation("tally.key.nothing"));
			skip.focus();
			return;
		}
		BookletSummary b = s.booklet();
		message.setText("");
		booklet.setText(getTranslation("tally.key.booklet", b.id(), b.managementNumber(), BusinessYear.labelOf(b.businessYear()),
				b.kind().label(), JapaneseDates.toWestern(b.receivedOn())));
		long id = b.id();
		pages.show(s.pages(), page -> scans.bookletPage(id, page, channel), getTranslation("tally.page.not-scanned"));
		for (StampField f : StampField.ALL) {
			TextField field = fields.get(f);
			Integer v = s.values().get(f);
			Outcome o = s.status().get(f);
			field.setInvalid(false);
			field.setValue(v == null || o == Outcome.REKEY ? "" : String.valueOf(v));
			mark(f, o);
		}
		focusFirstOpen();
	}

	private void focusFirstOpen() {
		Optional<StampField> open = sheet.firstOpen();
		if (open.isPresent()) {
			fields.get(open.get()).focus();
		} else {
			complete.focus();
		}
	}

	private void mark(StampField f, Outcome o) {
		TextField field = fields.get(f);
		Span mark = marks.get(f);
		boolean done = o == Outcome.MATCHED || o == Outcome.DISPUTED;
		field.setReadOnly(pass == Pass.VERIFY && done);
		mark.getElement().setAttribute("data-status", o == null ? "" : o.name());
		if (o == null) {
			mark.setText("");
			return;
		}
		switch (o) {
			case KEYED -> mark(mark, getTranslation("tally.key.mark.saved"), "var(--lumo-success-text-color)");
			case MATCHED -> mark(mark, getTranslation("tally.key.mark.matched"), "var(--lumo-success-text-color)");
			case REKEY -> mark(mark, getTranslation("tally.key.mark.rekey"), "var(--lumo-error-text-color)");
			case DISPUTED -> mark(mark, getTranslation("tally.key.mark.disputed"), "var(--lumo-warning-text-color, #b35c00)");
		}
	}

	private static void mark(Span mark, String text, String colour) {
		mark.setText(text);
		mark.getStyle().set("color", colour);
	}

	private void keyed(StampField f, String raw) {
		if (sheet == null) {
			return;
		}
		TextField field = fields.get(f);
		if (field.isReadOnly()) {
			return;
		}
		String text = raw == null ? "" : raw.strip();
		int value;
		try {
			value = text.isEmpty() ? 0 : Integer.parseInt(text);
		} catch (NumberFormatException e) {
			refuse(f, getTranslation("tally.key.digits"));
			return;
		}
		BookletKeying.FieldResult result;
		try {
			result = keying.key(sheet.booklet().id(), pass, f, value);
		} catch (DomainException e) {
			refuse(f, e.reason());
			return;
		}
		field.setInvalid(false);
		message.setText("");
		if (result.outcome() == Outcome.REKEY) {
			field.setValue("");
			message.setText(getTranslation("tally.key.mismatch.field", labelOf(f)));
			field.setInvalid(true);
			clearNextIfOpen(f);
			mark(f, Outcome.REKEY);
			field.focus();
			sheet.status().put(f, Outcome.REKEY);
			return;
		}
		field.setValue(String.valueOf(value));
		sheet.values().put(f, value);
		sheet.status().put(f, result.outcome());
		mark(f, result.outcome());
	}

	/** A verifier typing ahead must not leave half a value in the next field when pulled back. */
	private void clearNextIfOpen(StampField f) {
		int next = f.ordinal() + 1;
		if (next < StampField.ALL.size()) {
			StampField n = StampField.ALL.get(next);
			Outcome o = sheet.status().get(n);
			if (o == null || o == Outcome.REKEY) {
				fields.get(n).setValue("");
			}
		}
	}

	private void refuse(StampField f, String reason) {
		TextField field = fields.get(f);
		message.setText(labelOf(f) + ": " + reason);
		field.setInvalid(true);
		clearNextIfOpen(f);
		field.focus();
	}

	private void completePass() {
		if (sheet == null) {
			return;
		}
		long id = sheet.booklet().id();
		try {
			BookletSummary done = keying.complete(id, pass);
			Notices.success(pass == Pass.ENTRY ? getTranslation("tally.key.done.entry", id, done.state().label())
					: getTranslation("tally.key.done.verify", id, done.state().label()));
			loadNext();
		} catch (DomainException e) {
			Notices.error(e);
			focusFirstOpen();
		}
	}
}
