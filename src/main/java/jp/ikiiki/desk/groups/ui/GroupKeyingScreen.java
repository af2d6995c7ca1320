package jp.ikiiki.desk.groups.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import java.util.EnumMap;
import java.util.Map;
import jp.ikiiki.desk.groups.GroupField;
import jp.ikiiki.desk.groups.GroupForm;
import jp.ikiiki.desk.groups.GroupFormState;
import jp.ikiiki.desk.groups.GroupForms;
import jp.ikiiki.desk.keying.Outcome;
import jp.ikiiki.desk.platform.ui.EnterMovesOn;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.platform.ui.ScanViewer;
import jp.ikiiki.desk.shared.DomainException;

/**
 * The keying screen of one pass of a group's form (第10章2), keyboard only, as the tally's and the account forms': the
 * form's number, then its fields in order, the scanned form beside them (PageDown/PageUp). Enter moves on at once in
 * the browser and the server saves the field (entry) or compares it with the entry (verify: a first difference clears
 * the field to key again, a second goes to the floor manager; the entry's value is never shown). A doubt about the
 * handwriting is sent to the city with its reason (the form then waits).
 */
abstract class GroupKeyingScreen extends HorizontalLayout {

	private final GroupForms forms;
	private final boolean verify;
	private final String prefix;
	private final TextField number = new TextField();
	private final Span numberNote = new Span();
	private final Map<GroupField, TextField> fields = new EnumMap<>(GroupField.class);
	private final Map<GroupField, Span> notes = new EnumMap<>(GroupField.class);
	private final Map<GroupField, Outcome> status = new EnumMap<>(GroupField.class);
	private final Span message = new Span();
	private final Button complete = new Button();
	private final TextField queryReason = new TextField();
	private final Button query = new Button();
	private final ScanViewer viewer = new ScanViewer("groups", "groups.key.image", "form");
	private Long current;

	GroupKeyingScreen(GroupForms forms, boolean verify, String prefix, String titleKey) {
		this.forms = forms;
		this.verify = verify;
		this.prefix = prefix;
		setSizeFull();
		setPadding(true);
		var heading = new H2(getTranslation(titleKey));
		heading.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
		var help = new Span(getTranslation(verify ? "groups.key.help.verify" : "groups.key.help.entry"));
		help.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
		message.setId(prefix + "-message");
		message.getElement().setAttribute("role", "alert");
		message.getStyle().set("font-weight", "bold").set("color", "var(--lumo-error-text-color)").set("min-height", "1.5em");

		var grid = new Div();
		grid.setId(prefix + "-form");
		grid.getStyle().set("display", "grid").set("grid-template-columns", "8.5em minmax(0, 1fr) 5em")
				.set("column-gap", "var(--lumo-space-s)").set("row-gap", "2px").set("align-items", "center");
		number.setId(prefix + "-number");
		setUp(number, 12);
		number.setAllowedCharPattern("[0-9０-９]");
		numberNote.setId(prefix + "-number-note");
		numberNote.getStyle().set("font-size", "var(--lumo-font-size-s)");
		grid.add(label(getTranslation("groups.key.number")), number, numberNote);
		GroupField previous = null;
		for (GroupField f : GroupField.ALL) {
			var field = new TextField();
			field.setId(id(f));
			setUp(field, f == GroupField.WARD ? 3 : 200);
			field.setAriaLabel(f.label());
			if (f == GroupField.CATEGORY) {
				field.setPlaceholder(getTranslation("groups.key.category.placeholder"));
			} else if (f == GroupField.WARD) {
				field.setPlaceholder("101〜108");
			} else if (f == GroupField.ACTIVITY_CODES) {
				field.setPlaceholder(getTranslation("groups.key.codes.placeholder"));
			}
			var note = new Span();
			note.setId(id(f) + "-note");
			note.getStyle().set("font-size", "var(--lumo-font-size-s)").set("white-space", "nowrap");
			fields.put(f, field);
			notes.put(f, note);
			grid.add(label(getTranslation(f.labelKey())), field, note);
			field.getElement().addEventListener("keydown", e -> keyed(f, e.getEventData().getString("element.value")))
					.setFilter("event.key === 'Enter'").addEventData("element.value");
			if (previous != null) {
				EnterMovesOn.to(fields.get(previous), id(f));
			}
			previous = f;
		}
		complete.setText(getTranslation(verify ? "groups.key.complete.verify" : "groups.key.complete.entry"));
		complete.setId(prefix + "-complete");
		complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		complete.addClickListener(e -> completePass());
		EnterMovesOn.to(fields.get(GroupField.PUBLIC_CONTACT), prefix + "-complete");
		number.getElement().addEventListener("keydown", e -> opened(e.getEventData().getString("element.value")))
				.setFilter("event.key === 'Enter'").addEventData("element.value");

		queryReason.setId(prefix + "-query-reason");
		setUp(queryReason, 500);
		queryReason.setPlaceholder(getTranslation("groups.key.query.placeholder"));
		queryReason.setWidth("16em");
		query.setText(getTranslation("groups.key.query"));
		query.setId(prefix + "-query");
		query.addClickListener(e -> sendQuery());
		var actions = new HorizontalLayout(complete, queryReason, query);
		actions.setAlignItems(Alignment.BASELINE);

		var left = new VerticalLayout(heading, help, message, grid, actions);
		left.setPadding(false);
		left.setSpacing(false);
		// A fixed column: the help text wraps in it and the image gets the rest of the width.
		left.setWidth("34em");
		left.getStyle().set("gap", "var(--lumo-space-xs)").set("flex", "0 0 34em").set("overflow", "auto");
		viewer.getStyle().set("flex", "1 1 0").set("min-width", "0");
		add(left, viewer);
		setFieldsEnabled(false);
	}

