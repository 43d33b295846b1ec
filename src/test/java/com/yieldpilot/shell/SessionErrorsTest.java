package com.yieldpilot.shell;

import java.sql.SQLException;
import java.time.Clock;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.yieldpilot.platform.DatabaseFull;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

// no views: the handler is called as Vaadin calls it
@ViewPackages(packages = "com.yieldpilot.shell.noviews")
class SessionErrorsTest extends BrowserlessTest {

	private final SessionErrors errors = new SessionErrors(
			new DatabaseFull(new SimpleMeterRegistry(), Clock.systemUTC()));

	@Test
	void aFullDatabaseIsShownWithWhatToDo() {
		this.errors.error(new ErrorEvent(
				new DataAccessResourceFailureException("insert into rule_definition failed", new SQLException(
						"could not extend file \"base/5/16384\": No space left on device", DatabaseFull.SQLSTATE))));
		roundTrip();
		assertThat(test($(Notification.class).single()).getText()).isEqualTo(DatabaseFull.EXPLANATION);
	}

	@Test
	void anyOtherFailureIsLeftToVaadinsOwnHandler() {
		this.errors.error(new ErrorEvent(new IllegalStateException("something else")));
		roundTrip();
		assertThat($(Notification.class).all()).isEmpty();
	}

}
