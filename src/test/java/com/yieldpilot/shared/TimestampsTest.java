package com.yieldpilot.shared;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The timestamp shapes history files carry, and what each means. */
class TimestampsTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			2023-04-13T22:13:41.138Z   | 2023-04-13T22:13:41.138Z
			2024-03-08T01:30:12+02:00  | 2024-03-07T23:30:12Z
			2024-01-01                 | 2024-01-01T00:00:00Z
			2024-01-02 12:00:00        | 2024-01-02T12:00:00Z
			2024-01-02T12:00:00        | 2024-01-02T12:00:00Z
			2024-01-02 12:00:00+00:00  | 2024-01-02T12:00:00Z
			2024-01-02 12:00:00.250000+00:00 | 2024-01-02T12:00:00.250Z
			1709424235                 | 2024-03-03T00:03:55Z
			1709424235.5               | 2024-03-03T00:03:55.500Z
			1709424235000              | 2024-03-03T00:03:55Z
			2024-13-40                 | none
			yesterday                  | none
			-1709424235                | none
			''                         | none
			""")
	void readsEachShape(String text, String expected) {
		Optional<Instant> parsed = Timestamps.parse(text);
		if (expected == null) {
			assertThat(parsed).isEmpty();
		}
		else {
			assertThat(parsed).contains(Instant.parse(expected));
		}
	}

}
