package com.yieldpilot.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The system's UTC clock plus an offset that a test moves forward. Time runs as usual
 * between jumps, so a whole node (market refreshes, leases, rule evaluation) keeps
 * working on it while a test skips the hours a timeout needs.
 */
public final class JumpingClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	public void jump(Duration ahead) {
		if (ahead.isNegative()) {
			throw new IllegalArgumentException("A jumping clock only moves forward, not by " + ahead);
		}
		this.offset = this.offset.plus(ahead);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	/**
	 * For {@link SecondApplication#start}: makes this the node's one clock, in place of
	 * the application's {@code clock} bean.
	 */
	public ApplicationContextInitializer<ConfigurableApplicationContext> asTheNodesClock() {
		return (context) -> context.addBeanFactoryPostProcessor((beans) -> {
			DefaultListableBeanFactory registry = (DefaultListableBeanFactory) beans;
			registry.removeBeanDefinition("clock");
			registry.registerSingleton("clock", this);
		});
	}

}
