package jp.ikiiki.desk.platform.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.ikiiki.desk.shared.CurrentUser;

/**
 * The console's shell: title, the signed-in person by the name colleagues know (the login name is kept as an
 * attribute for tests and support), sign-out, and a menu built from the {@code @Menu} views the person's roles
 * allow, each with the count of its open work ({@link WorkItems}) — refreshed on every navigation.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout implements AfterNavigationObserver {

	private final WorkItemsBoard board;
	private final Map<String, SideNavItem> entries = new LinkedHashMap<>();

	MainLayout(AuthenticationContext authentication, WorkItemsBoard board) {
		this.board = board;
		var title = new H1(getTranslation("platform.app.title"));
		title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
		var user = new Span(CurrentUser.displayName());
		user.getElement().setAttribute("data-testid", "current-user");
		user.getElement().setAttribute("data-username", CurrentUser.name());
		user.getElement().setAttribute("title", getTranslation("platform.app.signedInAs", CurrentUser.name()));
		var logout = new Button(getTranslation("platform.app.logout"), e -> authentication.logout());
		logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		var header = new HorizontalLayout(new DrawerToggle(), title, user, logout);
		header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		header.setWidthFull();
		header.expand(title);
		header.getStyle().set("padding-right", "var(--lumo-space-m)");
		addToNavbar(header);

		var nav = new SideNav();
		nav.setId("main-menu");
		MenuConfiguration.getMenuEntries().forEach(entry -> {
			var item = new SideNavItem(entry.title(), entry.path());
			entries.put(WorkItemsBoard.route(entry.path()), item);
			nav.addItem(item);
		});
		addToDrawer(nav);
		setPrimarySection(Section.DRAWER);
	}

	@Override
	public void afterNavigation(AfterNavigationEvent event) {
		var badges = WorkItemsBoard.badges(board.items());
		entries.forEach((route, item) -> {
			var badge = badges.get(route);
			if (badge == null) {
				item.setSuffixComponent(null);
				return;
			}
			var count = new Span(String.valueOf(badge.count()));
			count.addClassName("menu-count");
			count.getElement().setAttribute("data-urgency", badge.urgency().name());
			count.getElement().setAttribute("data-testid", "menu-count-" + route);
			count.getElement().setAttribute("aria-label", getTranslation("platform.menu.count", badge.count()));
			item.setSuffixComponent(count);
		});
	}
}
