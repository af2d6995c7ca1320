package jp.ikiiki.desk.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.security.UserAdministration;
import jp.ikiiki.desk.security.UserSummary;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * Users and roles, for the information-security manager only (第11章, 第1章3(3)): the list with a count, a filter by
 * name, role and state, sorting on every column; adding a user, changing roles, resetting a password, disabling and
 * unlocking — each refusal shown by its reason.
 */
@Route("users")
@Menu(order = 90, title = "利用者管理")
@RolesAllowed(Roles.SECURITY_ADMIN)
class UserAdminView extends VerticalLayout implements HasDynamicTitle {

	/** The state filter's choices. */
	enum StateFilter {
		ALL, ENABLED, DISABLED, LOCKED
	}

	private final UserAdministration users;
	private final Grid<UserSummary> grid = new Grid<>(UserSummary.class, false);
	private final TextField search = new TextField();
	private final ComboBox<String> role = new ComboBox<>();
	private final ComboBox<StateFilter> state = new ComboBox<>();
	private final Span total = new Span();
	private final Span empty = new Span();
	private List<UserSummary> all = List.of();

	UserAdminView(UserAdministration users) {
		this.users = users;
		setSizeFull();
		var add = new Button(getTranslation("security.users.add"), e -> openCreate());
		add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add.setId("user-add");
		var title = new HorizontalLayout(new H2(getTranslation("security.users.title")), add);
		title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

		search.setPlaceholder(getTranslation("security.users.search"));
		search.setClearButtonVisible(true);
		search.setValueChangeMode(ValueChangeMode.LAZY);
		search.addValueChangeListener(e -> filter());
		search.setId("user-search");
		role.setPlaceholder(getTranslation("security.users.role"));
		role.setItems(Roles.ALL);
		role.setItemLabelGenerator(Roles::label);
		role.setClearButtonVisible(true);
		role.addValueChangeListener(e -> filter());
		state.setItems(StateFilter.values());
		state.setItemLabelGenerator(s -> switch (s) {
			case ALL -> getTranslation("security.users.state.all");
			case ENABLED -> getTranslation("security.users.state.enabled");
			case DISABLED -> getTranslation("security.users.state.disabled");
			case LOCKED -> getTranslation("security.users.state.locked");
		});
		state.setValue(StateFilter.ALL);
		state.addValueChangeListener(e -> filter());
		total.getElement().setAttribute("data-testid", "user-total");
		var filters = new HorizontalLayout(search, role, state, total);
		filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		filters.setWrap(true);
		add(title, filters);

		grid.setId("user-grid");
		grid.addColumn(UserSummary::username).setHeader(getTranslation("security.users.column.username"))
				.setComparator(UserSummary::username).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(UserSummary::displayName).setHeader(getTranslation("security.users.column.displayName"))
				.setComparator(UserSummary::displayName).setAutoWidth(true);
		grid.addColumn(u -> String.join("、", u.roles().stream().map(Roles::label).toList()))
				.setHeader(getTranslation("security.users.column.roles")).setComparator(u -> String.join(",", u.roles()))
				.setAutoWidth(true);
		grid.addColumn(u -> getTranslation(u.enabled() ? "security.users.enabled" : "security.users.disabled"))
				.setHeader(getTranslation("security.users.column.state")).setComparator(UserSummary::enabled).setAutoWidth(true)
				.setFlexGrow(0);
		grid.addColumn(this::lock).setHeader(getTranslation("security.users.column.lock"))
				.setComparator(Comparator.comparing(UserSummary::lockedAnywhere)).setAutoWidth(true);
		grid.addColumn(u -> u.lastLoginAt() == null ? "" : JapaneseDates.toWesternDateTimeWithWeekday(u.lastLoginAt()))
				.setHeader(getTranslation("security.users.column.lastLogin"))
				.setComparator(Comparator.comparing(UserSummary::lastLoginAt, Comparator.nullsFirst(Comparator.naturalOrder())))
				.setAutoWidth(true).setFlexGrow(0);
		grid.addComponentColumn(this::actions).setHeader(getTranslation("security.users.column.actions")).setAutoWidth(true)
				.setFlexGrow(0);
		grid.setMultiSort(false);
		grid.setSizeFull();
		empty.setText(getTranslation("security.users.empty"));
		empty.setVisible(false);
		add(empty, grid);
		refresh();
	}

	private String lock(UserSummary u) {
		if (u.locked()) {
			return getTranslation("security.users.lockedUntil", JapaneseDates.toWesternDateTime(u.lockedUntil()));
		}
		if (u.lockedForAddress()) {
			return getTranslation("security.users.lockedForAddress");
		}
		return u.failedLogins() > 0 ? getTranslation("security.users.failures", u.failedLogins()) : "";
	}

