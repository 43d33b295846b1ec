package com.yieldpilot.execution.internal;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardrailFactReaderJoinTest {

	@Test
	void aReadOnAnotherThreadFailsWithItsOwnException() {
		IllegalArgumentException cause = new IllegalArgumentException("the market cannot be read");

		assertThatThrownBy(() -> GuardrailFactReader.join(CompletableFuture.failedFuture(cause))).isSameAs(cause);
	}

	@Test
	void aCheckedFailureIsWrappedWithWhatWasBeingRead() {
		Exception cause = new java.io.IOException("connection reset");

		assertThatThrownBy(() -> GuardrailFactReader.join(CompletableFuture.failedFuture(cause)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("guardrails' facts")
			.hasCause(cause);
	}

	@Test
	void aReadThatSucceededGivesItsAnswer() {
		assertThat(GuardrailFactReader.join(CompletableFuture.completedFuture("42"))).isEqualTo("42");
	}

}
