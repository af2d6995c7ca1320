package jp.ikiiki.desk.groups.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.ikiiki.desk.groups.GroupForms;
import jp.ikiiki.desk.security.Roles;

/** The first keying of a group's form (エントリー, 第10章2). */
@Route("groups/entry")
@PageTitle("活動団体 届出書入力 | いきいきデスク")
@Menu(order = 71, title = "活動団体 届出書入力")
@RolesAllowed(Roles.OPERATOR)
class GroupEntryView extends GroupKeyingScreen {

	GroupEntryView(GroupForms forms) {
		super(forms, false, "groups-entry", "groups.entry.title");
	}
}
