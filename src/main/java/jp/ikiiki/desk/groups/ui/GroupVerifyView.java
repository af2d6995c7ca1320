package jp.ikiiki.desk.groups.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.ikiiki.desk.groups.GroupForms;
import jp.ikiiki.desk.security.Roles;

/** The second keying of a group's form, compared with the first field by field (ベリファイ, 第10章2). */
@Route("groups/verify")
@PageTitle("活動団体 届出書照合 | いきいきデスク")
@Menu(order = 72, title = "活動団体 届出書照合")
@RolesAllowed(Roles.OPERATOR)
class GroupVerifyView extends GroupKeyingScreen {

	GroupVerifyView(GroupForms forms) {
		super(forms, true, "groups-verify", "groups.verify.title");
	}
}
