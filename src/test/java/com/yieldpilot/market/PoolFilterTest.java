package com.yieldpilot.market;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PoolFilterTest {

	@Test
	void blankCriteriaMeanAnyAndTextIsTrimmed() {
		PoolFilter filter = new PoolFilter(" ", "", null, null, null, null, null, "  base ");
		assertThat(filter.chain()).isNull();
		assertThat(filter.protocol()).isNull();
		assertThat(filter.text()).isEqualTo("base");
		assertThat(new PoolFilter(null, null, null, null, null, null, null, "\t")).isEqualTo(PoolFilter.any());
	}

	@Test
	void knowsWhichNewestValuesItReads() {
		PoolFilter filter = new PoolFilter(null, null, null, null, 5.0, null, 0.3, null);
		assertThat(filter.reads(Metric.APY)).isTrue();
		assertThat(filter.reads(Metric.RISK)).isTrue();
		assertThat(filter.reads(Metric.TVL)).isFalse();
		assertThat(PoolFilter.any().reads(Metric.APY)).isFalse();
	}

	@Test
	void boundsMustMakeSense() {
		assertThat(new PoolFilter(null, null, null, 5.0, 5.0, 0.0, 0.0, null).maxApy()).isEqualTo(5.0);
		assertThat(new PoolFilter(null, null, null, -1.0, null, null, 1.0, null).minApy()).as("APYs can be negative")
			.isEqualTo(-1.0);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PoolFilter(null, null, null, 5.1, 5.0, null, null, null))
			.withMessageContaining("minimum APY (5.1 %) is above the maximum APY (5.0 %)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PoolFilter(null, null, null, null, null, -5.0, null, null))
			.withMessageContaining("cannot be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PoolFilter(null, null, null, null, null, null, -0.1, null))
			.withMessageContaining("from 0 (safe) to 1 (risky)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PoolFilter(null, null, null, Double.POSITIVE_INFINITY, null, null, null, null))
			.withMessageContaining("minimum APY must be a number");
	}

	@Test
	void namesAndTextAreShortAndPrintable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PoolFilter("a".repeat(41), null, null, null, null, null, null, null))
			.withMessage("The chain has at most 40 characters, not 41.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PoolFilter(null, null, "US\u0000DC", null, null, null, null, null))
			.withMessage("The asset cannot contain control characters.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PoolFilter(null, null, null, null, null, null, null, "x".repeat(121)))
			.withMessageContaining("search text has at most 120 characters");
	}

}
