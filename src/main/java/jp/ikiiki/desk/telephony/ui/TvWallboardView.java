package jp.ikiiki.desk.telephony.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The wallboard for a screen on the wall: the whole viewport, no menu, type sized to the screen (readable from
 * across the room on a 1920×1080 television, still whole at 1280×720), agents as cards. 「全画面」 asks the browser
 * for full screen (the browser's own key, F11, does too); 「通常表示」 goes back to the console.
 */
@Route(value = TvWallboardView.ROUTE, autoLayout = false)
@PageTitle("ウォールボード（TV表示） | いきいきデスク")
@RolesAllowed({ "FLOOR_MANAGER", "AGENT", "CITY_STAFF" })
class TvWallboardView extends Div {

	static final String ROUTE = "wallboard/tv";

	TvWallboardView(WallboardSource source, WallboardCharts charts, WallboardFeed feed) {
		setId("wallboard-tv");
		Span title = new Span(getTranslation("telephony.wallboard.tv-title"));
		title.getStyle().set("font-size", "clamp(18px, 2vw, 46px)").set("font-weight", "700");
		Button fullScreen = new Button(getTranslation("telephony.wallboard.full-screen"));
		fullScreen.setId("wallboard-full-screen");
		fullScreen.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
		// In the browser itself: full screen needs the click's own user gesture, not a server round trip.
		fullScreen.getElement().executeJs(
				"this.addEventListener('click', () => document.documentElement.requestFullscreen && "
						+ "document.documentElement.requestFullscreen().catch(() => {}))");
		Anchor back = new Anchor("wallboard", getTranslation("telephony.wallboard.console"));
		back.setId("wallboard-console-link");
		back.getStyle().set("font-size", "var(--lumo-font-size-s)");
		Div header = new Div(title, fullScreen, back);
		header.getStyle().set("display", "flex").set("align-items", "center").set("gap", "1vw");
		add(new WallboardBoard(source, charts, feed, true, header));
		getStyle().set("position", "fixed").set("inset", "0").set("padding", "1.2vh 1.2vw").set("box-sizing", "border-box")
				.set("background", "var(--lumo-base-color)").set("overflow", "hidden");
	}
}
