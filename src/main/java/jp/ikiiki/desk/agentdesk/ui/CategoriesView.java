package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import jp.ikiiki.desk.agentdesk.InquiryCategories;
import jp.ikiiki.desk.agentdesk.InquiryCategory;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;

/**
 * 問合せ区分 (第6章1(4): the calls are classified): floor managers add, rename, retire and restore the two-level
 * inquiry categories. Nothing is deleted, so the calls logged with a category keep it; retiring asks first and says
 * what it does. The list keeps the categories' own order (each first-level category followed by its children).
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
	private final Span listed = new Span();
	private List<InquiryCategory> all = List.of();

	CategoriesView(InquiryCategories categories) {
		this.categories = categories;
		setSizeFull();
		setSpacing(false);
		getStyle().set("gap", "var(--lumo-space-s)");
		H2 title = new H2(getTranslation("agentdesk.categories.title"));
		title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
		add(title);

		parent.setId("categories-parent");
		parent.setLabel(getTranslation("agentdesk.categories.parent"));
		parent.setItemLabelGenerator(c -> c == null ? getTranslation("agentdesk.categories.as-parent") : c.name());
		parent.setEmptySelectionAllowed(true);
		parent.setEmptySelectionCaption(getTranslation("agentdesk.categories.as-parent"));
		name.setId("categories-name");
		name.setLabel(getTranslation("agentdesk.categories.name"));
		name.setMaxLength(40);
		Button add = new Button(getTranslation("agentdesk.categories.add"), e -> {
			Long parentId = parent.getValue() == null ? null : parent.getValue().id();
			if (Notices.attempt(() -> categories.add(parentId, name.getValue()), getTranslation("agentdesk.categories.added"))) {
				name.clear();
				refresh();
			}
		});
		add.setId("categories-add");
		add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		listed.setId("categories-count");
		HorizontalLayout bar = new HorizontalLayout(parent, name, add, listed);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		add(bar);

		grid.setId("categories-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(c -> c.parentId() == null ? c.name() : "").setHeader(getTranslation("agentdesk.categories.level1"))
				.setAutoWidth(true);
		grid.addColumn(c -> c.parentId() == null ? "" : c.name()).setHeader(getTranslation("agentdesk.categories.level2"))
				.setAutoWidth(true);
		grid.addColumn(c -> getTranslation(c.active() ? "agentdesk.categories.active" : "agentdesk.categories.retired"))
				.setHeader(getTranslation("agentdesk.categories.state")).setAutoWidth(true);
		grid.addComponentColumn(c -> {
			Button rename = new Button(getTranslation("agentdesk.categories.rename"), e -> renameDialog(c));
			rename.setId("categories-rename-" + c.id());
			rename.addThemeVariants(ButtonVariant.LUMO_SMALL);
			Button toggle = new Button(getTranslation(c.active() ? "agentdesk.categories.retire" : "agentdesk.categories.restore"),
					e -> {
						if (c.active()) {
							confirmRetire(c);
						} else if (Notices.attempt(() -> categories.setActive(c.id(), true),
								getTranslation("agentdesk.categories.restored", c.fullName()))) {
							refresh();
						}
					});
			toggle.setId("categories-toggle-" + c.id());
			toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
			if (c.active()) {
				toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
			}
			return new HorizontalLayout(rename, toggle);
		}).setHeader(getTranslation("agentdesk.categories.actions")).setFlexGrow(1);
		grid.setEmptyStateText(getTranslation("agentdesk.categories.none"));
		grid.setSizeFull();
		add(grid);
		expand(grid);
		refresh();
	}

	private void renameDialog(InquiryCategory c) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("agentdesk.categories.rename-title", c.fullName()));
		TextField newName = new TextField(getTranslation("agentdesk.categories.name"));
		newName.setId("categories-rename-name");
		newName.setValue(c.name());
		newName.setMaxLength(40);
		newName.setWidth("20rem");
		Span consequence = new Span(getTranslation("agentdesk.categories.rename-text"));
		consequence.getStyle().set("font-size", "var(--lumo-font-size-s)");
		Button ok = new Button(getTranslation("agentdesk.categories.rename"), e -> {
			if (Notices.attempt(() -> categories.rename(c.id(), newName.getValue()),
					getTranslation("agentdesk.categories.renamed"))) {
				dialog.close();
				refresh();
			}
		});
		ok.setId("categories-rename-ok");
		ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.add(new VerticalLayout(newName, consequence));
		dialog.getFooter().add(new Button(getTranslation("agentdesk.categories.cancel"), e -> dialog.close()), ok);
		dialog.open();
	}

	private void confirmRetire(InquiryCategory c) {
		long children = all.stream().filter(k -> k.parentId() != null && k.parentId() == c.id() && k.active()).count();
		ConfirmDialog ask = new ConfirmDialog();
		ask.setId("categories-retire-confirm");
		ask.setHeader(getTranslation("agentdesk.categories.retire-title", c.fullName()));
		ask.setText(getTranslation("agentdesk.categories.retire-text", c.fullName())
				+ (children > 0 ? getTranslation("agentdesk.categories.retire-children", children) : ""));
		ask.setCancelable(true);
		ask.setCancelText(getTranslation("agentdesk.categories.cancel"));
		ask.setConfirmText(getTranslation("agentdesk.categories.retire"));
		ask.setConfirmButtonTheme("error primary");
		ask.addConfirmListener(e -> {
			if (Notices.attempt(() -> categories.setActive(c.id(), false),
					getTranslation("agentdesk.categories.retired-done", c.fullName()))) {
				refresh();
			}
		});
		ask.open();
	}

	private void refresh() {
		all = categories.all();
		grid.setItems(all);
		parent.setItems(all.stream().filter(c -> c.parentId() == null).toList());
		listed.setText(getTranslation("agentdesk.categories.count", all.size(), all.stream().filter(c -> !c.active()).count()));
	}
}
