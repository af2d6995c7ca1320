package jp.ikiiki.desk.security.ui;

import jp.ikiiki.desk.shared.JapanTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.security.UserAdministration;
import jp.ikiiki.desk.security.UserSummary;

/** Users and roles, for the information-security manager only. */
@Route("users")
@PageTitle("利用者管理 | いきいきデスク")
@Menu(order = 90, title = "利用者管理")
@RolesAllowed(Roles.SECURITY_ADMIN)
class UserAdminView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").withZone(JapanTime.ZONE);
	private final UserAdministration users;
	private final Grid<UserSummary> grid = new Grid<>(UserSummary.class, false);

	UserAdminView(UserAdministration users) {
		this.users = users;
		setSizeFull();
		var add = new Button("利用者を追加", e -> openCreate());
		add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add.setId("user-add");
		add(new HorizontalLayout(new H2("利用者管理"), add));

		grid.setId("user-grid");
		grid.addColumn(UserSummary::username).setHeader("ユーザー名").setAutoWidth(true);
		grid.addColumn(UserSummary::displayName).setHeader("表示名").setAutoWidth(true);
		grid.addColumn(u -> String.join("、", u.roles().stream().map(Roles::label).toList())).setHeader("役割").setAutoWidth(true);
		grid.addColumn(u -> u.enabled() ? "有効" : "無効").setHeader("状態");
		grid.addColumn(u -> u.locked() ? "ロック中（" + TIME.format(u.lockedUntil()) + "まで）" : "").setHeader("ロック").setAutoWidth(true);
		grid.addColumn(u -> u.lastLoginAt() == null ? "" : TIME.format(u.lastLoginAt())).setHeader("最終ログイン").setAutoWidth(true);
		grid.addComponentColumn(this::actions).setHeader("操作").setAutoWidth(true);
		grid.setSizeFull();
		add(grid);
		refresh();
	}

	private HorizontalLayout actions(UserSummary u) {
		var roles = new Button("役割", e -> openRoles(u));
		var password = new Button("パスワード", e -> openPassword(u));
		var toggle = new Button(u.enabled() ? "無効化" : "有効化", e -> run(() -> users.setEnabled(u.username(), !u.enabled()), "状態を変更しました"));
		var unlock = new Button("ロック解除", e -> run(() -> users.unlock(u.username()), "ロックを解除しました"));
		unlock.setEnabled(u.locked());
		for (var b : new Button[] { roles, password, toggle, unlock }) {
			b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
		}
		return new HorizontalLayout(roles, password, toggle, unlock);
	}

	private void openCreate() {
		var dialog = new Dialog();
		dialog.setHeaderTitle("利用者を追加");
		var username = new TextField("ユーザー名");
		var displayName = new TextField("表示名");
		var password = new PasswordField("初期パスワード（英字と数字を含む10文字以上）");
		var roles = roleGroup(Set.of());
		var form = new FormLayout(username, displayName, password, roles);
		dialog.add(form);
		var save = new Button("登録", e -> run(() -> {
			users.create(username.getValue(), displayName.getValue(), password.getValue(), roles.getValue());
			dialog.close();
		}, "利用者を登録しました"));
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.getFooter().add(new Button("キャンセル", e -> dialog.close()), save);
		dialog.open();
	}

	private void openRoles(UserSummary u) {
		var dialog = new Dialog();
		dialog.setHeaderTitle(u.username() + " の役割");
		var roles = roleGroup(u.roles());
		dialog.add(roles);
		var save = new Button("保存", e -> run(() -> {
			users.changeRoles(u.username(), roles.getValue());
			dialog.close();
		}, "役割を変更しました"));
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.getFooter().add(new Button("キャンセル", e -> dialog.close()), save);
		dialog.open();
	}

	private void openPassword(UserSummary u) {
		var dialog = new Dialog();
		dialog.setHeaderTitle(u.username() + " のパスワード再設定");
		var password = new PasswordField("新しいパスワード（英字と数字を含む10文字以上）");
		password.setWidthFull();
		dialog.add(password);
		var save = new Button("再設定", e -> run(() -> {
			users.resetPassword(u.username(), password.getValue());
			dialog.close();
		}, "パスワードを再設定しました"));
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.getFooter().add(new Button("キャンセル", e -> dialog.close()), save);
		dialog.open();
	}

	private static CheckboxGroup<String> roleGroup(Set<String> selected) {
		var roles = new CheckboxGroup<String>("役割");
		roles.setItems(Roles.ALL);
		roles.setItemLabelGenerator(Roles::label);
		roles.setValue(selected);
		roles.setHelperText("情報管理責任者と現場責任者は兼ねられません（第1章3(3)）");
		return roles;
	}

	private void run(Runnable action, String done) {
		try {
			action.run();
			Notification.show(done, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			refresh();
		} catch (IllegalArgumentException e) {
			var n = Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
			n.addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
	}

	private void refresh() {
		grid.setItems(users.users());
	}
}
