package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import jp.ikiiki.desk.agentdesk.AgentDesk;
import jp.ikiiki.desk.agentdesk.IncomingCall;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.PhoneNumbers;
import org.springframework.stereotype.Component;

/**
 * Announces a call connected to the agent's phone on every page the agent has open, not only on the desk: each
 * browser tab (Vaadin UI) of an agent or floor manager registers for pops when it starts and unregisters when it
 * closes. On the desk the call opens at once; on any other page a notice names the caller's number and leads to the
 * desk with the entry. The notice stays until followed or closed. A call that arrives while no page is open is not
 * lost: its entry waits among the agent's open entries, and the desk opens it when the agent comes.
 */
@Component
class PopAnnouncer implements VaadinServiceInitListener {

	private final AgentDesk desk;

	PopAnnouncer(AgentDesk desk) {
		this.desk = desk;
	}

	@Override
	public void serviceInit(ServiceInitEvent event) {
		event.getSource().addUIInitListener(e -> watch(e.getUI()));
	}

	private void watch(UI ui) {
		if (CurrentUser.isSystem() || !(CurrentUser.hasRole(Roles.AGENT) || CurrentUser.hasRole(Roles.FLOOR_MANAGER))) {
			return;
		}
		Runnable unsubscribe = desk.subscribe(call -> ui.access(() -> announce(ui, call)));
		ui.addDetachListener(e -> unsubscribe.run());
	}

	private void announce(UI ui, IncomingCall call) {
		if (ui.getCurrentView() instanceof DeskView view) {
			view.onPop(ui, call);
			return;
		}
		CallNotices notices = ComponentUtil.getData(ui, CallNotices.class);
		if (notices == null) {
			notices = new CallNotices();
			ComponentUtil.setData(ui, CallNotices.class, notices);
		}
		if (notices.showing.containsKey(call.callLogId())) {
			return;
		}
		Notification notice = new Notification();
		notice.setId("desk-call-notice-" + call.callLogId());
		notice.addClassName("desk-call-notice");
		notice.getElement().setAttribute("data-call-log-id", String.valueOf(call.callLogId()));
		notice.addThemeVariants(NotificationVariant.LUMO_PRIMARY);
		notice.setPosition(Notification.Position.TOP_CENTER);
		notice.setDuration(0);
		String number = call.callerNumber() == null ? ui.getTranslation("agentdesk.pop.no-number")
				: PhoneNumbers.format(call.callerNumber());
		String wait = call.waitSeconds() == null ? ""
				: ui.getTranslation("agentdesk.pop.wait", call.waitSeconds().setScale(0, RoundingMode.HALF_UP).toPlainString());
		Span text = new Span(ui.getTranslation("agentdesk.notice.text", number, wait));
		text.getStyle().set("font-weight", "bold");
		Button go = new Button(ui.getTranslation("agentdesk.notice.open"), e -> {
			notice.close();
			ui.navigate(DeskView.class, QueryParameters.of(DeskView.ENTRY_PARAMETER, String.valueOf(call.callLogId())));
		});
		go.addClassName("desk-call-notice-open");
		go.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
		Button dismiss = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> notice.close());
		dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_CONTRAST);
		dismiss.setAriaLabel(ui.getTranslation("agentdesk.notice.dismiss"));
		HorizontalLayout row = new HorizontalLayout(text, go, dismiss);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		notice.add(row);
		CallNotices registry = notices;
		registry.showing.put(call.callLogId(), notice);
		notice.addOpenedChangeListener(e -> {
			if (!e.isOpened()) {
				registry.showing.remove(call.callLogId());
			}
		});
		notice.open();
	}

	/** The call notices one tab shows, by entry, so that a call is announced once per tab. */
	private static final class CallNotices {
		private final Map<Long, Notification> showing = new HashMap<>();
	}
}
