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

/** The first keying of every booklet (エントリー, 第7章1(4)). */
@Route("booklets/entry")
@PageTitle("手帳エントリー | いきいきデスク")
@Menu(order = 52, title = "手帳エントリー")
@RolesAllowed(Roles.OPERATOR)
class EntryView extends KeyingScreen {

	EntryView(BookletKeying keying, BookletScans scans, TallyProperties properties) {
		super(keying, scans, properties, Pass.ENTRY, "tally-entry", "tally.entry.title", "画面:手帳エントリー");
	}
}
