package jp.ikiiki.desk.payments.ui;

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
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.keying.Outcome;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.payments.AccountEntry;
import jp.ikiiki.desk.payments.AccountField;
import jp.ikiiki.desk.payments.AccountForm;
import jp.ikiiki.desk.payments.AccountFormState;
import jp.ikiiki.desk.payments.AccountForms;
import jp.ikiiki.desk.platform.ui.EnterMovesOn;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.platform.ui.ScanViewer;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.AddressNumber;

/**
 * The keying screen of one pass of a 口座登録用紙 (第8章5, 第10章3), keyboard only, as the tally's: the 宛名番号 from the
 * form's barcode, then (entry only) the 口座受付日, then the form's fields in order. Enter moves on at once in the
 * browser and the server checks the field: the bank's and branch's names from the bank master, the ゆうちょ 店番 and
 * 口座番号 derived from the 記号・番号, the holder's name in 全銀 characters are shown beside the field; a check that fails
 * pulls the keyer back with its reason. A blank 金融機関コード jumps to the ゆうちょ 記号 (a ゆうちょ form); the 口座番号
 * jumps to the holder's name (a bank form). The entry is saved whole at 「完了」 through {@link AccountForms#entry} (the
 * API's checks); the verify compares each field as it is keyed and stops at the first that differs (cleared, to key
 * again; a second difference goes to the floor manager). The form's scan (the form and the bankbook copy) is shown
 * beside the fields, PageDown/PageUp turning its pages, every page shown audited; what is wrong with a faulty form is
 * shown where the image is.
 */
abstract class AccountKeyingScreen extends HorizontalLayout {

	private static final List<AccountField> BANK = List.of(AccountField.BANK_CODE, AccountField.BRANCH_CODE,
			AccountField.ACCOUNT_TYPE, AccountField.ACCOUNT_NUMBER);
	private static final List<AccountField> YUCHO = List.of(AccountField.YUCHO_SYMBOL, AccountField.YUCHO_NUMBER);

	private final AccountForms forms;
	private final Pass pass;
	private final String prefix;
	private final TextField address = new TextField();
	private final TextField received = new TextField();
	private final Span addressNote = new Span();
	private final Map<AccountField, TextField> fields = new EnumMap<>(AccountField.class);
	private final Map<AccountField, Span> notes = new EnumMap<>(AccountField.class);
	private final Map<AccountField, Outcome> status = new EnumMap<>(AccountField.class);
	private final Span message = new Span();
	private final Button complete = new Button();
	private final ScanViewer viewer;
	private final Upload upload;
	private AccountForm lastFaulty;
	private String current;

