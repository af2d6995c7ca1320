package jp.ikiiki.desk.platform.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.shared.Registration;
import java.util.function.Supplier;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's one way to tell a person what happened: a success or an error notice at the bottom of the screen.
 *
 * <p>One notice at a time per browser tab — a new one replaces the one showing — and a notice does not follow the
 * person to the next page: it closes on navigation. Success notices go after a few seconds; errors stay until
 * closed or replaced, so that a refusal is read. A {@link DomainException} is shown by its reason; anything else is
 * a fault: logged without its message (which may hold personal data) and shown as a generic sentence with an
 * incident id.
 */
public final class Notices {

	private static final Logger log = LoggerFactory.getLogger(Notices.class);
	private static final int SUCCESS_MILLIS = 4000;

	private Notices() {
	}

	/** A short confirmation (保存しました). */
	public static void success(String text) {
		show(text, SUCCESS_MILLIS, NotificationVariant.LUMO_SUCCESS);
	}

	/** A neutral hint that goes by itself. */
	public static void info(String text) {
		show(text, SUCCESS_MILLIS, NotificationVariant.LUMO_CONTRAST);
	}

	/** A refusal or failure, in the person's words; stays until closed. */
	public static void error(String text) {
		show(text, 0, NotificationVariant.LUMO_ERROR);
	}

	/** A domain refusal by its reason, or an unexpected fault by a generic text with an incident id. */
	public static void error(Throwable error) {
		if (error instanceof DomainException refusal) {
			error(refusal.reason());
			return;
		}
		String incident = java.util.UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected fault in the console, incident {}: {}", incident, SafeThrowables.describe(error));
		error("処理中に予期しないエラーが発生しました。記録番号 " + incident + " を添えて管理者に連絡してください");
	}

	/**
	 * Runs an action of the person's; on success shows {@code done} (unless null), on a domain refusal shows its
	 * reason. Other exceptions propagate to the console's error handler.
	 *
	 * @return true if the action completed
	 */
	public static boolean attempt(Runnable action, String done) {
		try {
			action.run();
		} catch (DomainException e) {
			error(e.reason());
			return false;
		}
		if (done != null) {
			success(done);
		}
		return true;
	}

	/**
	 * {@link #attempt(Runnable, String)} for an action with a result.
	 *
	 * @return the result, or empty after a refusal (already shown)
	 */
	public static <T> java.util.Optional<T> attempt(Supplier<T> action) {
		try {
			return java.util.Optional.ofNullable(action.get());
		} catch (DomainException e) {
			error(e.reason());
			return java.util.Optional.empty();
		}
	}

	private static void show(String text, int millis, NotificationVariant variant) {
		UI ui = UI.getCurrent();
		var notification = new Notification(text, millis, Notification.Position.BOTTOM_START);
		notification.addThemeVariants(variant);
		notification.getElement().setAttribute("data-testid", "notice");
		if (millis == 0) {
			var close = new com.vaadin.flow.component.button.Button(
					com.vaadin.flow.component.icon.VaadinIcon.CLOSE_SMALL.create(), e -> notification.close());
			close.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE);
			close.setAriaLabel("閉じる");
			var text0 = new com.vaadin.flow.component.html.Span(text);
			var row = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(text0, close);
			row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
			notification.removeAll();
			notification.add(row);
		}
		if (ui != null) {
			Current current = ComponentUtil.getData(ui, Current.class);
			if (current == null) {
				current = new Current();
				Current registered = current;
				registered.navigation = ui.addBeforeLeaveListener(e -> registered.close());
				ComponentUtil.setData(ui, Current.class, current);
			}
			current.replace(notification);
		}
		notification.open();
	}

	/** The notice showing in one tab. */
	private static final class Current {
		private Notification showing;
		@SuppressWarnings("unused")
		private Registration navigation;

		void replace(Notification next) {
			close();
			showing = next;
		}

		void close() {
			if (showing != null && showing.isOpened()) {
				showing.close();
			}
			showing = null;
		}
	}
}
