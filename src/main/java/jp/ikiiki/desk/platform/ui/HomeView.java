package jp.ikiiki.desk.platform.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Landing page after sign-in. */
@Route("")
@PageTitle("ホーム | いきいきデスク")
@Menu(order = 0, title = "ホーム")
@PermitAll
class HomeView extends VerticalLayout {
	HomeView() {
		add(new H2(getTranslation("home.welcome")));
		add(new Paragraph("左のメニューから業務を選んでください。"));
	}
}
