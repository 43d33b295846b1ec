package com.yieldpilot.execution.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.execution.Guardrails;
import jakarta.annotation.security.RolesAllowed;

/**
 * For admins: the global kill switch on a page of its own, for the moment it is needed.
 * The execution page carries the same control next to what the pipeline is doing.
 */
@Route("kill-switch")
@PageTitle("Kill switch · YieldPilot")
@Menu(order = 87, icon = "vaadin:power-off", title = "Kill switch")
@RolesAllowed("ADMIN")
class KillSwitchView extends VerticalLayout {

	KillSwitchView(Guardrails guardrails) {
		add(new H2("Kill switch"),
				new Paragraph("While the kill switch is on, every intent that moves funds is blocked, paper and live, "
						+ "whatever the guardrails say, and nothing new is signed. Notifications still go out."),
				new KillSwitchControl(guardrails));
	}

}
