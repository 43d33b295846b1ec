package com.yieldpilot.risk.internal;

import java.nio.ByteBuffer;

import com.yieldpilot.risk.internal.model.Feature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FeatureBytesTest {

	@Test
	void aRowReadsBackBitForBitUnknownValuesIncluded() {
		float[] row = new float[Feature.COUNT];
		for (int i = 0; i < row.length; i++) {
			row[i] = (i % 7 == 0) ? Float.NaN : i * 0.37f - 3;
		}
		assertThat(FeatureBytes.read(FeatureBytes.write(row)))
			.hasValueSatisfying((read) -> assertThat(read).usingElementComparator(Float::compare).containsExactly(row));
	}

	@Test
	void aRowOfAnotherFeatureLayoutDoesNotReadBack() {
		byte[] bytes = FeatureBytes.write(new float[Feature.COUNT]);
		ByteBuffer.wrap(bytes).putInt(FeatureBytes.LAYOUT + 1);
		assertThat(FeatureBytes.read(bytes)).as("another order or other features").isEmpty();
		assertThat(FeatureBytes.read(new byte[4 + 4 * (Feature.COUNT - 1)])).as("fewer features").isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> FeatureBytes.write(new float[3]));
	}

}
