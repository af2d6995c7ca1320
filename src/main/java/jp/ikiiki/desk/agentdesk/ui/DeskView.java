package jp.ikiiki.desk.agentdesk.ui;

import jp.ikiiki.desk.shared.JapanTime;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import jp.ikiiki.desk.agentdesk.AgentDesk;
import jp.ikiiki.desk.agentdesk.CallLogDraft;
import jp.ikiiki.desk.agentdesk.CallLogEntry;
import jp.ikiiki.desk.agentdesk.CallerKind;
import jp.ikiiki.desk.agentdesk.DeskBinding;
import jp.ikiiki.desk.agentdesk.DeskMember;
import jp.ikiiki.desk.agentdesk.EarlierCall;
import jp.ikiiki.desk.agentdesk.InquiryCategories;
import jp.ikiiki.desk.agentdesk.InquiryCategory;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.agentdesk.ScreenPop;
import jp.ikiiki.desk.manual.AnswerManual.ManualEntry;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.SubjectSummary;

/**
 * 受付デスク (issue 4 point 1): the agent binds to their phone; when a queue call connects to it the call pops
 * here (pushed, no reload): caller number, wait, earlier calls from the number, the look-up ready. The agent links
 * the subject or says who called, picks the category, notes, records the manual entry used and closes the call.
 * Elements carry ids ({@code desk-...}) for the browser tests.
 */
