package com.yieldpilot.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Beans every module may use. Asynchronous execution is on because modules react to each
 * other's events with {@code @ApplicationModuleListener}, which runs after the
 * publisher's commit on another thread.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class PlatformConfiguration {

	/** The one clock of the application, so tests can control time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