	AccountKeyingScreen(AccountForms forms, Pass pass, String prefix, String titleKey) {
		this.forms = forms;
		this.pass = pass;
		this.prefix = prefix;
		this.viewer = new ScanViewer(prefix, "payments.key.image", "account-form");
		// Held in memory, not in a temporary file: a scan is personal data and must not linger on disk.
		this.upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> scanUploaded(metadata.fileName(), bytes)));
		setPadding(true);
		var heading = new H2(getTranslation(titleKey));
		heading.getStyle().set("margin", "0");
		var help = new Span(getTranslation(pass == Pass.ENTRY ? "payments.key.help.entry" : "payments.key.help.verify"));
		help.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
		message.setId(prefix + "-message");
		message.getElement().setAttribute("role", "alert");
		message.getStyle().set("font-weight", "bold").set("color", "var(--lumo-error-text-color)").set("min-height", "1.5em");

		var grid = new Div();
		grid.setId(prefix + "-form");
		grid.getStyle().set("display", "grid").set("grid-template-columns", "11em 16em auto")
				.set("column-gap", "var(--lumo-space-m)").set("row-gap", "var(--lumo-space-xs)").set("align-items", "center");
		address.setId(prefix + "-address");
		setUp(address, "[0-9０-９]", 15);
		addressNote.setId(prefix + "-address-note");
		grid.add(label(getTranslation("payments.key.address")), address, addressNote);
		if (pass == Pass.ENTRY) {
			received.setId(prefix + "-received");
			setUp(received, "[0-9０-９/\\-年月日元令和平成R H.]", 20);
			received.setPlaceholder(getTranslation("payments.key.received.placeholder"));
			// kept in step as typed: a scan dropped before Enter is received with the date on screen
			received.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
			grid.add(label(getTranslation("payments.key.received")), received,
					label(getTranslation("payments.key.received.help")));
		}
		for (AccountField f : AccountField.ALL) {
			var field = new TextField();
			field.setId(id(f));
			setUp(field, f == AccountField.HOLDER || f == AccountField.ACCOUNT_TYPE ? null : "[0-9０-９\\-]",
					f == AccountField.HOLDER ? 40 : 10);
			field.setAriaLabel(f.label());
			var note = new Span();
			note.setId(id(f) + "-note");
			note.getStyle().set("font-size", "var(--lumo-font-size-s)");
			fields.put(f, field);
			notes.put(f, note);
			grid.add(label(labelOf(f)), field, note);
			field.getElement().addEventListener("keydown", e -> keyed(f, e.getEventData().getString("element.value")))
					.setFilter("event.key === 'Enter'").addEventData("element.value");
		}
		fields.get(AccountField.HOLDER).setWidth("16em");
		complete.setText(getTranslation("payments.key.complete"));
		complete.setId(prefix + "-complete");
		complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		complete.addClickListener(e -> completePass());
		complete.setEnabled(false);

		// Keyboard order: Enter moves on at once in the browser (typing ahead never lands in the wrong field).
		String first = pass == Pass.ENTRY ? received.getId().orElseThrow() : id(AccountField.BANK_CODE);
		EnterMovesOn.to(address, first, null);
		address.getElement().addEventListener("keydown", e -> addressKeyed(e.getEventData().getString("element.value")))
				.setFilter("event.key === 'Enter'").addEventData("element.value");
		if (pass == Pass.ENTRY) {
			EnterMovesOn.to(received, id(AccountField.BANK_CODE), null);
		}
		EnterMovesOn.to(fields.get(AccountField.BANK_CODE), id(AccountField.BRANCH_CODE), id(AccountField.YUCHO_SYMBOL));
		EnterMovesOn.to(fields.get(AccountField.BRANCH_CODE), id(AccountField.ACCOUNT_TYPE), null);
		EnterMovesOn.to(fields.get(AccountField.ACCOUNT_TYPE), id(AccountField.ACCOUNT_NUMBER), null);
		EnterMovesOn.to(fields.get(AccountField.ACCOUNT_NUMBER), id(AccountField.HOLDER), null);
		EnterMovesOn.to(fields.get(AccountField.YUCHO_SYMBOL), id(AccountField.YUCHO_NUMBER), null);
		EnterMovesOn.to(fields.get(AccountField.YUCHO_NUMBER), id(AccountField.HOLDER), null);
		EnterMovesOn.to(fields.get(AccountField.HOLDER), complete.getId().orElseThrow(), null);

		fields.get(AccountField.ACCOUNT_TYPE).setPlaceholder(getTranslation("payments.key.types"));
		fields.get(AccountField.ACCOUNT_TYPE).setWidth("16em");
		upload.setId(prefix + "-upload");
		upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", "application/pdf", "image/png",
				"image/jpeg", "image/tiff");
		upload.setMaxFiles(1);
		upload.setUploadButton(new Button(getTranslation("payments.key.image.upload")));
		upload.setDropLabel(new Span(getTranslation("payments.key.image.upload.drop")));
		upload.setVisible(pass == Pass.ENTRY);
		var left = new VerticalLayout(heading, help, message, grid, complete, upload);
		left.setPadding(false);
		left.setSpacing(false);
		// A fixed column: the help text wraps in it and the image gets the rest of the width.
		left.setWidth("36em");
		left.getStyle().set("gap", "var(--lumo-space-xs)").set("flex", "0 0 36em").set("overflow", "auto");
		viewer.getStyle().set("flex", "1 1 0").set("min-width", "0");
		setSizeFull();
		add(left, viewer);
		setFieldsEnabled(false);
	}

	private static Span label(String text) {
		var s = new Span(text);
		s.getStyle().set("font-size", "var(--lumo-font-size-s)");
		return s;
	}

	private String labelOf(AccountField f) {
		return getTranslation(Labels.FIELD + f.apiName());
	}

	private String id(AccountField f) {
		return prefix + "-" + f.apiName();
	}

	private static void setUp(TextField field, String allowed, int max) {
		field.addThemeVariants(TextFieldVariant.LUMO_SMALL);
		if (allowed != null) {
			field.setAllowedCharPattern(allowed);
		}
		field.setMaxLength(max);
		field.getElement().setAttribute("autocomplete", "off");
	}

	@Override
	protected void onAttach(AttachEvent attachEvent) {
		super.onAttach(attachEvent);
		address.focus();
	}

	private void setFieldsEnabled(boolean on) {
		upload.setEnabled(on);
		fields.values().forEach(f -> f.setEnabled(on));
		received.setEnabled(on);
		complete.setEnabled(on);
	}

	private void addressKeyed(String raw) {
		clear();
		AddressNumber number = AddressNumber.tryParse(raw).orElse(null);
		if (number == null) {
			refuseAddress(getTranslation("payments.key.address.invalid"));
			return;
		}
		boolean dateFixed = false;
		try {
			if (pass == Pass.ENTRY) {
				List<AccountForm> list = forms.forms(number.value());
				AccountForm open = list.stream().filter(f -> f.state().open()).findFirst().orElse(null);
				AccountForm faulty = list.stream().filter(f -> f.state() == AccountFormState.FAULTY).findFirst().orElse(null);
				lastFaulty = faulty;
				showImage(open, faulty);
				if (open != null && open.state() != AccountFormState.RECEIVED && open.state() != AccountFormState.ENTERING) {
					refuseAddress(getTranslation("payments.key.address.entered", open.state().label()));
					return;
				}
				addressNote.setText(open == null ? getTranslation("payments.key.address.new")
						: getTranslation("payments.key.address.open", JapaneseDates.toWestern(open.receivedOn())));
				if (open != null) {
					received.setValue(JapaneseDates.toWestern(open.receivedOn()));
					dateFixed = true;
				}
			} else {
				AccountForms.VerifySheet sheet = forms.openVerify(number.value());
				showImage(sheet.form(), null);
				addressNote.setText(getTranslation("payments.key.address.verify",
						JapaneseDates.toWestern(sheet.form().receivedOn()), sheet.form().state().label()));
				status.putAll(sheet.status());
				for (AccountField f : AccountField.ALL) {
					Outcome o = sheet.status().get(f);
					if (o != null && o.isFinal()) {
						fields.get(f).setValue(sheet.values().getOrDefault(f, ""));
					}
					mark(f, o);
				}
			}
		} catch (DomainException e) {
			refuseAddress(e.reason());
			return;
		}
		current = number.value();
		address.setValue(current);
		setFieldsEnabled(true);
		// a form received already keeps its 口座受付日: shown, not keyed again
		received.setEnabled(pass == Pass.ENTRY && !dateFixed);
		if (pass == Pass.ENTRY && received.isEnabled()) {
			received.focus();
		} else {
			focusFirstOpen();
		}
	}

	/**
	 * The open form's scan beside the fields; with what was wrong with the person's last faulty form above it (the
	 * keyer checks that the new form is not faulty the same way).
	 */
	private void showImage(AccountForm open, AccountForm faulty) {
		List<String> faults = faulty == null ? List.of()
				: faulty.faultyReasons().stream().map(r -> getTranslation("payments.key.image.faulty.item",
						JapaneseDates.toWestern(faulty.faultyOn() == null ? faulty.receivedOn() : faulty.faultyOn()), r))
						.toList();
		if (open == null || open.imagePages() == 0) {
			viewer.show(0, null, getTranslation("payments.key.image.faulty"), faults);
			return;
		}
		long id = open.id();
		String channel = getTranslation(pass == Pass.ENTRY ? "payments.key.image.channel.entry"
				: "payments.key.image.channel.verify");
		viewer.show(open.imagePages(), page -> forms.imagePage(id, page, channel), getTranslation("payments.key.image.faulty"),
				faults);
	}

	/**
	 * The scan of the form being keyed, uploaded here: the form is received (with the 口座受付日 keyed, or today) if it is
	 * not yet, the file checked and kept, and shown beside the fields.
	 */
	private void scanUploaded(String fileName, byte[] bytes) {
		upload.clearFileList();
		if (current == null) {
			Notices.info(getTranslation("payments.key.image.upload.first"));
			return;
		}
		try {
			LocalDate on = received.isEnabled() && !received.getValue().isBlank()
					? JapaneseDates.parseInput(getTranslation("payments.key.received"), received.getValue()) : null;
			AccountForm form = forms.receive(current, on);
			form = forms.attachImage(form.id(), fileName, new ByteArrayInputStream(bytes));
			received.setValue(JapaneseDates.toWestern(form.receivedOn()));
			received.setEnabled(false);
			showImage(form, lastFaulty);
			Notices.success(getTranslation("payments.key.image.upload.done", form.imagePages()));
		} catch (DomainException e) {
			Notices.error(e);
		}
	}

	private void refuseAddress(String reason) {
		message.setText(getTranslation("payments.key.address") + ": " + reason);
		address.setInvalid(true);
		setFieldsEnabled(false);
		address.focus();
	}

	private void clear() {
		current = null;
		lastFaulty = null;
		viewer.show(0, null);
		status.clear();
		message.setText("");
		addressNote.setText("");
		address.setInvalid(false);
		received.setValue("");
		received.setInvalid(false);
		for (AccountField f : AccountField.ALL) {
			fields.get(f).setValue("");
			fields.get(f).setInvalid(false);
			fields.get(f).setReadOnly(false);
			notes.get(f).setText("");
		}
	}

	private void focusFirstOpen() {
		for (AccountField f : AccountField.ALL) {
			if (Outcome.open(status.get(f)) && !(isYuchoForm() && BANK.contains(f))) {
				fields.get(f).focus();
				return;
			}
		}
		complete.focus();
	}

	private boolean isYuchoForm() {
		return status.get(AccountField.BANK_CODE) != null && fields.get(AccountField.BANK_CODE).getValue().isBlank();
	}

	private void keyed(AccountField f, String raw) {
		if (current == null) {
			return;
		}
		String text = raw == null ? "" : raw.strip();
		fields.get(f).setValue(text);
		if (pass == Pass.ENTRY) {
			checkEntry(f, text);
		} else {
			verify(f, text);
		}
	}

	// --- entry --------------------------------------------------------------------------------------------------------

	private void checkEntry(AccountField f, String text) {
		if (f == AccountField.BANK_CODE && text.isEmpty()) {
			for (AccountField b : BANK) {
				fields.get(b).setValue("");
				notes.get(b).setText("");
			}
			notes.get(f).setText(getTranslation("payments.key.yucho"));
			return;
		}
		if (f == AccountField.ACCOUNT_NUMBER) {
			YUCHO.forEach(y -> {
				fields.get(y).setValue("");
				notes.get(y).setText("");
			});
		}
		try {
			String shown = forms.check(f, entryOf());
			fields.get(f).setInvalid(false);
			message.setText("");
			notes.get(f).getStyle().set("color", "var(--lumo-success-text-color)");
			notes.get(f).setText(shown);
		} catch (DomainException e) {
			refuse(f, e.reason());
		}
	}

	private AccountEntry entryOf() {
		Map<AccountField, String> v = new EnumMap<>(AccountField.class);
		fields.forEach((f, t) -> v.put(f, t.getValue() == null || t.getValue().isBlank() ? null : t.getValue().strip()));
		return new AccountEntry(v.get(AccountField.BANK_CODE), v.get(AccountField.BRANCH_CODE),
				v.get(AccountField.ACCOUNT_TYPE), v.get(AccountField.ACCOUNT_NUMBER), v.get(AccountField.YUCHO_SYMBOL),
				v.get(AccountField.YUCHO_NUMBER), v.get(AccountField.HOLDER));
	}

	// --- verify -------------------------------------------------------------------------------------------------------

	private void verify(AccountField f, String text) {
		if (fields.get(f).isReadOnly()) {
			return;
		}
		// A blank 金融機関コード is a ゆうちょ form: the bank fields are keyed blank; a 口座番号 ends a bank form: the
		// ゆうちょ fields are keyed blank. Either is compared with the entry like any field.
		List<AccountField> keyed = f == AccountField.BANK_CODE && text.isEmpty() ? BANK
				: f == AccountField.ACCOUNT_NUMBER ? List.of(AccountField.ACCOUNT_NUMBER, AccountField.YUCHO_SYMBOL,
						AccountField.YUCHO_NUMBER) : List.of(f);
		for (AccountField k : keyed) {
			if (status.get(k) != null && status.get(k).isFinal()) {
				continue;
			}
			String value = k == f ? text : "";
			Outcome o;
			try {
				o = forms.verifyField(current, k, value);
			} catch (DomainException e) {
				refuse(k, e.reason());
				return;
			}
			status.put(k, o);
			mark(k, o);
			if (o == Outcome.REKEY) {
				TextField field = fields.get(k);
				field.setValue("");
				field.setInvalid(true);
				message.setText(getTranslation("payments.key.mismatch", labelOf(k)));
				clearOpenAfter(k);
				field.focus();
				return;
			}
			fields.get(k).setInvalid(false);
		}
		message.setText("");
		if (f == AccountField.BRANCH_CODE || f == AccountField.YUCHO_NUMBER || f == AccountField.BANK_CODE && !text.isEmpty()) {
			try {
				notes.get(f).setText(notes.get(f).getText() + "　" + forms.check(f, entryOf()));
			} catch (DomainException e) {
				// Shown only as help; the comparison with the entry is what counts in the verify.
			}
		}
	}

	/** A verifier typing ahead must not leave half a value in the fields after the one pulled back. */
	private void clearOpenAfter(AccountField f) {
		for (AccountField n : AccountField.ALL) {
			if (n.ordinal() > f.ordinal() && Outcome.open(status.get(n))) {
				fields.get(n).setValue("");
			}
		}
	}

	private void mark(AccountField f, Outcome o) {
		Span note = notes.get(f);
		fields.get(f).setReadOnly(pass == Pass.VERIFY && o != null && o.isFinal());
		note.getElement().setAttribute("data-status", o == null ? "" : o.name());
		if (o == null) {
			note.setText("");
			return;
		}
		switch (o) {
			case KEYED, MATCHED -> mark(note, getTranslation(Labels.MARK + o.name().toLowerCase()), "var(--lumo-success-text-color)");
			case REKEY -> mark(note, getTranslation("payments.key.mark.rekey"), "var(--lumo-error-text-color)");
			case DISPUTED -> mark(note, getTranslation("payments.key.mark.disputed"), "var(--lumo-warning-text-color, #b35c00)");
		}
	}

	private static void mark(Span note, String text, String colour) {
		note.setText(text);
		note.getStyle().set("color", colour);
	}

	private void refuse(AccountField f, String reason) {
		TextField field = fields.get(f);
		message.setText(labelOf(f) + ": " + reason);
		notes.get(f).getStyle().set("color", "var(--lumo-error-text-color)");
		notes.get(f).setText(reason);
		field.setInvalid(true);
		clearOpenAfter(f);
		field.focus();
	}

	private AccountField fieldOf(String apiName) {
		return AccountField.ALL.stream().filter(f -> f.apiName().equals(apiName)).findFirst().orElse(null);
	}

	private void completePass() {
		if (current == null) {
			return;
		}
		try {
			AccountForm done;
			if (pass == Pass.ENTRY) {
				LocalDate on = received.isEnabled()
						? JapaneseDates.parseInput(getTranslation("payments.key.received"), received.getValue()) : null;
				done = forms.entry(current, entryOf(), on);
				Notices.success(getTranslation("payments.key.done.entry", current, done.state().label()));
			} else {
				done = forms.completeVerify(current);
				Notices.success(getTranslation(done.state() == AccountFormState.VERIFIED ? "payments.key.done.verified"
						: "payments.key.done.disputed", current));
			}
		} catch (InvalidInputException e) {
			AccountField f = fieldOf(e.field());
			if (f != null) {
				refuse(f, e.reason());
			} else {
				message.setText(e.reason());
				(pass == Pass.ENTRY && received.isEnabled() ? received : address).focus();
			}
			return;
		} catch (DomainException e) {
			message.setText(e.reason());
			focusFirstOpen();
			return;
		}
		clear();
		address.setValue("");
		setFieldsEnabled(false);
		address.focus();
	}
}
