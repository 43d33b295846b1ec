package com.yieldpilot.platform;

import java.lang.reflect.Method;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Beans every module may use. Asynchronous execution is on because modules react to each
 * other's events with {@code @ApplicationModuleListener}, which runs after the
 * publisher's commit on another thread. The {@link AsyncConfigurer} is a bean of its own,
 * not this class: Spring Boot wraps every {@code AsyncConfigurer} bean in its own
 * delegate, and a configuration class so wrapped can no longer make its beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class PlatformConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

	/** The one clock of the application, so tests can control time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * A listener that asked for its event again ({@link RedeliveredLater}) gets one
	 * warning line; anything else is an error with its stack trace, as by default.
	 */
	@Bean
	AsyncConfigurer redeliveryAwareAsyncConfigurer() {
		AsyncUncaughtExceptionHandler unexpected = new SimpleAsyncUncaughtExceptionHandler();
		AsyncUncaughtExceptionHandler handler = (Throwable ex, Method method, Object... params) -> {
			if (ex instanceof RedeliveredLater) {
				log.warn("{}.{}: {}", method.getDeclaringClass().getSimpleName(), method.getName(), ex.getMessage());
			}
			else {
				unexpected.handleUncaughtException(ex, method, params);
			}
		};
		return new AsyncConfigurer() {

			@Override
			public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
				return handler;
			}

		};
	}

}
