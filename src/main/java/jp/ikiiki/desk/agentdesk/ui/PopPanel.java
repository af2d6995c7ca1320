package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.math.RoundingMode;
import java.time.Instant;
import jp.ikiiki.desk.agentdesk.CallLogEntry;
import jp.ikiiki.desk.agentdesk.IncomingCall;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.PhoneNumbers;

/**
 * The call on the desk: its state (待機中, 通話中, 手動記録, 完了), the caller's number in large type, the wait and
 * when it connected, and whether the draft is saved. Carries the entry's ids as data attributes for the browser
 * tests.
 */
class PopPanel extends Div {

	private final Span state = new Span();
	private final Span number = new Span();
	private final Span wait = new Span();
	private final Span started = new Span();
	private final Span draft = new Span();

	PopPanel() {
		setId("desk-pop");
		addClassName("desk-pop");
		getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "baseline")
				.set("gap", "0 var(--lumo-space-s)").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
				.set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
				.set("box-sizing", "border-box").set("width", "100%");
		state.setId("desk-pop-state");
		state.getElement().getThemeList().add("badge");
		number.setId("desk-pop-number");
		number.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "bold");
		wait.setId("desk-pop-wait");
		started.setId("desk-pop-started");
		draft.setId("desk-draft-status");
		draft.getStyle().set("margin-left", "auto");
		for (Span s : new Span[] { wait, started, draft }) {
			s.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
		}
		add(state, number, wait, started, draft);
		waiting();
	}

	/** No entry on the desk. */
	void waiting() {
		setIds(null);
		state.setText(getTranslation("agentdesk.pop.waiting"));
		state.getElement().getThemeList().remove("success");
		number.setText("");
		wait.setText("");
		started.setText("");
		draft.setText("");
	}

	/** An entry on the desk. */
	void show(CallLogEntry entry) {
		setIds(entry);
		state.setText(entry.open() ? getTranslation(entry.manual() ? "agentdesk.pop.manual" : "agentdesk.pop.talking")
				: getTranslation("agentdesk.pop.closed", entry.outcome().label()));
		state.getElement().getThemeList().set("success", entry.open() && !entry.manual());
		number.setText(entry.callerNumber() == null ? getTranslation("agentdesk.pop.no-number")
				: PhoneNumbers.format(entry.callerNumber()));
		wait.setText(entry.waitSeconds() == null ? ""
				: getTranslation("agentdesk.pop.wait", entry.waitSeconds().setScale(0, RoundingMode.HALF_UP).toPlainString()));
		started.setText(getTranslation("agentdesk.pop.started", JapaneseDates.toTime(entry.startedAt()), entry.id()));
		draft.setText("");
	}

	/** A call just connected: shown before the rest of the pop is loaded. */
	void incoming(IncomingCall call) {
		getElement().setAttribute("data-call-log-id", String.valueOf(call.callLogId()));
		getElement().setAttribute("data-linked-id", call.linkedId() == null ? "" : call.linkedId());
		state.setText(getTranslation("agentdesk.pop.talking"));
		state.getElement().getThemeList().add("success");
		number.setText(call.callerNumber() == null ? getTranslation("agentdesk.pop.no-number")
				: PhoneNumbers.format(call.callerNumber()));
		wait.setText(call.waitSeconds() == null ? ""
				: getTranslation("agentdesk.pop.wait", call.waitSeconds().setScale(0, RoundingMode.HALF_UP).toPlainString()));
		started.setText("");
		draft.setText("");
	}

	/** The entry on the desk was closed: nothing more to do with it. */
	void closed(Outcome outcome) {
		setIds(null);
		state.setText(getTranslation("agentdesk.pop.closed", outcome.label()));
		state.getElement().getThemeList().remove("success");
		number.setText("");
		wait.setText("");
		started.setText("");
		draft.setText("");
	}

	/** The draft reached the server. */
	void draftSaved(Instant at) {
		draft.setText(getTranslation("agentdesk.pop.draft-saved", JapaneseDates.toTime(at)));
	}

	/** The draft could not be kept (the reason is shown as a notice). */
	void draftRefused() {
		draft.setText(getTranslation("agentdesk.pop.draft-refused"));
	}

	private void setIds(CallLogEntry entry) {
		getElement().setAttribute("data-call-log-id", entry == null ? "" : String.valueOf(entry.id()));
		getElement().setAttribute("data-linked-id", entry == null || entry.linkedId() == null ? "" : entry.linkedId());
	}
}
