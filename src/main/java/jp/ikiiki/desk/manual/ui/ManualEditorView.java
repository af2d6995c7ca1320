package jp.ikiiki.desk.manual.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import jp.ikiiki.desk.manual.ManualEditing;
import jp.ikiiki.desk.manual.ManualEditing.CityAgreement;
import jp.ikiiki.desk.manual.ManualEditing.EntryOverview;
import jp.ikiiki.desk.manual.ManualEditing.ManualDraft;
import jp.ikiiki.desk.manual.ManualEditing.ManualVersion;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * The floor managers' editor (第6章1(2)): the entries with their version in force and pending drafts; an entry's
 * version history (who, when, why, the city's agreement); saving writes a new version, in force at once when the
 * city's agreement (date and who) is filled in, else a draft that comes into force when the agreement is recorded.
 */
@Route("manual/edit")
@PageTitle("応答マニュアル編集 | いきいきデスク")
@Menu(order = 21, title = "応答マニュアル編集")
@RolesAllowed(Roles.FLOOR_MANAGER)
class ManualEditorView extends VerticalLayout {

	static final String CHANNEL = "画面:応答マニュアル編集";

	private final ManualEditing editing;
	private final Grid<EntryOverview> entries = new Grid<>(EntryOverview.class, false);
	private final Grid<ManualVersion> history = new Grid<>(ManualVersion.class, false);
	private final TextField category = new TextField("問合せ区分");
	private final TextArea question = new TextArea("質問");
	private final TextArea answer = new TextArea("回答");
	private final TextField keywords = new TextField("検索語（よみがな等）");
	private final TextField note = new TextField("変更理由");
	private final DatePicker agreedOn = new DatePicker("市合意日");
	private final TextField agreedBy = new TextField("市の合意者（所属・氏名）");
	private final Span editingLabel = new Span();
	private EntryOverview current;

	ManualEditorView(ManualEditing editing) {
		this.editing = editing;
		setSizeFull();
		add(new H2("応答マニュアル編集"));

		entries.setId("manual-entries");
		entries.addColumn(EntryOverview::entryId).setHeader("No.").setAutoWidth(true).setFlexGrow(0);
		entries.addColumn(EntryOverview::category).setHeader("問合せ区分").setAutoWidth(true);
		entries.addColumn(EntryOverview::question).setHeader("質問").setFlexGrow(1);
		entries.addColumn(e -> e.inForceVersion() == null ? "なし" : "版" + e.inForceVersion()).setHeader("適用中")
				.setAutoWidth(true).setFlexGrow(0);
		entries.addColumn(e -> e.draftPending() ? "版" + e.newestVersion() + " 市合意待ち" : "").setHeader("下書き")
				.setAutoWidth(true).setFlexGrow(0);
		entries.addColumn(EntryOverview::reads).setHeader("参照数").setAutoWidth(true).setFlexGrow(0);
		entries.addSelectionListener(e -> select(e.getFirstSelectedItem().orElse(null)));
		entries.setHeight("16em");

		category.setId("manual-category");
		question.setId("manual-question");
		answer.setId("manual-answer");
		answer.setMinHeight("8em");
		keywords.setId("manual-keywords");
		note.setId("manual-note");
		agreedOn.setId("manual-agreed-on");
		agreedBy.setId("manual-agreed-by");
		editingLabel.setId("manual-editing");
		FormLayout form = new FormLayout(category, keywords, question, answer, note, agreedOn, agreedBy);
		form.setColspan(question, 2);
		form.setColspan(answer, 2);
		form.setColspan(note, 2);
		Button save = new Button("新しい版として保存", e -> save());
		save.setId("manual-save");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button newEntry = new Button("新規項目", e -> {
			entries.deselectAll();
			select(null);
		});
		newEntry.setId("manual-new");
		Button agree = new Button("最新の版に市合意を記録して適用", e -> agree());
		agree.setId("manual-agree");
		VerticalLayout editor = new VerticalLayout(new H3("編集"), editingLabel, form, new HorizontalLayout(save, agree, newEntry));
		editor.setPadding(false);

		history.setId("manual-history");
		history.addColumn(v -> "版" + v.version()).setHeader("版").setAutoWidth(true).setFlexGrow(0);
		history.addColumn(v -> v.state().label()).setHeader("状態").setAutoWidth(true).setFlexGrow(0);
		history.addColumn(v -> JapaneseDates.toWesternDateTime(v.editedAt()) + " " + v.editedBy()).setHeader("編集").setAutoWidth(true);
		history.addColumn(v -> v.agreedOn() == null ? "" : JapaneseDates.toWestern(v.agreedOn()) + " " + v.agreedBy()
				+ "（記録 " + v.agreementRecordedBy() + "）").setHeader("市合意").setAutoWidth(true);
		history.addColumn(ManualVersion::note).setHeader("変更理由").setFlexGrow(1);
		history.addColumn(ManualVersion::answer).setHeader("回答").setFlexGrow(1);
		history.setHeight("14em");

		add(entries, editor, new H3("版の履歴"), history);
		refresh();
		select(null);
	}

	private void refresh() {
		entries.setItems(editing.entries());
	}

	private void select(EntryOverview entry) {
		current = entry;
		agreedOn.clear();
		agreedBy.clear();
		note.clear();
		if (entry == null) {
			editingLabel.setText("新規項目（版1）");
			category.clear();
			question.clear();
			answer.clear();
			keywords.clear();
			history.setItems(List.of());
			return;
		}
		List<ManualVersion> versions = editing.history(entry.entryId());
		ManualVersion newest = versions.get(0);
		editingLabel.setText("No." + entry.entryId() + " 版" + newest.version() + "（" + newest.state().label() + "）を元に編集");
		category.setValue(newest.category() == null ? "" : newest.category());
		question.setValue(newest.question());
		answer.setValue(newest.answer());
		keywords.setValue(newest.keywords() == null ? "" : newest.keywords());
		history.setItems(versions);
	}

	private CityAgreement agreement() {
		if (agreedOn.getValue() == null && agreedBy.getValue().isBlank()) {
			return null;
		}
		return new CityAgreement(agreedOn.getValue(), agreedBy.getValue());
	}

	private void save() {
		var draft = new ManualDraft(category.getValue(), question.getValue(), answer.getValue(), keywords.getValue(),
				note.getValue());
		try {
			ManualVersion saved = current == null ? editing.create(draft, agreement(), CHANNEL)
					: editing.edit(current.entryId(), current.newestVersion(), draft, agreement(), CHANNEL);
			done("No." + saved.entryId() + " 版" + saved.version() + " を保存しました（" + saved.state().label() + "）",
					saved.entryId());
		} catch (IllegalArgumentException | IllegalStateException ex) {
			error(ex.getMessage());
		}
	}

	private void agree() {
		if (current == null) {
			error("項目を選択してください");
			return;
		}
		CityAgreement agreement = agreement();
		if (agreement == null) {
			error("市合意日と市の合意者を入力してください");
			return;
		}
		try {
			ManualVersion v = editing.recordAgreement(current.entryId(), current.newestVersion(), agreement, CHANNEL);
			done("No." + v.entryId() + " 版" + v.version() + " を適用しました", v.entryId());
		} catch (IllegalArgumentException | IllegalStateException ex) {
			error(ex.getMessage());
		}
	}

	private void done(String message, long entryId) {
		Notification.show(message, 4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		refresh();
		editing.entries().stream().filter(e -> e.entryId() == entryId).findFirst().ifPresent(e -> {
			entries.select(e);
			select(e);
		});
	}

	private static void error(String message) {
		Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
	}
}
