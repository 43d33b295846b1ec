package com.yieldpilot.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module may use. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/** The one clock of the application, so tests can control time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
