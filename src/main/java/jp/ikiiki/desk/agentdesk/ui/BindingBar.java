package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.agentdesk.DeskBinding;
import jp.ikiiki.desk.agentdesk.DeskMember;

/**
 * The desk's top line: which phone the agent takes calls on (bound for this console session: the choice of a phone
 * while unbound, the phone and its release while bound), and a manual entry for a walk-in or a call the telephony
 * did not see. Fires {@link BindEvent}, {@link ReleaseEvent} and
 * {@link ManualEvent}; the view acts on them.
 */
class BindingBar extends HorizontalLayout {

	private final Select<DeskMember> phone = new Select<>();
	private final Span status = new Span();
	private final TextField manualNumber = new TextField();
	private final Button bind;
	private final Button release;

	BindingBar() {
		setId("desk-binding-bar");
		setWidthFull();
		setSpacing(true);
		setPadding(false);
		setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		getStyle().set("flex-wrap", "wrap").set("row-gap", "var(--lumo-space-xs)");

		phone.setId("desk-member-select");
		phone.setPlaceholder(getTranslation("agentdesk.binding.phone"));
		phone.setAriaLabel(getTranslation("agentdesk.binding.phone"));
		phone.setItemLabelGenerator(m -> m.boundTo() == null
				? getTranslation("agentdesk.binding.member", m.name(), m.memberInterface())
				: getTranslation("agentdesk.binding.member-in-use", m.name(), m.memberInterface(), m.boundTo()));
		phone.setWidth("14rem");
		bind = new Button(getTranslation("agentdesk.binding.bind"),
				e -> fireEvent(new BindEvent(this, phone.getValue())));
		bind.setId("desk-bind");
		bind.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
		release = new Button(getTranslation("agentdesk.binding.release"), e -> fireEvent(new ReleaseEvent(this)));
		release.setId("desk-release");
		release.addThemeVariants(ButtonVariant.LUMO_SMALL);
		status.setId("desk-binding");
		status.getStyle().set("font-size", "var(--lumo-font-size-s)");

		manualNumber.setId("desk-manual-number");
		manualNumber.setPlaceholder(getTranslation("agentdesk.manual-entry.number"));
		manualNumber.setAriaLabel(getTranslation("agentdesk.manual-entry.number"));
		manualNumber.addThemeVariants(TextFieldVariant.LUMO_SMALL);
		manualNumber.setWidth("10rem");
		manualNumber.setMaxLength(21);
		Button manual = new Button(getTranslation("agentdesk.manual-entry.start"),
				e -> fireEvent(new ManualEvent(this, manualNumber.getValue())));
		manual.setId("desk-manual-start");
		manual.setTooltipText(getTranslation("agentdesk.manual-entry.help"));
		manual.addThemeVariants(ButtonVariant.LUMO_SMALL);
		Span spacer = new Span();
		add(phone, bind, release, status, spacer, manualNumber, manual);
		expand(spacer);
	}

	/** Shows the phones and the agent's binding: the choice of a phone while unbound, the release while bound. */
	void show(List<DeskMember> members, Optional<DeskBinding> binding) {
		phone.setItems(members);
		phone.setVisible(binding.isEmpty());
		bind.setVisible(binding.isEmpty());
		release.setVisible(binding.isPresent());
		status.setText(binding.map(b -> getTranslation("agentdesk.binding.bound", b.memberInterface()))
				.orElse(getTranslation("agentdesk.binding.unbound")));
		status.getElement().getThemeList().set("badge", true);
		status.getElement().getThemeList().set("success", binding.isPresent());
		status.getElement().getThemeList().set("error", binding.isEmpty());
		binding.flatMap(b -> members.stream().filter(m -> m.queue().equals(b.queue())
				&& m.memberInterface().equals(b.memberInterface())).findFirst()).ifPresent(phone::setValue);
	}

	/** The walk-in's number was used for a manual entry. */
	void manualStarted() {
		manualNumber.clear();
	}

	Registration addBindListener(ComponentEventListener<BindEvent> listener) {
		return addListener(BindEvent.class, listener);
	}

	Registration addReleaseListener(ComponentEventListener<ReleaseEvent> listener) {
		return addListener(ReleaseEvent.class, listener);
	}

	Registration addManualListener(ComponentEventListener<ManualEvent> listener) {
		return addListener(ManualEvent.class, listener);
	}

	/** The agent wants to take calls on a phone (null when none was chosen). */
	static final class BindEvent extends ComponentEvent<BindingBar> {
		private final DeskMember member;

		BindEvent(BindingBar source, DeskMember member) {
			super(source, false);
			this.member = member;
		}

		DeskMember member() {
			return member;
		}
	}

	/** The agent stops taking calls. */
	static final class ReleaseEvent extends ComponentEvent<BindingBar> {
		ReleaseEvent(BindingBar source) {
			super(source, false);
		}
	}

	/** The agent records a call without telephony, with the number the caller gave (may be blank). */
	static final class ManualEvent extends ComponentEvent<BindingBar> {
		private final String number;

		ManualEvent(BindingBar source, String number) {
			super(source, false);
			this.number = number;
		}

		String number() {
			return number;
		}
	}
}
