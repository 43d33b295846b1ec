package com.yieldpilot.platform;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;

/**
 * How a failed asynchronous method is logged: a listener that asked for its event again
 * ({@link RedeliveredLater}) gets one warning line; anything else is an error with its
 * stack trace, as by default. The executor stays Spring Boot's application task executor,
 * which Boot wraps every {@link AsyncConfigurer} to supply (so this is a bean of its own,
 * not a configuration class whose bean Boot would replace).
 */
@Component
class AsyncFailures implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AsyncFailures.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		AsyncUncaughtExceptionHandler unexpected = new SimpleAsyncUncaughtExceptionHandler();
		return (Throwable ex, Method method, Object... params) -> {
			if (ex instanceof RedeliveredLater) {
				log.warn("{}.{}: {}", method.getDeclaringClass().getSimpleName(), method.getName(), ex.getMessage());
			}
			else {
				unexpected.handleUncaughtException(ex, method, params);
			}
		};
	}

}
