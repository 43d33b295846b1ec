package com.yieldpilot.market.internal.defillama;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * The one JSON reader setting for DefiLlama-shaped documents, live responses and history
 * files alike, so their limits cannot drift apart.
 */
public final class DefiLlamaJson {

	public static final JsonFactory FACTORY = JsonFactory.builder()
		// Python-written JSON (DefiLlama's pipeline, many mirrors) contains bare NaN and
		// Infinity; reading them as tokens lets the field rules treat them as junk
		// instead of the whole body failing
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		// the caller opened the stream and closes it
		.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
		// a record is a few hundred bytes of shallow JSON: anything deeper or longer
		// is an attack or a broken feed, and must not cost memory
		.streamReadConstraints(StreamReadConstraints.builder()
			.maxNestingDepth(64)
			.maxStringLength(1 << 20)
			.maxNameLength(1024)
			.build())
		.build();

	private DefiLlamaJson() {
	}

}
