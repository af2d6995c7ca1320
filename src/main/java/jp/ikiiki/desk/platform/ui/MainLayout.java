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
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The console's shell: title, the signed-in user, sign-out, and a menu built from the {@code @Menu} views the
 * user's roles allow.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout {

	MainLayout(AuthenticationContext authentication) {
		var title = new H1(getTranslation("app.title"));
		title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
		var user = new Span(authentication.getPrincipalName().orElse(""));
		user.getElement().setAttribute("data-testid", "current-user");
		var logout = new Button(getTranslation("app.logout"), e -> authentication.logout());
		logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		var header = new HorizontalLayout(new DrawerToggle(), title, user, logout);
		header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		header.setWidthFull();
		header.expand(title);
		header.getStyle().set("padding-right", "var(--lumo-space-m)");
		addToNavbar(header);

		var nav = new SideNav();
		MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(new SideNavItem(entry.title(), entry.path())));
		addToDrawer(nav);
		setPrimarySection(Section.DRAWER);
	}
}
