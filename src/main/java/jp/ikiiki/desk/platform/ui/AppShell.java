package jp.ikiiki.desk.platform.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;

/**
 * The console's application shell. Server push is on, so that live screens (the call centre's wallboard, the
 * agent desk) update within a second of an event without polling. The console's style sheet (a static file: no
 * npm build) puts the bundled IPAex fonts on screen, so that names look as they will on paper, and styles the home
 * page's work items; the favicon is the application's own.
 */
@Push
public class AppShell implements AppShellConfigurator {

	@Override
	public void configurePage(AppShellSettings settings) {
		// A plain <link> in the page's head: @StyleSheet on the shell is not applied with the production bundle.
		settings.addLink("stylesheet", "styles/console.css");
		// The web font for characters the IPAex fonts lack (a subset of IPAmj Mincho; printing module).
		settings.addLink("stylesheet", "styles/gaiji.css");
		settings.addFavIcon("icon", "favicon.svg", "any");
		settings.addLink("alternate icon", "favicon.ico");
		settings.setPageTitle("いきいきデスク");
	}
}
