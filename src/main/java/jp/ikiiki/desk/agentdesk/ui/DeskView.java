package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import jp.ikiiki.desk.agentdesk.AgentDesk;
import jp.ikiiki.desk.agentdesk.CallLogDraft;
import jp.ikiiki.desk.agentdesk.CallLogEntry;
import jp.ikiiki.desk.agentdesk.IncomingCall;
import jp.ikiiki.desk.agentdesk.InquiryCategories;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.agentdesk.ScreenPop;
import jp.ikiiki.desk.agentdesk.SubjectResults;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectSummary;

/**
 * 受付デスク (第6章1): a two-column workplace that fits 1280×720 — on the left the call (the pop) and its log, on the
 * right what the agent looks at while talking (search results, the linked subject, what was mailed to the subject,
 * earlier calls from the number, the open entries). Built from components that fire typed events ({@link BindingBar}, {@link CallLogForm},
 * {@link SubjectResultsPanel}, {@link OpenEntriesPanel}); this view calls the desk's service. Every change of the
 * log is kept as a draft on the server, so switching entries, leaving the page, a reload or a new tab loses nothing;
 * switching away from an entry with work in it is confirmed. Everything works from the keyboard (shortcuts shown on
 * screen). Pops arrive through {@link PopAnnouncer}, which hands them to this view while it is shown. Elements carry
 * ids ({@code desk-...}) for the browser tests.
 */
@Route("desk")
@PageTitle("受付デスク | いきいきデスク")
@Menu(title = "受付デスク", order = 5)
@RolesAllowed({ Roles.AGENT, Roles.FLOOR_MANAGER })
class DeskView extends VerticalLayout implements BeforeEnterObserver {

	static final String ENTRY_PARAMETER = "entry";

	private final AgentDesk desk;
	private final InquiryCategories categories;
	private final BindingBar bindingBar = new BindingBar();
	private final PopPanel pop = new PopPanel();
	private final CallLogForm form = new CallLogForm();
	private final TabSheet context = new TabSheet();
	private final SubjectResultsPanel results = new SubjectResultsPanel();
	private final SubjectCard subjectCard = new SubjectCard();
	private final MailingHistoryPanel mailings = new MailingHistoryPanel();
	private final EarlierCallsPanel earlier = new EarlierCallsPanel();
	private final OpenEntriesPanel openEntries = new OpenEntriesPanel();
	private final Tab resultsTab;
	private final Tab subjectTab;
	private final Tab mailingsTab;
	private final Tab earlierTab;
	private final Tab openTab;

	/** The entry on the desk, or null while waiting. */
	private CallLogEntry current;
	/** An entry named in the address (the link of a call announced on another page). */
	private Long requested;

	DeskView(AgentDesk desk, InquiryCategories categories) {
		this.desk = desk;
		this.categories = categories;
		setSizeFull();
		setPadding(true);
		setSpacing(false);
		getStyle().set("gap", "var(--lumo-space-s)").set("padding-top", "var(--lumo-space-s)");

		VerticalLayout left = new VerticalLayout(pop, form);
		left.setId("desk-left");
		left.setPadding(false);
		left.setSpacing(false);
		left.getStyle().set("gap", "var(--lumo-space-xs)").set("overflow", "auto");
		left.setWidth("30rem");
		left.getStyle().set("flex-shrink", "0");
		left.setHeightFull();

		context.setId("desk-context");
		resultsTab = context.add(getTranslation("agentdesk.tab.results"), results);
		resultsTab.setId("desk-tab-results");
		subjectTab = context.add(getTranslation("agentdesk.tab.subject"), subjectCard);
		subjectTab.setId("desk-tab-subject");
		mailingsTab = context.add(getTranslation("agentdesk.tab.mailings"), mailings);
		mailingsTab.setId("desk-tab-mailings");
		earlierTab = context.add(getTranslation("agentdesk.tab.earlier"), earlier);
		earlierTab.setId("desk-tab-earlier");
		openTab = context.add(getTranslation("agentdesk.tab.open"), openEntries);
		openTab.setId("desk-tab-open");
		context.setSizeFull();

		HorizontalLayout columns = new HorizontalLayout(left, context);
		columns.setSizeFull();
		columns.setFlexGrow(1, context);
		columns.getStyle().set("min-height", "0");
		add(bindingBar, columns);
		expand(columns);

		bindingBar.addBindListener(e -> bind(e.member()));
		bindingBar.addReleaseListener(e -> {
			Notices.attempt(desk::release, getTranslation("agentdesk.binding.released"));
			refreshBinding();
		});
		bindingBar.addManualListener(e -> confirmLeaving(() -> startManual(e.number())));
		form.addDraftChangedListener(e -> saveDraft(e.draft()));
		form.addCloseListener(e -> close(e.draft()));
		form.addSearchKeyListener(e -> searchKey(e.key(), e.text()));
		form.addManualSearchListener(e -> form.setManualEntries(desk.searchManual(e.text())));
		results.addPickListener(e -> link(e.subject()));
		openEntries.addChooseListener(e -> {
			if (current == null || current.id() != e.callLogId()) {
				confirmLeaving(() -> open(e.callLogId()));
			}
		});
		shortcuts();
	}

