package jp.ikiiki.desk.platform.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's error pages, in Japanese and inside the console's layout, instead of Vaadin's bare English ones:
 * an unknown address and a screen the person's roles do not open (Vaadin shows the latter as "not found" in
 * production, so as not to tell which screens exist; both say what to do next).
 */
final class ErrorViews {

	private ErrorViews() {
	}

	private static void fill(VerticalLayout view, String title, String message, String testId) {
		view.removeAll();
		view.getElement().setAttribute("data-testid", testId);
		view.add(new H2(title), new Paragraph(message), new Anchor("", view.getTranslation("platform.error.home")));
	}

	/** An address no screen answers. */
	@ParentLayout(MainLayout.class)
	@PermitAll
	static class NotFound extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {
		@Override
		public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
			fill(this, getTranslation("platform.error.notFound.title"), getTranslation("platform.error.notFound.message"),
					"error-not-found");
			return HttpServletResponse.SC_NOT_FOUND;
		}

		@Override
		public String getPageTitle() {
			return getTranslation("platform.error.notFound.title") + " | " + getTranslation("platform.app.title");
		}
	}

	/** A screen the person's roles do not open. */
	@ParentLayout(MainLayout.class)
	@PermitAll
	static class Denied extends VerticalLayout implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {
		@Override
		public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
			fill(this, getTranslation("platform.error.denied.title"), getTranslation("platform.error.denied.message"),
					"error-denied");
			return HttpServletResponse.SC_FORBIDDEN;
		}

		@Override
		public String getPageTitle() {
			return getTranslation("platform.error.denied.title") + " | " + getTranslation("platform.app.title");
		}
	}
}
