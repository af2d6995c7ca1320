package jp.ikiiki.desk.telephony.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * ウォールボード (第6章2 ※1: the answer rate watched against 90 % through the day): lines in force and in use,
 * callers waiting and the longest wait, today's and this half-day's answer rate, abandoned, timed-out and refused
 * calls, the day's charts and every agent's state by name. Pushed to the browser shortly after each AMI event and
 * every second. 「TV表示」 opens the same board for a screen on the wall ({@link TvWallboardView}).
 */
@Route("wallboard")
@PageTitle("ウォールボード | いきいきデスク")
@Menu(order = 25, title = "ウォールボード")
@RolesAllowed({ "FLOOR_MANAGER", "AGENT", "CITY_STAFF" })
class WallboardView extends VerticalLayout {

	WallboardView(WallboardSource source, WallboardCharts charts, WallboardFeed feed) {
		setWidthFull();
		H2 title = new H2(getTranslation("telephony.wallboard.title"));
		title.getStyle().set("margin", "0");
		Anchor tv = new Anchor(TvWallboardView.ROUTE, getTranslation("telephony.wallboard.tv"));
		tv.setId("wallboard-tv-link");
		tv.getElement().getThemeList().add("badge");
		tv.getElement().getThemeList().add("contrast");
		Div header = new Div(title, tv);
		header.getStyle().set("display", "flex").set("align-items", "baseline").set("gap", "var(--lumo-space-m)");
		add(new WallboardBoard(source, charts, feed, false, header));
	}
}
