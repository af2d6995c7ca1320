package jp.ikiiki.desk.security.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.security.SecurityProperties;
import jp.ikiiki.desk.security.UserAdministration;
import jp.ikiiki.desk.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The information-security manager's part of the day (第11章): accounts locked by failed sign-ins (to unlock once the
 * owner is known to be the one who failed), enabled accounts without a role, and the day's failed sign-ins — which
 * need a look in the audit trail when they reach the per-address limit.
 */
@Component
class SecurityWorkItems implements WorkItems {

	private final UserAdministration users;
	private final SecurityProperties properties;
	private final I18NProvider labels;

	SecurityWorkItems(UserAdministration users, SecurityProperties properties, I18NProvider labels) {
		this.users = users;
		this.properties = properties;
		this.labels = labels;
	}

	@Override
	public List<WorkItem> forCurrentUser() {
		if (!CurrentUser.hasRole(Roles.SECURITY_ADMIN)) {
			return List.of();
		}
		var load = users.workload();
		return List.of(
				new WorkItem(labels.getTranslation("security.work.locked", Locale.JAPAN), load.lockedAccounts(), "users",
						load.lockedAccounts() > 0 ? Urgency.ATTENTION : Urgency.NORMAL,
						labels.getTranslation("security.work.locked.detail", Locale.JAPAN)),
				new WorkItem(labels.getTranslation("security.work.withoutRole", Locale.JAPAN), load.enabledWithoutRole(), "users",
						load.enabledWithoutRole() > 0 ? Urgency.ATTENTION : Urgency.NORMAL,
						labels.getTranslation("security.work.withoutRole.detail", Locale.JAPAN)),
				new WorkItem(labels.getTranslation("security.work.failures", Locale.JAPAN), load.failedSignInsLastDay(), "audit",
						load.failedSignInsLastDay() >= properties.addressMaxFailures() ? Urgency.ATTENTION : Urgency.NORMAL,
						labels.getTranslation("security.work.failures.detail", Locale.JAPAN)));
	}
}
