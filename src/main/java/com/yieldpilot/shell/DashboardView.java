package com.yieldpilot.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The landing page after log-in. Portfolio, rules and executions come here as their
 * modules arrive.
 */
@Route("")
@PageTitle("Dashboard · YieldPilot")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Dashboard")
@PermitAll
class DashboardView extends VerticalLayout {

	DashboardView() {
		addClassName("dashboard-view");
		add(new H2("Dashboard"), new Paragraph(
				"Your vault, your rules and what they did will show here. Create an API token from the user menu "
						+ "to use the REST API."));
	}

}
