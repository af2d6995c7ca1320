package jp.ikiiki.desk.security.ui;

import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.login.LoginOverlay;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The sign-in screen (Japanese labels); Spring Security processes the form (with its CSRF token). After a failed
 * sign-in the user name typed is kept and the focus is on the password; an address refused after too many failures
 * is told so.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends LoginOverlay implements BeforeEnterObserver, HasDynamicTitle {

	/** Session attribute holding the user name of the last failed sign-in, set by the failure handler. */
	public static final String LAST_USERNAME = LoginView.class.getName() + ".lastUsername";

	public LoginView() {
		setI18n(i18n(false));
		setForgotPasswordButtonVisible(false);
		setAction("login");
		setOpened(true);
	}

	private LoginI18n i18n(boolean throttled) {
		var i18n = LoginI18n.createDefault();
		i18n.setHeader(new LoginI18n.Header());
		i18n.getHeader().setTitle(getTranslation("security.login.title"));
		i18n.getHeader().setDescription(getTranslation("security.login.description"));
		i18n.getForm().setTitle(getTranslation("security.login.submit"));
		i18n.getForm().setUsername(getTranslation("security.login.username"));
		i18n.getForm().setPassword(getTranslation("security.login.password"));
		i18n.getForm().setSubmit(getTranslation("security.login.submit"));
		i18n.getForm().setForgotPassword("");
		i18n.getErrorMessage().setTitle(getTranslation("security.login.error.title"));
		i18n.getErrorMessage().setMessage(getTranslation(throttled ? "security.login.error.throttled" : "security.login.error.message"));
		i18n.getErrorMessage().setUsername(getTranslation("security.login.error.username"));
		i18n.getErrorMessage().setPassword(getTranslation("security.login.error.password"));
		return i18n;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("security.login.pageTitle");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		var parameters = event.getLocation().getQueryParameters().getParameters();
		boolean error = parameters.containsKey("error");
		if (parameters.containsKey("throttled")) {
			setI18n(i18n(true));
		}
		setError(error);
		VaadinSession session = VaadinSession.getCurrent();
		Object last = session == null ? null : session.getSession().getAttribute(LAST_USERNAME);
		if (session != null) {
			session.getSession().removeAttribute(LAST_USERNAME);
		}
		if (error && last instanceof String username && !username.isBlank()) {
			// The overlay renders its fields after it opens: fill the name and put the cursor on the password then.
			getElement().executeJs("""
					const name = $0;
					let tries = 0;
					const fill = () => {
					  const user = document.getElementById('vaadinLoginUsername');
					  const password = document.getElementById('vaadinLoginPassword');
					  if (user && password) {
					    user.value = name;
					    password.focus();
					  } else if (tries++ < 100) {
					    requestAnimationFrame(fill);
					  }
					};
					fill();""", username);
		}
	}
}
