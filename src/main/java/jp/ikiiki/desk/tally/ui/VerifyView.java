package jp.ikiiki.desk.tally.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletScans;
import jp.ikiiki.desk.tally.TallyProperties;

/** The second keying (ベリファイ, 第7章1(4)), compared with the entry field by field as it is keyed. */
@Route("booklets/verify")
@PageTitle("手帳ベリファイ | いきいきデスク")
@Menu(order = 53, title = "手帳ベリファイ")
@RolesAllowed(Roles.OPERATOR)
class VerifyView extends KeyingScreen {

	VerifyView(BookletKeying keying, BookletScans scans, TallyProperties properties) {
		super(keying, scans, properties, Pass.VERIFY, "tally-verify", "tally.verify.title", "画面:手帳ベリファイ");
	}
}
