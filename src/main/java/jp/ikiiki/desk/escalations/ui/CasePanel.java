package jp.ikiiki.desk.escalations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import jp.ikiiki.desk.escalations.EscalationCase;
import jp.ikiiki.desk.escalations.EscalationState;
import jp.ikiiki.desk.escalations.Escalations;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * One case: what was asked, every step with who, when and its text, and the next step the user may take. Fires
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
		setWidth("26em");
		setMinWidth("22em");
	}

	void show(Long id) {
		removeAll();
		if (id == null) {
			add(new Span("案件を選択してください"));
			return;
		}
		EscalationCase c = escalations.find(id, channel).orElse(null);
		if (c == null) {
			add(new Span("案件 " + id + " はありません"));
			return;
		}
		H3 title = new H3("案件 " + c.id() + "（" + c.state().label() + "）");
		title.setId("esc-detail-title");
		add(title);
		add(line("esc-detail-category", "問合せ区分", c.category()));
		add(line("esc-detail-subject", "宛名番号", c.subjectId()));
		if (!city) {
			add(line("esc-detail-caller", "折返し先電話番号", c.callerNumber()));
		}
		add(line("esc-detail-inquiry", "問合せ内容", c.inquiry()));
		add(step("esc-step-opened", "受付", c.opened()));
		add(step("esc-step-reported", "市へ報告", c.reported()));
		add(step("esc-step-instructed", "市の指示", c.instructed()));
		add(step("esc-step-called-back", "折返し連絡", c.calledBack()));
		add(step("esc-step-closed", "完了", c.closed()));
		action(c);
	}

	private void action(EscalationCase c) {
		String label = switch (c.state()) {
			case OPEN -> city ? null : "市へ報告した";
			case REPORTED -> city || floorManager ? (city ? "指示を送信" : "市の指示を登録（電話等で受領）") : null;
			case INSTRUCTED -> city ? null : "折返し連絡した";
			case CALLED_BACK -> city ? null : "完了にする";
			case CLOSED -> null;
		};
		if (label == null) {
			return;
		}
		String prompt = switch (c.state()) {
			case OPEN -> "市への報告内容";
			case REPORTED -> "市の指示内容";
			case INSTRUCTED -> "折返し連絡の内容";
			default -> "メモ（任意）";
		};
		TextArea text = new TextArea(prompt);
		text.setId(city ? "city-instruction" : "esc-step-text");
		text.setWidthFull();
		text.setMinHeight("6em");
		text.setMaxLength(4000);
		Button button = new Button(label, e -> {
			try {
				switch (c.state()) {
					case OPEN -> escalations.report(c.id(), text.getValue(), channel);
					case REPORTED -> escalations.instruct(c.id(), text.getValue(), channel);
					case INSTRUCTED -> escalations.calledBack(c.id(), text.getValue(), channel);
					case CALLED_BACK -> escalations.close(c.id(), text.getValue(), channel);
					default -> throw new IllegalStateException("no step from " + c.state());
				}
				Notification.show("案件 " + c.id() + " を更新しました", 3000, Notification.Position.BOTTOM_START)
						.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
				onChange.run();
				show(c.id());
			} catch (IllegalArgumentException | IllegalStateException ex) {
				Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
						.addThemeVariants(NotificationVariant.LUMO_ERROR);
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

	private static Div step(String id, String label, EscalationCase.Step s) {
		if (s == null) {
			Div d = new Div(new Span(label + "：未"));
			d.setId(id);
			d.getStyle().set("color", "var(--lumo-disabled-text-color)");
			return d;
		}
		return line(id, label, when(s.at()) + " " + s.by() + (s.text() == null ? "" : "\n" + s.text()));
	}

	static String when(Instant at) {
		return at == null ? "" : JapaneseDates.toWesternDateTime(at);
	}

	/** The colour of an ageing level, for the grids. */
	static String colour(EscalationCase.Ageing ageing) {
		return switch (ageing) {
			case ALERT -> "var(--lumo-error-color)";
			case WARN -> "#b36b00";
			case NORMAL -> "var(--lumo-body-text-color)";
		};
	}

	static boolean waitingForCity(EscalationCase c) {
		return c.state() == EscalationState.REPORTED;
	}
}
