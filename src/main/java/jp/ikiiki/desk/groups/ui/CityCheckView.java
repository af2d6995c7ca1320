package jp.ikiiki.desk.groups.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import jp.ikiiki.desk.groups.GroupField;
import jp.ikiiki.desk.groups.GroupForms;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;

/**
 * The city's check of the verified forms (第5章2): every form keyed and verified, with its values (the representative's
 * too), downloadable as XLSX; city staff approve or reject each (with the reason), once.
 */
@Route("groups/check")
@PageTitle("活動団体 市の確認 | いきいきデスク")
@Menu(order = 73, title = "活動団体 市の確認")
@RolesAllowed({ Roles.CITY_STAFF, Roles.FLOOR_MANAGER })
class CityCheckView extends VerticalLayout {

	private final GroupForms forms;
	private final Grid<GroupForms.CheckItem> grid = new Grid<>();
	private final TextField reason = new TextField();

	CityCheckView(GroupForms forms) {
		this.forms = forms;
		setSizeFull();
		var heading = new H2(getTranslation("groups.check.title"));
		heading.getStyle().set("margin", "0");
		grid.setId("groups-check-grid");
		grid.addColumn(i -> i.form().id()).setHeader(getTranslation("groups.check.form")).setAutoWidth(true);
		grid.addColumn(i -> getTranslation(Keys.FORM + i.form().form().name()))
				.setHeader(getTranslation("groups.check.kind")).setAutoWidth(true);
		grid.addColumn(i -> i.values().get(GroupField.NAME)).setHeader(getTranslation(GroupField.NAME.labelKey()))
				.setFlexGrow(2);
		grid.addColumn(i -> i.values().get(GroupField.WARD)).setHeader(getTranslation(GroupField.WARD.labelKey()))
				.setAutoWidth(true);
		grid.addColumn(i -> i.values().get(GroupField.ACTIVITY_CODES))
				.setHeader(getTranslation(GroupField.ACTIVITY_CODES.labelKey())).setAutoWidth(true);
		grid.addColumn(i -> i.values().get(GroupField.REPRESENTATIVE_NAME))
				.setHeader(getTranslation(GroupField.REPRESENTATIVE_NAME.labelKey())).setAutoWidth(true);
		grid.addColumn(i -> i.values().get(GroupField.MEETING_PLACE))
				.setHeader(getTranslation(GroupField.MEETING_PLACE.labelKey())).setFlexGrow(2);
		grid.setSizeFull();
		reason.setId("groups-check-reason");
		reason.setPlaceholder(getTranslation("groups.check.reason"));
		reason.setMaxLength(500);
		reason.setWidth("24em");
		var approve = new Button(getTranslation("groups.check.approve"), e -> decide(true));
		approve.setId("groups-check-approve");
		approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		var reject = new Button(getTranslation("groups.check.reject"), e -> decide(false));
		reject.setId("groups-check-reject");
		reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
		boolean city = CurrentUser.hasRole(Roles.CITY_STAFF);
		approve.setEnabled(city);
		reject.setEnabled(city);
		var xlsx = new Anchor(DownloadHandler.fromInputStream(event -> {
			byte[] bytes = forms.checkListWorkbook("画面:市の確認リスト");
			return new DownloadResponse(new ByteArrayInputStream(bytes), "group-forms-check.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.length);
		}), getTranslation("groups.check.xlsx"));
		xlsx.setId("groups-check-xlsx");
		var actions = new HorizontalLayout(reason, approve, reject, xlsx);
		actions.setAlignItems(Alignment.BASELINE);
		add(heading, actions, grid);
		refresh();
	}

	private void refresh() {
		grid.setItems(forms.checkList("画面:市の確認リスト"));
	}

	private void decide(boolean approve) {
		var selected = grid.asSingleSelect().getValue();
		if (selected == null) {
			Notices.info(getTranslation("groups.check.select"));
			return;
		}
		try {
			forms.approve(selected.form().id(), approve, reason.getValue());
		} catch (DomainException e) {
			Notices.error(e);
			return;
		}
		Notices.success(getTranslation(approve ? "groups.check.approved" : "groups.check.rejected", selected.form().id()));
		reason.clear();
		refresh();
	}
}
