package jp.ikiiki.desk.payments.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.payments.AccountForms;
import jp.ikiiki.desk.security.Roles;

/** The first keying of a returned 口座登録用紙 (エントリー, 第10章3). */
@Route("accounts/entry")
@PageTitle("口座登録 入力 | いきいきデスク")
@Menu(order = 60, title = "口座登録 入力")
@RolesAllowed(Roles.OPERATOR)
class AccountEntryView extends AccountKeyingScreen {

	AccountEntryView(AccountForms forms) {
		super(forms, Pass.ENTRY, "payments-entry", "payments.entry.title");
	}
}
