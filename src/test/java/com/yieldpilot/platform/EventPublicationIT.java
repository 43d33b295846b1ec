package com.yieldpilot.platform;

import java.time.Duration;
import java.util.UUID;

import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.EventProbe;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Events between modules go through the JDBC publication registry on the Flyway-created
 * table.
 */
class EventPublicationIT extends ApplicationIT {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventProbe.Listener listener;

	@Test
	void committedEventIsStoredDeliveredAndMarkedComplete() {
		String id = UUID.randomUUID().toString();
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(new EventProbe.Probed(id)));

		await().atMost(Duration.ofSeconds(20)).until(() -> this.listener.received(id));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.dsl.fetchCount(table(name("event_publication")),
					field(name("serialized_event")).contains(id).and(field(name("completion_date")).isNotNull())) == 1);
	}

	@Test
	void eventOfARolledBackTransactionIsNeitherStoredNorDelivered() {
		String id = UUID.randomUUID().toString();
		this.transactions.executeWithoutResult(status -> {
			this.events.publishEvent(new EventProbe.Probed(id));
			status.setRollbackOnly();
		});
		// a second, committed probe proves delivery is working, so the first one's
		// absence means something
		String witness = UUID.randomUUID().toString();
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(new EventProbe.Probed(witness)));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.listener.received(witness));
		assertThat(this.listener.received(id)).isFalse();
		assertThat(this.dsl.fetchCount(table(name("event_publication")), field(name("serialized_event")).contains(id)))
			.isZero();
	}

}