	private HorizontalLayout actions(UserSummary u) {
		var roles = new Button(getTranslation("security.users.action.roles"), e -> openRoles(u));
		var password = new Button(getTranslation("security.users.action.password"), e -> openPassword(u));
		var toggle = new Button(getTranslation(u.enabled() ? "security.users.action.disable" : "security.users.action.enable"),
				e -> confirmToggle(u));
		var unlock = new Button(getTranslation("security.users.action.unlock"),
				e -> run(() -> users.unlock(u.username()), getTranslation("security.users.done.unlocked", u.username())));
		unlock.setEnabled(u.lockedAnywhere() || u.failedLogins() > 0);
		for (var b : new Button[] { roles, password, toggle, unlock }) {
			b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
		}
		return new HorizontalLayout(roles, password, toggle, unlock);
	}

	private void confirmToggle(UserSummary u) {
		if (!u.enabled()) {
			run(() -> users.setEnabled(u.username(), true), getTranslation("security.users.done.enabled", u.username()));
			return;
		}
		var confirm = new ConfirmDialog();
		confirm.setHeader(getTranslation("security.users.confirm.disable.title", u.displayName()));
		confirm.setText(getTranslation("security.users.confirm.disable.text", u.username()));
		confirm.setCancelable(true);
		confirm.setCancelText(getTranslation("security.users.cancel"));
		confirm.setConfirmText(getTranslation("security.users.action.disable"));
		confirm.setConfirmButtonTheme("error primary");
		confirm.addConfirmListener(e -> run(() -> users.setEnabled(u.username(), false),
				getTranslation("security.users.done.disabled", u.username())));
		confirm.open();
	}

	private void openCreate() {
		var dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("security.users.add"));
		var username = new TextField(getTranslation("security.users.column.username"));
		username.setHelperText(getTranslation("security.users.username.help"));
		username.setMaxLength(64);
		var displayName = new TextField(getTranslation("security.users.column.displayName"));
		displayName.setMaxLength(100);
		var password = new PasswordField(getTranslation("security.users.password.initial"));
		password.setHelperText(getTranslation("security.users.password.help"));
		var roles = roleGroup(Set.of());
		var form = new FormLayout(username, displayName, password, roles);
		dialog.add(form);
		var save = new Button(getTranslation("security.users.save.create"), e -> {
			if (run(() -> users.create(username.getValue(), displayName.getValue(), password.getValue(), roles.getValue()),
					getTranslation("security.users.done.created", username.getValue().strip()))) {
				dialog.close();
			}
		});
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		save.setId("user-create-save");
		dialog.getFooter().add(new Button(getTranslation("security.users.cancel"), e -> dialog.close()), save);
		dialog.open();
	}

	private void openRoles(UserSummary u) {
		var dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("security.users.roles.title", u.displayName(), u.username()));
		var roles = roleGroup(u.roles());
		dialog.add(roles);
		var save = new Button(getTranslation("security.users.save"), e -> {
			if (run(() -> users.changeRoles(u.username(), roles.getValue()), getTranslation("security.users.done.roles", u.username()))) {
				dialog.close();
			}
		});
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.getFooter().add(new Button(getTranslation("security.users.cancel"), e -> dialog.close()), save);
		dialog.open();
	}

	private void openPassword(UserSummary u) {
		var dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("security.users.password.title", u.displayName(), u.username()));
		var password = new PasswordField(getTranslation("security.users.password.new"));
		password.setHelperText(getTranslation("security.users.password.help"));
		password.setWidthFull();
		dialog.add(password);
		var save = new Button(getTranslation("security.users.save.password"), e -> {
			if (run(() -> users.resetPassword(u.username(), password.getValue()),
					getTranslation("security.users.done.password", u.username()))) {
				dialog.close();
			}
		});
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.getFooter().add(new Button(getTranslation("security.users.cancel"), e -> dialog.close()), save);
		dialog.open();
	}

	private CheckboxGroup<String> roleGroup(Set<String> selected) {
		var roles = new CheckboxGroup<String>(getTranslation("security.users.column.roles"));
		roles.setItems(Roles.ALL);
		roles.setItemLabelGenerator(Roles::label);
		roles.setValue(selected);
		roles.setHelperText(getTranslation("security.users.roles.help"));
		return roles;
	}

	private boolean run(Runnable action, String done) {
		boolean ok = Notices.attempt(action, done);
		if (ok) {
			refresh();
		}
		return ok;
	}

	private void refresh() {
		all = users.users();
		filter();
	}

	private void filter() {
		String text = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
		String r = role.getValue();
		StateFilter s = state.getValue() == null ? StateFilter.ALL : state.getValue();
		var shown = all.stream()
				.filter(u -> text.isEmpty() || u.username().contains(text) || u.displayName().toLowerCase(Locale.ROOT).contains(text))
				.filter(u -> r == null || u.roles().contains(r))
				.filter(u -> switch (s) {
					case ALL -> true;
					case ENABLED -> u.enabled();
					case DISABLED -> !u.enabled();
					case LOCKED -> u.lockedAnywhere();
				})
				.toList();
		grid.setItems(shown);
		total.setText(getTranslation("security.users.total", shown.size(), all.size()));
		empty.setVisible(shown.isEmpty());
	}

	@Override
	public String getPageTitle() {
		return getTranslation("security.users.pageTitle");
	}
}
