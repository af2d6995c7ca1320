package jp.ikiiki.desk.escalations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import jp.ikiiki.desk.escalations.EscalationCase;
import jp.ikiiki.desk.escalations.EscalationState;
import jp.ikiiki.desk.escalations.Escalations;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.PhoneNumbers;

/**
 * One case: what was asked, every step with who, when and its text, and the next step the user may take. Runs
 * {@code onChange} after a step so the list can refresh.
 */
class CasePanel extends VerticalLayout {

	private final Escalations escalations;
	private final String channel;
	private final boolean city;
	private final boolean floorManager;
	private final Runnable onChange;

	CasePanel(Escalations escalations, String channel, boolean city, boolean floorManager, Runnable onChange) {
		this.escalations = escalations;
		this.channel = channel;
		this.city = city;
		this.floorManager = floorManager;
		this.onChange = onChange;
		setId("esc-detail");
		setPadding(false);
		setSpacing(false);
		getStyle().set("gap", "var(--lumo-space-xs)").set("overflow", "auto");
		setWidth("22rem");
		setMinWidth("18rem");
		setHeightFull();
	}

	void show(Long id) {
		removeAll();
		if (id == null) {
			add(new Span(getTranslation("escalations.detail.choose")));
			return;
		}
		EscalationCase c = escalations.find(id, channel).orElse(null);
		if (c == null) {
			add(new Span(getTranslation("escalations.detail.missing", id)));
			return;
		}
		H3 title = new H3(getTranslation("escalations.detail.title", c.id(), c.state().label()));
		title.setId("esc-detail-title");
		title.getStyle().set("margin", "0");
		add(title);
		add(line("esc-detail-category", getTranslation("escalations.detail.category"), c.category()));
		add(line("esc-detail-subject", getTranslation("escalations.detail.subject"), c.subjectId()));
		if (!city) {
			add(line("esc-detail-caller", getTranslation("escalations.detail.caller"),
					c.callerNumber() == null ? null : PhoneNumbers.format(c.callerNumber())));
		}
		add(line("esc-detail-inquiry", getTranslation("escalations.detail.inquiry"), c.inquiry()));
		add(step("esc-step-opened", getTranslation("escalations.step.opened"), c.opened()));
		add(step("esc-step-reported", getTranslation("escalations.step.reported"), c.reported()));
		add(step("esc-step-instructed", getTranslation("escalations.step.instructed"), c.instructed()));
		add(step("esc-step-called-back", getTranslation("escalations.step.called-back"), c.calledBack()));
		add(step("esc-step-closed", getTranslation("escalations.step.closed"), c.closed()));
		action(c);
	}

	private void action(EscalationCase c) {
		String labelKey = switch (c.state()) {
			case OPEN -> city ? null : "escalations.action.report";
			case REPORTED -> city ? "escalations.action.instruct" : floorManager ? "escalations.action.instruct-by-phone" : null;
			case INSTRUCTED -> city ? null : "escalations.action.called-back";
			case CALLED_BACK -> city ? null : "escalations.action.close";
			case CLOSED -> null;
		};
		if (labelKey == null) {
			return;
		}
		String promptKey = switch (c.state()) {
			case OPEN -> "escalations.prompt.report";
			case REPORTED -> "escalations.prompt.instruct";
			case INSTRUCTED -> "escalations.prompt.called-back";
			default -> "escalations.prompt.close";
		};
		TextArea text = new TextArea(getTranslation(promptKey));
		text.setId(city ? "city-instruction" : "esc-step-text");
		text.setWidthFull();
		text.setMinHeight("5em");
		text.setMaxLength(4000);
		Button button = new Button(getTranslation(labelKey), e -> {
			boolean done = Notices.attempt(() -> {
				switch (c.state()) {
					case OPEN -> escalations.report(c.id(), text.getValue(), channel);
					case REPORTED -> escalations.instruct(c.id(), text.getValue(), channel);
					case INSTRUCTED -> escalations.calledBack(c.id(), text.getValue(), channel);
					case CALLED_BACK -> escalations.close(c.id(), text.getValue(), channel);
					default -> throw new IllegalStateException("no step from " + c.state());
				}
			}, getTranslation("escalations.updated", c.id()));
			if (done) {
				onChange.run();
				show(c.id());
			}
		});
		button.setId(city ? "city-instruction-submit" : "esc-step-button");
		button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add(text, button);
	}

	private static Div line(String id, String label, String value) {
		Span l = new Span(label + "：");
		l.getStyle().set("color", "var(--lumo-secondary-text-color)");
		Span v = new Span(value == null || value.isBlank() ? "—" : value);
		v.getStyle().set("white-space", "pre-wrap");
		Div d = new Div(l, v);
		d.setId(id);
		return d;
	}

	private Div step(String id, String label, EscalationCase.Step s) {
		if (s == null) {
			Div d = new Div(new Span(getTranslation("escalations.step.not-yet", label)));
			d.setId(id);
			d.getStyle().set("color", "var(--lumo-disabled-text-color)");
			return d;
		}
		return line(id, label, when(s.at()) + " " + s.by() + (s.text() == null ? "" : "\n" + s.text()));
	}

	static String when(Instant at) {
		return at == null ? "" : JapaneseDates.toWesternDateTimeWithWeekday(at);
	}

	/** The colour of an ageing level, for the grids. */
	static String colour(EscalationCase.Ageing ageing) {
		return switch (ageing) {
			case ALERT -> "var(--lumo-error-text-color)";
			case WARN -> "#8a5300";
			case NORMAL -> "var(--lumo-body-text-color)";
		};
	}

	static boolean waitingForCity(EscalationCase c) {
		return c.state() == EscalationState.REPORTED;
	}
}
