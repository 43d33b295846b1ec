package com.yieldpilot.platform;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener that asks for its event again logs one warning line; any other failure of an
 * asynchronous method keeps its error and stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncFailuresTest {

	private final AsyncUncaughtExceptionHandler handler = new PlatformConfiguration().redeliveryAwareAsyncConfigurer()
		.getAsyncUncaughtExceptionHandler();

	@Test
	void aListenerThatWantsItsEventAgainLogsOneWarningWithoutAStack(CapturedOutput output) throws Exception {
		this.handler.handleUncaughtException(
				new RedeliveredLater("intent 42 is reviewed again", new IllegalStateException("deep cause")),
				listener(), "event");

		assertThat(output.getOut() + output.getErr()).contains("WARN")
			.contains("AsyncFailuresTest.listener: intent 42 is reviewed again")
			.doesNotContain("deep cause")
			.doesNotContain("\tat ");
	}

	@Test
	void anyOtherFailureIsAnErrorWithItsStack(CapturedOutput output) throws Exception {
		this.handler.handleUncaughtException(new IllegalStateException("a bug"), listener(), "event");

		assertThat(output.getOut() + output.getErr()).contains("ERROR").contains("a bug").contains("\tat ");
	}

	private static Method listener() throws NoSuchMethodException {
		return AsyncFailuresTest.class.getDeclaredMethod("listener", Object.class);
	}

	@SuppressWarnings("unused")
	private void listener(Object event) {
	}

}