	/** The keys shown at the foot of the form (agentdesk.form.shortcuts). */
	private void shortcuts() {
		Shortcuts.addShortcutListener(this, form::focusSearch, Key.KEY_S, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, form::focusCategory, Key.KEY_K, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, form::focusNote, Key.KEY_M, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, form::focusManual, Key.KEY_R, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, this::showMailings, Key.KEY_Y, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, () -> form.chooseOutcome(Outcome.ANSWERED), Key.DIGIT_1, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, () -> form.chooseOutcome(Outcome.CALL_BACK), Key.DIGIT_2, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, () -> form.chooseOutcome(Outcome.NEEDS_INSTRUCTION), Key.DIGIT_3,
				KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, form::requestClose, Key.ENTER, KeyModifier.CONTROL);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		requested = event.getLocation().getQueryParameters().getSingleParameter(ENTRY_PARAMETER)
				.filter(s -> s.matches("[0-9]{1,18}")).map(Long::valueOf).orElse(null);
		if (isAttached() && requested != null) {
			long id = requested;
			requested = null;
			confirmLeaving(() -> open(id));
		}
	}

	@Override
	protected void onAttach(AttachEvent event) {
		refreshBinding();
		form.setCategories(categories.selectable());
		refreshOpen();
		Optional<Long> entry = requested != null ? Optional.of(requested) : desk.resume();
		requested = null;
		entry.ifPresentOrElse(this::open, this::waiting);
	}

	// ------------------------------------------------------------------ pops

	/**
	 * A call connected to the agent's phone (from {@link PopAnnouncer}, inside the UI's lock): the call shows at
	 * once — pushed when this returns — and, in a second push, the rest of the pop. The entry that was on the desk
	 * keeps its draft and waits among the open entries: the agent is talking to someone new.
	 */
	void onPop(UI ui, IncomingCall call) {
		if (current != null && current.open() && current.id() != call.callLogId()) {
			long previous = current.id();
			CallLogDraft draft = form.draft();
			Notices.attempt(() -> desk.saveDraft(previous, draft), null);
			Notices.info(getTranslation("agentdesk.pop.previous-kept", previous));
		}
		current = null;
		form.clear();
		pop.incoming(call);
		CompletableFuture.runAsync(() -> ui.access(() -> {
			open(call.callLogId());
			refreshOpen();
		}));
	}

	// ------------------------------------------------------------------ entries

	private void open(long callLogId) {
		Optional<ScreenPop> shown = Notices.attempt(() -> desk.pop(callLogId));
		if (shown.isEmpty()) {
			return;
		}
		ScreenPop p = shown.get();
		current = p.entry();
		pop.show(current);
		form.setCategories(categories.selectable());
		Optional<SubjectDetail> subject = p.draft().subjectId() == null ? Optional.empty() : desk.subject(p.draft().subjectId());
		form.edit(p.draft(), subject.map(this::subjectLabel)
				.orElse(p.draft().subjectId() == null ? null : getTranslation("agentdesk.form.subject-unknown", p.draft().subjectId())),
				p.manualEntry(), current.open());
		subject.ifPresentOrElse(this::showSubject, this::noSubject);
		earlier.show(p.earlierCalls(), current.callerNumber() != null);
		earlierTab.setLabel(getTranslation("agentdesk.tab.earlier-count", p.earlierCalls().size()));
		if (p.draft().subjectId() == null && !p.knownSubjects().isEmpty()) {
			results.showKnown(p.knownSubjects());
			context.setSelectedTab(resultsTab);
		} else {
			results.clear();
			context.setSelectedTab(subject.isPresent() ? subjectTab : !p.earlierCalls().isEmpty() ? earlierTab : resultsTab);
		}
		if (current.open()) {
			if (p.draft().subjectId() == null) {
				form.focusSearch();
			} else {
				form.focusNote();
			}
		}
	}

	private void waiting() {
		current = null;
		pop.waiting();
		form.clear();
		results.clear();
		noSubject();
		earlier.show(List.of(), false);
		earlierTab.setLabel(getTranslation("agentdesk.tab.earlier"));
		context.setSelectedTab(openEntries.isEmpty() ? resultsTab : openTab);
	}

