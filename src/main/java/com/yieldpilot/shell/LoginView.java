package com.yieldpilot.shell;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Password log-in. Spring Security processes the form; a failed attempt comes back with
 * {@code ?error}.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · YieldPilot")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

	private final LoginForm login = new LoginForm();

	LoginView() {
		addClassName("login-view");
		setSizeFull();
		setAlignItems(Alignment.CENTER);
		setJustifyContentMode(JustifyContentMode.CENTER);
		this.login.setAction("login");
		this.login.setForgotPasswordButtonVisible(false);
		add(new H1("YieldPilot"), new Paragraph("Automated yield farming from your own vault."), this.login);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
	}

}