@Route("desk")
@PageTitle("受付デスク | いきいきデスク")
@Menu(title = "受付デスク", order = 5)
@RolesAllowed({ Roles.AGENT, Roles.FLOOR_MANAGER })
class DeskView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(JapanTime.ZONE);

	private final AgentDesk desk;
	private final InquiryCategories categories;

	private final Select<DeskMember> memberSelect = new Select<>();
	private final Span bindingLabel = new Span();
	private final Div pop = new Div();
	private final Span popNumber = new Span();
	private final Span popWait = new Span();
	private final Span popState = new Span();
	private final Grid<EarlierCall> earlier = new Grid<>(EarlierCall.class, false);
	private final TextField subjectSearch = new TextField();
	private final Grid<SubjectSummary> subjectGrid = new Grid<>(SubjectSummary.class, false);
	private final Span subjectLinked = new Span();
	private final Select<CallerKind> callerKind = new Select<>();
	/** The caller's number for an entry made without telephony (walk-in, a call during a gap); may stay empty. */
	private final TextField manualNumber = new TextField();
	private final ComboBox<InquiryCategory> category = new ComboBox<>();
	private final TextField manualSearch = new TextField();
	private final ComboBox<ManualEntry> manualEntry = new ComboBox<>();
	private final Div manualAnswer = new Div();
	private final TextArea note = new TextArea();
	private final RadioButtonGroup<Outcome> outcome = new RadioButtonGroup<>();
	private final Grid<CallLogEntry> openGrid = new Grid<>(CallLogEntry.class, false);

	private CallLogEntry current;
	private String subjectId;
	private Runnable unsubscribe;

	DeskView(AgentDesk desk, InquiryCategories categories) {
		this.desk = desk;
		this.categories = categories;
		setWidthFull();
		add(new H2("受付デスク"));
		add(bindingBar());
		add(popPanel());
		add(logForm());
		add(openList());
		refreshBinding();
		refreshOpen();
		showEntry(null, List.of());
	}

	// ------------------------------------------------------------------ layout

	private HorizontalLayout bindingBar() {
		memberSelect.setId("desk-member-select");
		memberSelect.setLabel("使用する電話");
		memberSelect.setItemLabelGenerator(m -> m.name() + "（" + m.memberInterface() + "）"
				+ (m.boundTo() == null ? "" : " 使用中: " + m.boundTo()));
		memberSelect.setWidth("28em");
		var bind = new Button("この電話で受け付ける", e -> bind());
		bind.setId("desk-bind");
		bind.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		var release = new Button("電話の接続を解除", e -> {
			desk.release();
			refreshBinding();
		});
		release.setId("desk-release");
		manualNumber.setId("desk-manual-number");
		manualNumber.setPlaceholder("相手の電話番号（任意）");
		manualNumber.setWidth("14em");
		manualNumber.setMaxLength(21);
		var manual = new Button("手動で記録（電話システム外）", e -> startManual());
		manual.setId("desk-manual-start");
		bindingLabel.setId("desk-binding");
		var bar = new HorizontalLayout(memberSelect, bind, release, bindingLabel, manualNumber, manual);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		bar.setWidthFull();
		bar.getStyle().set("flex-wrap", "wrap");
		return bar;
	}

	private Div popPanel() {
		pop.setId("desk-pop");
		pop.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
				.set("padding", "var(--lumo-space-m)").set("width", "100%").set("box-sizing", "border-box");
		popNumber.setId("desk-pop-number");
		popNumber.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "bold");
		popWait.setId("desk-pop-wait");
		popState.setId("desk-pop-state");
		popState.getElement().getThemeList().add("badge");
		var head = new HorizontalLayout(popState, popNumber, popWait);
		head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		earlier.setId("desk-earlier");
		earlier.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		earlier.addColumn(c -> JapaneseDates.toWesternDateTime(c.at())).setHeader("日時").setAutoWidth(true);
		earlier.addColumn(EarlierCall::result).setHeader("結果").setAutoWidth(true);
		earlier.addColumn(c -> c.category() == null ? "" : c.category()).setHeader("問合せ区分").setAutoWidth(true);
		earlier.addColumn(EarlierCall::note).setHeader("メモ").setFlexGrow(1);
		earlier.addColumn(c -> c.agent() == null ? "" : c.agent()).setHeader("担当").setAutoWidth(true);
		earlier.setAllRowsVisible(true);
		pop.add(head, new H3("この番号からの過去の通話"), earlier);
		return pop;
	}

	private VerticalLayout logForm() {
		subjectSearch.setId("desk-subject-search");
		subjectSearch.setLabel("対象者検索（カナ氏名・宛名番号・生年月日など）");
		subjectSearch.setWidth("28em");
		subjectSearch.addKeyPressListener(Key.ENTER, e -> searchSubjects());
		var searchButton = new Button("検索", e -> searchSubjects());
		searchButton.setId("desk-subject-search-button");
		var searchBar = new HorizontalLayout(subjectSearch, searchButton);
		searchBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

		subjectGrid.setId("desk-subjects");
		subjectGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
		subjectGrid.addColumn(SubjectSummary::addressNumber).setHeader("宛名番号").setAutoWidth(true);
		subjectGrid.addColumn(SubjectSummary::nameKana).setHeader("氏名カナ").setAutoWidth(true);
		subjectGrid.addColumn(SubjectSummary::nameKanji).setHeader("氏名").setAutoWidth(true);
		subjectGrid.addColumn(s -> JapaneseDates.toWestern(s.birthDate()) + "（" + JapaneseDates.toEraKanji(s.birthDate()) + "）").setHeader("生年月日").setAutoWidth(true);
		subjectGrid.addColumn(SubjectSummary::address).setHeader("住所").setFlexGrow(1);
		subjectGrid.addComponentColumn(s -> {
			var link = new Button("紐付ける", e -> linkSubject(s));
			link.setId("desk-link-" + s.addressNumber());
			link.addThemeVariants(ButtonVariant.LUMO_SMALL);
			return link;
		}).setHeader("").setAutoWidth(true);
		subjectGrid.setAllRowsVisible(true);
		subjectGrid.setVisible(false);

		subjectLinked.setId("desk-subject-linked");
		var unlink = new Button("紐付けを外す", e -> linkSubject(null));
		unlink.setId("desk-subject-unlink");
		callerKind.setId("desk-caller-kind");
		callerKind.setLabel("相手方");
		callerKind.setItemLabelGenerator(k -> k == null ? "（未選択）" : k.label());
		callerKind.setItems(CallerKind.values());
		callerKind.setEmptySelectionAllowed(true);
		callerKind.setEmptySelectionCaption("（未選択）");
		var linkedBar = new HorizontalLayout(new Span("対象者:"), subjectLinked, unlink, callerKind);
		linkedBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

		category.setId("desk-category");
		category.setLabel("問合せ区分");
		category.setWidth("28em");
		category.setItemLabelGenerator(InquiryCategory::fullName);
		category.setItems(categories.selectable());

		manualSearch.setId("desk-manual-search");
		manualSearch.setLabel("回答マニュアル検索");
		manualSearch.addValueChangeListener(e -> searchManual());
		manualEntry.setId("desk-manual-entry");
		manualEntry.setLabel("使用したマニュアル項目");
		manualEntry.setWidth("28em");
		manualEntry.setItemLabelGenerator(m -> m.question() + "（第" + m.version() + "版）");
		manualEntry.addValueChangeListener(e -> manualAnswer.setText(e.getValue() == null ? "" : e.getValue().answer()));
		manualAnswer.setId("desk-manual-answer");
		manualAnswer.getStyle().set("white-space", "pre-wrap").set("color", "var(--lumo-secondary-text-color)");
		var manualBar = new HorizontalLayout(manualSearch, manualEntry);
		manualBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

		note.setId("desk-note");
		note.setLabel("メモ（聞き取った内容・回答）");
		note.setWidthFull();
		note.setMinHeight("6em");

		outcome.setId("desk-outcome");
		outcome.setLabel("結果");
		outcome.setItems(Outcome.values());
		outcome.setItemLabelGenerator(Outcome::label);
		var save = new Button("保存", e -> save());
		save.setId("desk-save");
		var close = new Button("完了", e -> close());
		close.setId("desk-close");
		close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		var closeBar = new HorizontalLayout(outcome, save, close);
		closeBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

		var form = new VerticalLayout(searchBar, subjectGrid, linkedBar, category, manualBar, manualAnswer, note, closeBar);
		form.setId("desk-form");
		form.setPadding(false);
		form.setWidthFull();
		return form;
	}

	private VerticalLayout openList() {
		openGrid.setId("desk-open-entries");
		openGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
		openGrid.addColumn(e -> TIME.format(e.startedAt())).setHeader("開始").setAutoWidth(true);
		openGrid.addColumn(e -> e.manual() ? "手動記録" : "電話").setHeader("種別").setAutoWidth(true);
		openGrid.addColumn(e -> e.callerNumber() == null ? "（番号なし）" : e.callerNumber()).setHeader("電話番号").setAutoWidth(true);
		openGrid.addColumn(e -> e.category() == null ? "" : e.category().fullName()).setHeader("問合せ区分").setFlexGrow(1);
		openGrid.setAllRowsVisible(true);
		openGrid.addItemClickListener(e -> open(e.getItem().id()));
		var list = new VerticalLayout(new H3("未完了の通話記録"), openGrid);
		list.setPadding(false);
		return list;
	}

	// ------------------------------------------------------------------ push

	@Override
	protected void onAttach(AttachEvent event) {
		UI ui = event.getUI();
		unsubscribe = desk.subscribe(id -> ui.access(() -> onPop(ui, id)));
	}

	@Override
	protected void onDetach(DetachEvent event) {
		if (unsubscribe != null) {
			unsubscribe.run();
			unsubscribe = null;
		}
	}

	/**
	 * A call connected to the agent's phone: show it at once (pushed when this returns), then, in a second push,
	 * keep what was typed for the previous call and refresh the list of open entries.
	 */
	private void onPop(UI ui, long callLogId) {
		CallLogEntry previous = current != null && current.open() && current.id() != callLogId ? current : null;
		CallLogDraft previousDraft = previous == null ? null : draft();
		open(callLogId);
		CompletableFuture.runAsync(() -> ui.access(() -> {
			if (previous != null) {
				try {
					desk.save(previous.id(), previousDraft);
				} catch (IllegalArgumentException e) {
					// the previous entry keeps its last saved state; the agent finds it under 未完了
				}
			}
			refreshOpen();
		}));
	}

	// ------------------------------------------------------------------ actions

	private void bind() {
		DeskMember m = memberSelect.getValue();
		if (m == null) {
			notify("電話を選んでください", true);
			return;
		}
		try {
			desk.bind(m.queue(), m.memberInterface());
			notify("「" + m.name() + "」で受け付けます", false);
		} catch (IllegalArgumentException e) {
			notify(e.getMessage(), true);
		}
		refreshBinding();
	}

	private void startManual() {
		try {
			CallLogEntry entry = desk.startManual(manualNumber.getValue());
			manualNumber.clear();
			open(entry.id());
			refreshOpen();
		} catch (IllegalArgumentException e) {
			notify(e.getMessage(), true);
		}
	}

	private void open(long callLogId) {
		try {
			ScreenPop p = desk.pop(callLogId);
			showEntry(p.entry(), p.earlierCalls());
		} catch (IllegalArgumentException e) {
			notify(e.getMessage(), true);
		}
	}

	private void searchSubjects() {
		try {
			List<SubjectSummary> found = desk.findSubjects(subjectSearch.getValue());
			subjectGrid.setItems(found);
			subjectGrid.setVisible(true);
			if (found.isEmpty()) {
				notify("該当する対象者はいません", false);
			}
		} catch (IllegalArgumentException e) {
			notify(e.getMessage(), true);
		}
	}

	private void linkSubject(SubjectSummary s) {
		subjectId = s == null ? null : s.addressNumber();
		subjectLinked.setText(s == null ? "（なし）" : s.nameKanji() + "（" + s.nameKana() + "・宛名番号 " + s.addressNumber() + "）");
		if (s != null && callerKind.getValue() == null) {
			callerKind.setValue(CallerKind.SUBJECT);
		}
	}

	private void searchManual() {
		try {
			manualEntry.setItems(desk.searchManual(manualSearch.getValue()));
		} catch (RuntimeException e) {
			notify("回答マニュアルを検索できません: " + e.getMessage(), true);
		}
	}

	private void save() {
		if (current == null) {
			notify("通話が選ばれていません", true);
			return;
		}
		try {
			current = desk.save(current.id(), draft());
			notify("保存しました", false);
			refreshOpen();
		} catch (IllegalArgumentException e) {
			notify(e.getMessage(), true);
		}
	}

	private void close() {
		if (current == null) {
			notify("通話が選ばれていません", true);
			return;
		}
		try {
			CallLogEntry closed = desk.close(current.id(), draft(), outcome.getValue());
			notify("完了しました（" + closed.outcome().label() + "）", false);
			popState.setText("完了: " + closed.outcome().label());
			current = closed;
			refreshOpen();
			Optional<CallLogEntry> next = desk.openEntries().stream().findFirst();
			if (next.isPresent()) {
				open(next.get().id());
			} else {
				showEntry(null, List.of());
				popState.setText("完了: " + closed.outcome().label());
			}
		} catch (IllegalArgumentException e) {
			notify(e.getMessage(), true);
		}
	}

	private CallLogDraft draft() {
		ManualEntry m = manualEntry.getValue();
		return new CallLogDraft(subjectId, callerKind.getValue(),
				category.getValue() == null ? null : category.getValue().id(), note.getValue(),
				m == null ? null : m.entryId(), m == null ? null : m.version());
	}

	// ------------------------------------------------------------------ showing

	private void showEntry(CallLogEntry entry, List<EarlierCall> earlierCalls) {
		current = entry;
		pop.getElement().setAttribute("data-call-log-id", entry == null ? "" : String.valueOf(entry.id()));
		pop.getElement().setAttribute("data-linked-id", entry == null || entry.linkedId() == null ? "" : entry.linkedId());
		if (entry == null) {
			popState.setText("待機中");
			popNumber.setText("");
			popWait.setText("");
		} else {
			popState.setText(entry.manual() ? "手動記録" : "通話中");
			popNumber.setText(entry.callerNumber() == null ? "番号通知なし" : entry.callerNumber());
			popWait.setText(entry.waitSeconds() == null ? "" : "待ち時間 "
					+ entry.waitSeconds().setScale(0, RoundingMode.HALF_UP).toPlainString() + " 秒");
		}
		earlier.setItems(earlierCalls);
		subjectId = entry == null ? null : entry.subjectId();
		subjectLinked.setText(subjectId == null ? "（なし）" : "宛名番号 " + subjectId);
		callerKind.setValue(entry == null ? null : entry.callerKind());
		category.setItems(categories.selectable());
		category.setValue(entry == null || entry.category() == null ? null : entry.category());
		note.setValue(entry == null ? "" : entry.note());
		outcome.clear();
		subjectGrid.setItems(List.of());
		subjectGrid.setVisible(false);
		subjectSearch.clear();
		manualEntry.clear();
		manualAnswer.setText("");
		if (entry != null) {
			subjectSearch.focus();
		}
	}

	private void refreshBinding() {
		List<DeskMember> members = desk.members();
		memberSelect.setItems(members);
		Optional<DeskBinding> binding = desk.binding();
		bindingLabel.setText(binding.map(b -> "接続中: " + b.memberInterface()).orElse("電話に接続していません"));
		binding.flatMap(b -> members.stream().filter(m -> m.queue().equals(b.queue())
				&& m.memberInterface().equals(b.memberInterface())).findFirst()).ifPresent(memberSelect::setValue);
	}

	private void refreshOpen() {
		openGrid.setItems(desk.openEntries());
	}

	private static void notify(String message, boolean error) {
		Notification n = Notification.show(message, error ? 6000 : 3000, Notification.Position.BOTTOM_START);
		if (error) {
			n.addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
	}
}
