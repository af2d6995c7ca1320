package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Supplier;
import jp.ikiiki.desk.agentdesk.InquiryCategories;
import jp.ikiiki.desk.agentdesk.InquiryCategory;
import jp.ikiiki.desk.security.Roles;

/**
 * 問合せ区分 (issue 4 point 1): floor managers add, rename, retire and restore the two-level inquiry categories.
 * Nothing is deleted, so the calls logged with a category keep it.
 */
@Route("desk/categories")
@PageTitle("問合せ区分 | いきいきデスク")
@Menu(title = "問合せ区分", order = 7)
@RolesAllowed(Roles.FLOOR_MANAGER)
class CategoriesView extends VerticalLayout {

	private final InquiryCategories categories;
	private final Grid<InquiryCategory> grid = new Grid<>(InquiryCategory.class, false);
	private final Select<InquiryCategory> parent = new Select<>();
	private final TextField name = new TextField();

	CategoriesView(InquiryCategories categories) {
		this.categories = categories;
		setWidthFull();
		add(new H2("問合せ区分"));

		parent.setId("categories-parent");
		parent.setLabel("上位区分");
		parent.setItemLabelGenerator(c -> c == null ? "（上位区分として追加）" : c.name());
		parent.setEmptySelectionAllowed(true);
		parent.setEmptySelectionCaption("（上位区分として追加）");
		name.setId("categories-name");
		name.setLabel("区分名");
		name.setMaxLength(40);
		var add = new Button("追加", e -> act(() -> categories.add(parent.getValue() == null ? null : parent.getValue().id(),
				name.getValue()), "追加しました"));
		add.setId("categories-add");
		add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		var bar = new HorizontalLayout(parent, name, add);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		add(bar);

		grid.setId("categories-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(c -> c.parentId() == null ? c.name() : "").setHeader("上位区分").setAutoWidth(true);
		grid.addColumn(c -> c.parentId() == null ? "" : c.name()).setHeader("下位区分").setAutoWidth(true);
		grid.addColumn(c -> c.active() ? "使用中" : "廃止").setHeader("状態").setAutoWidth(true);
		grid.addComponentColumn(c -> {
			var rename = new Button("名称変更", e -> act(() -> categories.rename(c.id(), name.getValue()), "名称を変更しました"));
			rename.setId("categories-rename-" + c.id());
			rename.addThemeVariants(ButtonVariant.LUMO_SMALL);
			var toggle = new Button(c.active() ? "廃止" : "再開", e -> act(() -> categories.setActive(c.id(), !c.active()),
					c.active() ? "廃止しました" : "再開しました"));
			toggle.setId("categories-toggle-" + c.id());
			toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
			return new HorizontalLayout(rename, toggle);
		}).setHeader("操作（名称変更は上の区分名欄の名前にします）").setFlexGrow(1);
		grid.setAllRowsVisible(true);
		add(grid);
		refresh();
	}

	private void act(Supplier<InquiryCategory> action, String done) {
		try {
			action.get();
			Notification.show(done, 3000, Notification.Position.BOTTOM_START);
			name.clear();
			refresh();
		} catch (IllegalArgumentException e) {
			Notification.show(e.getMessage(), 6000, Notification.Position.BOTTOM_START)
					.addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
	}

	private void refresh() {
		var all = categories.all();
		grid.setItems(all);
		parent.setItems(all.stream().filter(c -> c.parentId() == null).toList());
	}
}
