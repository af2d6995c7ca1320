package jp.ikiiki.desk.security.ui;

import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.login.LoginOverlay;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The sign-in screen (Japanese labels); Spring Security processes the form. */
@Route(value = "login", autoLayout = false)
@PageTitle("ログイン | いきいきデスク")
@AnonymousAllowed
public class LoginView extends LoginOverlay implements BeforeEnterObserver {

	public LoginView() {
		var i18n = LoginI18n.createDefault();
		i18n.setHeader(new LoginI18n.Header());
		i18n.getHeader().setTitle(getTranslation("login.title"));
		i18n.getHeader().setDescription(getTranslation("login.description"));
		i18n.getForm().setTitle(getTranslation("login.submit"));
		i18n.getForm().setUsername(getTranslation("login.username"));
		i18n.getForm().setPassword(getTranslation("login.password"));
		i18n.getForm().setSubmit(getTranslation("login.submit"));
		i18n.getForm().setForgotPassword("");
		i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
		i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
		setI18n(i18n);
		setForgotPasswordButtonVisible(false);
		setAction("login");
		setOpened(true);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
	}
}
