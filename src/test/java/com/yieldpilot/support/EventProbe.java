package com.yieldpilot.support;

import com.yieldpilot.execution.ExecutionBlocked;
import com.yieldpilot.rules.IntentId;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A test event and its listener, to watch the event publication registry deliver across
 * threads.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EventProbe {

	@Bean
	Listener eventProbeListener() {
		return new Listener();
	}

	/** The probe event. */
	public record Probed(String id) {
	}

	/** Remembers every probe it received. */
	public static class Listener {

		private final Set<String> received = ConcurrentHashMap.newKeySet();

		@ApplicationModuleListener
		void on(Probed event) {
			this.received.add(event.id());
		}

		public boolean received(String id) {
			return this.received.contains(id);
		}

		private final Set<IntentId> blocked = ConcurrentHashMap.newKeySet();

		@ApplicationModuleListener
		void on(ExecutionBlocked event) {
			this.blocked.add(event.intent());
		}

		/** Whether {@code ExecutionBlocked} arrived for the intent. */
		public boolean blocked(IntentId intent) {
			return this.blocked.contains(intent);
		}

	}

}
