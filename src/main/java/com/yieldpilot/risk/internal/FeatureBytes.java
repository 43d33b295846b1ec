package com.yieldpilot.risk.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

import com.yieldpilot.risk.internal.model.Feature;

/**
 * A score's feature row as stored with it ({@code risk_score.features}): the hash of the
 * feature layout (every key in order), then one float per feature. A row written by a
 * build with other features or another order does not read back, so an explanation is
 * never computed from features mislabelled by a later release.
 */
final class FeatureBytes {

	static final int LAYOUT = Arrays.stream(Feature.values()).map(Feature::key).toList().hashCode();

	private FeatureBytes() {
	}

	static byte[] write(float[] row) {
		if (row.length != Feature.COUNT) {
			throw new IllegalArgumentException("A feature row has " + Feature.COUNT + " values, not " + row.length);
		}
		ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES + Float.BYTES * row.length);
		buffer.putInt(LAYOUT);
		for (float value : row) {
			buffer.putFloat(value);
		}
		return buffer.array();
	}

	/** The row, or empty when it was written with another feature layout. */
	static Optional<float[]> read(byte[] bytes) {
		if (bytes.length != Integer.BYTES + Float.BYTES * Feature.COUNT) {
			return Optional.empty();
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		if (buffer.getInt() != LAYOUT) {
			return Optional.empty();
		}
		float[] row = new float[Feature.COUNT];
		for (int i = 0; i < row.length; i++) {
			row[i] = buffer.getFloat();
		}
		return Optional.of(row);
	}

}
