package com.yieldpilot.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.yieldpilot.platform.DatabaseFull;

import org.springframework.stereotype.Component;

/**
 * What a screen shows when an action fails for a reason the farmer should hear about: a
 * database out of disk space says so and what to do ({@link DatabaseFull#EXPLANATION}),
 * where Vaadin would otherwise only log it and leave the screen as if nothing happened.
 * Every other failure goes to Vaadin's own handler.
 */
@Component
class SessionErrors implements VaadinServiceInitListener {

	private static final int SHOWN_MILLIS = 15_000;

	private final DatabaseFull databaseFull;

	SessionErrors(DatabaseFull databaseFull) {
		this.databaseFull = databaseFull;
	}

	@Override
	public void serviceInit(ServiceInitEvent event) {
		event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::error));
	}

	void error(ErrorEvent event) {
		if (!this.databaseFull.raised(event.getThrowable())) {
			new DefaultErrorHandler().error(event);
			return;
		}
		UI ui = event.getComponent().flatMap(com.vaadin.flow.component.Component::getUI).orElse(UI.getCurrent());
		if (ui != null) {
			ui.access(() -> {
				Notification shown = Notification.show(DatabaseFull.EXPLANATION, SHOWN_MILLIS,
						Notification.Position.MIDDLE);
				shown.addThemeVariants(NotificationVariant.LUMO_ERROR);
			});
		}
	}

}