	/**
	 * Runs {@code next} (which shows another entry) — after asking, when the entry on the desk is open and has work in
	 * it. Its draft is saved first either way.
	 */
	private void confirmLeaving(Runnable next) {
		if (current == null || !current.open() || form.draft().blank()) {
			next.run();
			return;
		}
		long leaving = current.id();
		CallLogDraft draft = form.draft();
		if (!Notices.attempt(() -> desk.saveDraft(leaving, draft), null)) {
			return;
		}
		ConfirmDialog ask = new ConfirmDialog();
		ask.setId("desk-leave-confirm");
		ask.setHeader(getTranslation("agentdesk.leave.title", leaving));
		ask.setText(getTranslation("agentdesk.leave.text"));
		ask.setConfirmText(getTranslation("agentdesk.leave.confirm"));
		ask.setCancelable(true);
		ask.setCancelText(getTranslation("agentdesk.leave.cancel"));
		ask.addConfirmListener(e -> next.run());
		ask.open();
	}

	private void saveDraft(CallLogDraft draft) {
		if (current == null || !current.open()) {
			return;
		}
		long id = current.id();
		if (Notices.attempt(() -> desk.saveDraft(id, draft), null)) {
			pop.draftSaved(Instant.now());
		} else {
			pop.draftRefused();
		}
	}

	private void close(CallLogDraft draft) {
		if (current == null) {
			return;
		}
		long id = current.id();
		Optional<CallLogEntry> closed = Notices.attempt(() -> desk.close(id, draft));
		if (closed.isEmpty()) {
			return;
		}
		refreshOpen();
		waiting();
		pop.closed(closed.get().outcome());
		int left = openEntries.size();
		// The pop says 完了; a notice only when other entries still wait.
		if (left > 0) {
			Notices.info(getTranslation("agentdesk.closed-more-open", closed.get().outcome().label(), left));
		}
	}

	private void startManual(String number) {
		Notices.attempt(() -> desk.startManual(number)).ifPresent(entry -> {
			bindingBar.manualStarted();
			refreshOpen();
			open(entry.id());
		});
	}

	// ------------------------------------------------------------------ the subject

	private void searchKey(String key, String text) {
		switch (key) {
			case "ArrowDown" -> results.move(1);
			case "ArrowUp" -> results.move(-1);
			case "Escape" -> results.clear();
			case "Enter" -> {
				if (results.answers(text) && results.highlightedItem().isPresent()) {
					results.pickHighlighted();
				} else {
					search(text);
				}
			}
			default -> {
			}
		}
	}

	private void search(String text) {
		context.setSelectedTab(resultsTab);
		Optional<SubjectResults> found = Notices.attempt(() -> desk.findSubjects(text));
		found.ifPresent(r -> results.show(text, r));
	}

	private void link(SubjectSummary s) {
		if (current == null || !current.open()) {
			return;
		}
		form.linkSubject(s.addressNumber(), subjectLabel(s));
		results.clear();
		Optional<SubjectDetail> detail = desk.subject(s.addressNumber());
		detail.ifPresentOrElse(this::showSubject, this::noSubject);
		context.setSelectedTab(subjectTab);
	}

	/** The subject's card and what was mailed to the subject (a caller often asks when a booklet was sent). */
	private void showSubject(SubjectDetail s) {
		subjectCard.show(s);
		Notices.attempt(() -> desk.mailings(s.addressNumber())).ifPresentOrElse(history -> {
			mailings.show(history);
			subjectCard.mailings(mailings.summary(history));
			mailingsTab.setLabel(getTranslation("agentdesk.tab.mailings-count", history.mailings().size()));
		}, () -> {
			mailings.empty();
			subjectCard.mailings(getTranslation("agentdesk.mailings.unavailable"));
			mailingsTab.setLabel(getTranslation("agentdesk.tab.mailings"));
		});
	}

	private void noSubject() {
		subjectCard.empty();
		mailings.empty();
		mailingsTab.setLabel(getTranslation("agentdesk.tab.mailings"));
	}

	/** Alt+Y: the subject's mailings, with the cursor in the list (↑↓ move, Enter or Space opens a row). */
	private void showMailings() {
		context.setSelectedTab(mailingsTab);
		mailings.focus();
	}

	private String subjectLabel(SubjectSummary s) {
		return getTranslation("agentdesk.form.subject-label", s.nameKanji(), s.nameKana(), s.addressNumber());
	}

	private String subjectLabel(SubjectDetail s) {
		return getTranslation("agentdesk.form.subject-label", s.nameKanji(), s.nameKana(), s.addressNumber());
	}

	// ------------------------------------------------------------------ binding and lists

	private void bind(jp.ikiiki.desk.agentdesk.DeskMember member) {
		if (member == null) {
			Notices.error(getTranslation("agentdesk.binding.choose"));
			return;
		}
		String session = VaadinSession.getCurrent().getSession().getId();
		// The badge of the binding bar says it; no notice to cover the form.
		Notices.attempt(() -> desk.bind(member.queue(), member.memberInterface(), session), null);
		refreshBinding();
	}

	private void refreshBinding() {
		bindingBar.show(desk.members(), desk.binding());
	}

	private void refreshOpen() {
		List<CallLogEntry> open = desk.openEntries();
		openEntries.show(open);
		openTab.setLabel(getTranslation("agentdesk.tab.open-count", open.size()));
	}
}