	private static Span label(String text) {
		var s = new Span(text);
		s.getStyle().set("font-size", "var(--lumo-font-size-s)");
		return s;
	}

	private String id(GroupField f) {
		return prefix + "-" + f.apiName().replace('.', '-');
	}

	private static void setUp(TextField field, int max) {
		field.addThemeVariants(TextFieldVariant.LUMO_SMALL);
		field.setMaxLength(max);
		field.setWidthFull();
		field.getElement().setAttribute("autocomplete", "off");
	}

	@Override
	protected void onAttach(AttachEvent attachEvent) {
		super.onAttach(attachEvent);
		number.focus();
	}

	private void setFieldsEnabled(boolean on) {
		fields.values().forEach(f -> f.setEnabled(on));
		complete.setEnabled(on);
		query.setEnabled(on);
		queryReason.setEnabled(on);
	}

	private void opened(String raw) {
		clear();
		String digits = raw == null ? "" : java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).strip();
		if (!digits.matches("[0-9]{1,12}")) {
			refuseNumber(getTranslation("groups.key.number.invalid"));
			return;
		}
		long id = Long.parseLong(digits);
		GroupForms.Sheet sheet;
		try {
			sheet = forms.open(id, verify);
		} catch (DomainException e) {
			refuseNumber(e.reason());
			return;
		}
		current = id;
		GroupForm form = sheet.form();
		numberNote.setText(getTranslation("groups.key.number.note", getTranslation(Keys.FORM + form.form().name()),
				form.groupId() == null ? "" : getTranslation("groups.key.number.group", form.groupId()),
				form.state().label()));
		status.putAll(sheet.status());
		for (GroupField f : GroupField.ALL) {
			Outcome o = sheet.status().get(f);
			if (o != null && (!verify || o.isFinal())) {
				fields.get(f).setValue(sheet.values().getOrDefault(f, ""));
			}
			mark(f, o);
		}
		viewer.show(form.imagePages(), page -> forms.imagePage(id, page, "画面:届出書入力"));
		setFieldsEnabled(true);
		focusFirstOpen();
	}

	private void refuseNumber(String reason) {
		message.setText(getTranslation("groups.key.number") + ": " + reason);
		number.setInvalid(true);
		setFieldsEnabled(false);
		viewer.show(0, null);
		number.focus();
	}

	private void clear() {
		current = null;
		status.clear();
		message.setText("");
		numberNote.setText("");
		number.setInvalid(false);
		queryReason.setValue("");
		for (GroupField f : GroupField.ALL) {
			fields.get(f).setValue("");
			fields.get(f).setInvalid(false);
			fields.get(f).setReadOnly(false);
			notes.get(f).setText("");
		}
	}

	private void focusFirstOpen() {
		for (GroupField f : GroupField.ALL) {
			if (verify ? Outcome.open(status.get(f)) : status.get(f) == null) {
				fields.get(f).focus();
				return;
			}
		}
		complete.focus();
	}

	private void keyed(GroupField f, String raw) {
		if (current == null || fields.get(f).isReadOnly()) {
			return;
		}
		String text = raw == null ? "" : raw;
		Outcome o;
		try {
			o = forms.keyField(current, verify, f, text);
		} catch (DomainException e) {
			refuse(f, e.reason());
			return;
		}
		status.put(f, o);
		mark(f, o);
		if (o == Outcome.REKEY) {
			TextField field = fields.get(f);
			field.setValue("");
			field.setInvalid(true);
			message.setText(getTranslation("groups.key.mismatch", getTranslation(f.labelKey())));
			clearOpenAfter(f);
			field.focus();
			return;
		}
		fields.get(f).setInvalid(false);
		message.setText("");
	}

	private void clearOpenAfter(GroupField f) {
		for (GroupField n : GroupField.ALL) {
			if (n.ordinal() > f.ordinal() && (verify ? Outcome.open(status.get(n)) : status.get(n) == null)) {
				fields.get(n).setValue("");
			}
		}
	}

	private void mark(GroupField f, Outcome o) {
		Span note = notes.get(f);
		fields.get(f).setReadOnly(verify && o != null && o.isFinal());
		note.getElement().setAttribute("data-status", o == null ? "" : o.name());
		if (o == null) {
			note.setText("");
			return;
		}
		note.setText(getTranslation(Keys.MARK + o.name()));
		note.getStyle().set("color", switch (o) {
			case KEYED, MATCHED -> "var(--lumo-success-text-color)";
			case REKEY -> "var(--lumo-error-text-color)";
			case DISPUTED -> "var(--lumo-warning-text-color, #b35c00)";
		});
	}

	private void refuse(GroupField f, String reason) {
		TextField field = fields.get(f);
		message.setText(getTranslation(f.labelKey()) + ": " + reason);
		notes.get(f).getStyle().set("color", "var(--lumo-error-text-color)");
		notes.get(f).setText(getTranslation("groups.key.mark.refused"));
		field.setInvalid(true);
		clearOpenAfter(f);
		field.focus();
	}

	private void completePass() {
		if (current == null) {
			return;
		}
		long id = current;
		GroupForm done;
		try {
			done = forms.complete(id, verify);
		} catch (jp.ikiiki.desk.shared.InvalidInputException e) {
			GroupField f = GroupField.ofApiName(e.field()).orElse(null);
			if (f != null) {
				refuse(f, e.reason());
			} else {
				message.setText(e.reason());
			}
			return;
		} catch (DomainException e) {
			message.setText(e.reason());
			focusFirstOpen();
			return;
		}
		Notices.success(getTranslation(done.state() == GroupFormState.DISPUTED ? "groups.key.done.disputed"
				: verify ? "groups.key.done.verified" : "groups.key.done.entry", id, done.state().label()));
		reset();
	}

	private void sendQuery() {
		if (current == null) {
			return;
		}
		long id = current;
		try {
			forms.query(id, queryReason.getValue());
		} catch (DomainException e) {
			message.setText(e.reason());
			queryReason.focus();
			return;
		}
		Notices.success(getTranslation("groups.key.query.done", id));
		reset();
	}

	private void reset() {
		clear();
		number.setValue("");
		setFieldsEnabled(false);
		viewer.show(0, null);
		number.focus();
	}
}
