package com.yieldpilot.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's message converter with secrets masked. Registered for {@code %m},
 * {@code %msg} and {@code %message} in {@code logback-spring.xml}, so every appender's
 * pattern is covered. The one logger allowed to print secrets is
 * {@value #LOCAL_CREDENTIALS_LOGGER}, which local mode uses once, on first start, to show
 * the generated demo logins.
 */
public class RedactingMessageConverter extends MessageConverter {

	/** The logger whose messages are not masked. */
	public static final String LOCAL_CREDENTIALS_LOGGER = "yieldpilot.local-credentials";

	@Override
	public String convert(ILoggingEvent event) {
		String message = super.convert(event);
		if (message == null || LOCAL_CREDENTIALS_LOGGER.equals(event.getLoggerName())) {
			return message;
		}
		return Redaction.redact(message);
	}

}
