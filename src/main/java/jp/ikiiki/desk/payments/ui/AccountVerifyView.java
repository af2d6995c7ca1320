package jp.ikiiki.desk.payments.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.payments.AccountForms;
import jp.ikiiki.desk.security.Roles;

/** The second keying of a 口座登録用紙 by another operator (ベリファイ, 第10章3), compared field by field. */
@Route("accounts/verify")
@PageTitle("口座登録 照合 | いきいきデスク")
@Menu(order = 61, title = "口座登録 照合")
@RolesAllowed(Roles.OPERATOR)
class AccountVerifyView extends AccountKeyingScreen {

	AccountVerifyView(AccountForms forms) {
		super(forms, Pass.VERIFY, "payments-verify", "payments.verify.title");
	}
}
